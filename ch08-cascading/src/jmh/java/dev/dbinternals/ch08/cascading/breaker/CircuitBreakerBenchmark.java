package dev.dbinternals.ch08.cascading.breaker;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a {@link CircuitBreaker} costs on the happy path ("Cascading Failures" / 계단식 장애):
 * a closed breaker around a cheap call, against the direct call, and an open breaker's
 * fail-fast path (what a caller pays instead of a timeout).
 *
 * <p>Side by side in one run: {@code direct} is the baseline; {@code closedBreaker} adds a
 * lock, a permission check and a window update; {@code openBreakerFailFast} is the price of
 * a refused call (a lock and a clock read), to compare with the 100 ms timeout it replaces.
 * {@code closedBreakerTwoThreads} shares one breaker between two threads: the lock contends.
 *
 * <p>Run: {@code java -jar ch08-cascading/target/benchmarks.jar CircuitBreakerBenchmark}.
 * Expect the closed breaker to cost tens of nanoseconds more than the direct call: noise next
 * to any remote call it protects.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class CircuitBreakerBenchmark {

    private CircuitBreaker closed;
    private CircuitBreaker open;
    private long x = 1;

    @Setup
    public void setup() {
        // a fixed clock: the benchmark measures the breaker, not System.nanoTime
        closed = CircuitBreaker.Config.defaults().build(() -> 0L);
        open = CircuitBreaker.Config.defaults().withMinimumCalls(1).withWaitInOpen(Duration.ofDays(1)).build(() -> 0L);
        open.onFailure();
    }

    private long work() {
        x = x * 6364136223846793005L + 1442695040888963407L;
        return x;
    }

    @Benchmark
    public long direct() {
        return work();
    }

    @Benchmark
    public long closedBreaker() {
        return closed.call(this::work, () -> -1L);
    }

    @Benchmark
    public long openBreakerFailFast() {
        return open.call(this::work, () -> -1L);
    }

    @Benchmark
    @Threads(2)
    public long closedBreakerTwoThreads() {
        return closed.call(this::work, () -> -1L);
    }
}
