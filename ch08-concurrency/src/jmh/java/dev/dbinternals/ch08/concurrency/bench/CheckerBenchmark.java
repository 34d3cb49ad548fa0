package dev.dbinternals.ch08.concurrency.bench;

import dev.dbinternals.ch08.harness.check.CheckResult;
import dev.dbinternals.ch08.harness.check.GeneratedHistories;
import dev.dbinternals.ch08.harness.check.LinearizabilityChecker;
import dev.dbinternals.ch08.harness.check.Models;
import dev.dbinternals.ch08.harness.history.History;
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
 * How long the linearizability checker takes on histories of 100, 1,000 and 10,000 operations
 * of a 10-key register store with 5 concurrent clients: linearizable or not (the last read
 * corrupted, the worst case: the search must exhaust everything before it), checked per key
 * (P-compositionality) or as one object.
 *
 * <p>Book: Chapter 8, "State Consistency" (상태 일관성). Run:
 * {@code mvn -o -pl ch08-concurrency -Pbench package -DskipTests && java -jar ch08-concurrency/target/benchmarks.jar CheckerBenchmark}.
 * Expect time to grow about linearly with length for linearizable histories, and per-key
 * checking to win by a factor that grows with the number of keys.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CheckerBenchmark {

    @Param({"100", "1000", "10000"})
    public int ops;

    @Param({"true", "false"})
    public boolean linearizable;

    @Param({"true", "false"})
    public boolean partitioned;

    private History history;
    private LinearizabilityChecker checker;

    @Setup
    public void setUp() {
        history = GeneratedHistories.registers(42, ops, 5, 10, linearizable);
        checker = partitioned ? LinearizabilityChecker.create().withoutCore() : LinearizabilityChecker.create().withoutCore().withoutPartitioning();
    }

    @Benchmark
    public CheckResult check() {
        return checker.check(history, Models.register(0L));
    }
}
