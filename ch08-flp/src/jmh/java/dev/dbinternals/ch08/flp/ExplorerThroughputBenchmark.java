package dev.dbinternals.ch08.flp;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * How fast does the exhaustive explorer walk the FLP model (FLP 불가능성 이론)? One operation =
 * every run of one protocol from one initial configuration (inputs 011), n = 3, at most one crash.
 * Divide the state count printed by the demo (WaitForAll 011: see README) by the time per
 * operation for states per second.
 *
 * <p>Run: {@code java -jar ch08-flp/target/benchmarks.jar ExplorerThroughput -f 1 -wi 3 -i 5}.
 * Expect WaitForAll (about 1,800 states from 011) to take a few milliseconds per exploration and
 * FirstProposalWins (about 140 states) well under one.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ExplorerThroughputBenchmark {

    @Param({"WaitForAll", "DecideOnNMinusOne", "FirstProposalWins"})
    public String protocol;

    private ConsensusModel model;

    @org.openjdk.jmh.annotations.Setup
    public void setup() {
        ConsensusProtocol p = switch (protocol) {
            case "WaitForAll" -> new WaitForAll();
            case "DecideOnNMinusOne" -> new DecideOnNMinusOne();
            case "FirstProposalWins" -> new FirstProposalWins();
            default -> throw new IllegalArgumentException("unknown protocol " + protocol);
        };
        model = new ConsensusModel(p, 3, 1);
    }

    @Benchmark
    public int exploreEveryRunFrom011() {
        return model.explorer("011").explore().stateCount();
    }
}
