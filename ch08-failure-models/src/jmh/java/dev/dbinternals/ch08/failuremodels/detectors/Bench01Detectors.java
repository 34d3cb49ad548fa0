package dev.dbinternals.ch08.failuremodels.detectors;

import dev.dbinternals.ch08.failuremodels.clocks.TimeSource;
import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.LocalClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a failure detector costs the monitor, per question "do you suspect P?", and what a
 * simulated minute of heartbeats costs the simulator.
 *
 * <p>Book: Chapter 8, "Need to Handle Failures" (장애 처리, 장애 검출기). A timeout detector
 * answers with one subtraction; phi-accrual computes a mean, a variance and a normal tail
 * (an {@code exp} and a {@code log10}) per question. Both are tiny next to a network round
 * trip, which is the point: the price of a detector is its mistakes and its delay (demo 4),
 * not its CPU.
 *
 * <p>Run: {@code java -jar ch08-failure-models/target/benchmarks.jar Bench01 -f 1 -wi 3 -i 5}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class Bench01Detectors {

    /** A clock the benchmark moves by hand: 100 ms between heartbeats, with a little jitter. */
    static final class StepClock implements LocalClock {
        long nanos = 1_000_000_000L;

        @Override
        public long wallMillis() {
            return nanos / 1_000_000L;
        }

        @Override
        public long monotonicNanos() {
            return nanos;
        }
    }

    private static final Address P = Address.of("P");
    private final StepClock clock = new StepClock();
    private TimeoutDetector timeout;
    private PhiAccrualDetector phi;
    private long tick;

    @Setup
    public void setUp() {
        timeout = new TimeoutDetector(Duration.ofMillis(500), TimeSource.MONOTONIC);
        phi = new PhiAccrualDetector(8, 100, 100_000_000L, 10_000_000L);
        timeout.start(List.of(P), clock);
        phi.start(List.of(P), clock);
        for (int i = 0; i < 200; i++) {
            clock.nanos += 100_000_000L + (i % 7) * 1_000_000L;
            timeout.heartbeat(P, clock);
            phi.heartbeat(P, clock);
        }
    }

    private void advance() {
        clock.nanos += 1_000_000L + (tick++ & 15) * 100_000L;
    }

    @Benchmark
    public boolean timeoutSuspects() {
        advance();
        return timeout.suspects(P, clock);
    }

    @Benchmark
    public boolean phiSuspects() {
        advance();
        return phi.suspects(P, clock);
    }

    @Benchmark
    public void phiHeartbeat() {
        clock.nanos += 100_000_000L + (tick++ & 7) * 1_000_000L;
        phi.heartbeat(P, clock);
    }

    /** One simulated run: 5 senders, 100 ms heartbeats, pauses, a crash; how long per simulated run. */
    @State(Scope.Thread)
    public static class Sim {
        @Param({"2"})
        public int seconds;
        DetectorExperiment.Config cfg;
        long seed;

        @Setup
        public void setUp() {
            cfg = DetectorExperiment.Config.standard(Duration.ofSeconds(seconds));
        }
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public long simulateHeartbeats(Sim s) {
        return DetectorExperiment.runOne(s.cfg, () -> new TimeoutDetector(Duration.ofMillis(300), TimeSource.MONOTONIC),
                ++s.seed).events;
    }
}
