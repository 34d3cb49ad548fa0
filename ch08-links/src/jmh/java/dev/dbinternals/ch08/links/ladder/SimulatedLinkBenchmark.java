package dev.dbinternals.ch08.links.ladder;

import dev.dbinternals.ch08.harness.sim.LinkFaults;
import dev.dbinternals.ch08.links.check.LinkPair;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The simulator's cost of the perfect link: wall time to push 1,000 messages through it in
 * virtual time, with loss, reporting transmissions per message as an auxiliary counter (it is
 * a property of the protocol, not of the machine, so it is the same on every machine).
 *
 * <p>Run: {@code java -jar ch08-links/target/benchmarks.jar SimulatedLinkBenchmark}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SimulatedLinkBenchmark {

    @Param({"0.0", "0.2"})
    public double loss;

    private long seed;

    /** Per-invocation counters JMH prints beside the time. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Counters {
        public long transmissions;
        public long messages;

        @Setup(Level.Iteration)
        public void clean() {
            transmissions = 0;
            messages = 0;
        }
    }

    @Benchmark
    public long perfectLink1000Messages(Counters c) {
        LinkPair p = LinkPair.create(++seed, l -> new WindowedPerfectLink(WindowedPerfectLink.Config.defaults().withWindow(32), l), 1000, 0, false);
        p.sim().trace().setEnabled(false);
        p.sim().setHandlerTime(Duration.ZERO);
        p.sim().network().setDefaults(LinkFaults.none().withLoss(loss).withDelay(Duration.ofMillis(1)));
        p.sim().runUntil(p::perfectLinkDone, Duration.ofHours(1));
        c.transmissions += p.sender().link().stats().transmissions;
        c.messages += 1000;
        return p.receiver().deliveredCount();
    }
}
