package dev.dbinternals.ch08.twogenerals;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Exhaustive search versus the proof's argument (두 장군 문제, Two Generals' Problem), side by
 * side: both find a run that breaks agreement for {@link RedundantMessengers}(r). The explorer
 * visits every order and loss pattern ((r + 2) * 2^(r-1) states and r(r + 1) * 2^(r-1)
 * transitions under plan ATTACK, checked by {@code TwoGeneralsModelTest}); the last-message
 * argument walks r + 1 runs.
 *
 * <p>Run: {@code java -jar ch08-two-generals/target/benchmarks.jar TwoGenerals -f 1 -wi 3 -i 5}.
 * Expect the gap to widen quickly with r: microseconds for the argument, milliseconds for the
 * search at r = 8.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TwoGeneralsBenchmark {

    @Param({"4", "8"})
    public int r;

    private MessengerProtocol protocol;

    @Setup
    public void setup() {
        protocol = new RedundantMessengers(r);
    }

    @Benchmark
    public int exhaustiveSearch() {
        return new TwoGeneralsModel(protocol).explorer(Plan.ATTACK)
                .invariant("agreement", s -> !s.decided() || s.a() == s.b())
                .explore().stateCount();
    }

    @Benchmark
    public Object lastMessageArgument() {
        return new LastMessageArgument(protocol).verdict().broken();
    }
}
