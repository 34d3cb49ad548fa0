package dev.dbinternals.ch08.concurrency.bench;

import dev.dbinternals.ch08.concurrency.interleaving.InterleavingModel;
import dev.dbinternals.ch08.concurrency.interleaving.Programs;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * States per second of the exhaustive explorer on the 3 threads × 2 increments model of
 * figure 8-1 (racy: 5,641 states; CAS loop: 6,480 states), including counting every
 * interleaving per outcome.
 *
 * <p>Book: Chapter 8, "Concurrent Execution" (동시 수행). Run:
 * {@code java -jar ch08-concurrency/target/benchmarks.jar ExplorerBenchmark}; the {@code states}
 * secondary result is states explored per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ExplorerBenchmark {

    @Param({"racy", "cas"})
    public String program;

    private InterleavingModel model;

    /** Counts explored states, reported by JMH as a rate. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Explored {
        public long states;

        @Setup(Level.Iteration)
        public void reset() {
            states = 0;
        }
    }

    @Setup
    public void setUp() {
        model = InterleavingModel.threads(3, program.equals("racy") ? Programs.racyIncrement(2) : Programs.casLoopIncrement(2));
    }

    @Benchmark
    public long explore(Explored counter) {
        var result = model.explore();
        counter.states += result.stateCount();
        return result.countExecutionsByOutcome(m -> m.var(Programs.X)).size();
    }
}
