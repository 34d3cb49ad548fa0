package dev.dbinternals.ch08.harness.bench;

import dev.dbinternals.ch08.harness.explore.Explorer;
import dev.dbinternals.ch08.harness.explore.Explorer.Transition;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * States per second of the exhaustive explorer on a model with 104,976 states: four processes,
 * each taking 17 steps, in every interleaving (18^4 states, 4 x 17 x 18^3 transitions).
 *
 * <p>Book: Chapter 8, "Concurrent Execution" (동시 수행): the number of interleavings explodes
 * with the number of processes and steps, which is why exhaustive search is for tiny models.
 *
 * <p>A JMH state; JMH gives each benchmark thread what it needs (not thread-safe otherwise).
 *
 * <p>Run: {@code java -jar ch08-harness/target/benchmarks.jar ExplorerBench -f 1 -wi 2 -i 3 -r 1s}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class ExplorerBench {

    static final int STEPS = 17;
    static final int STATES = 18 * 18 * 18 * 18;

    /** Four program counters; each process may take its next step at any time. */
    record Four(int a, int b, int c, int d) {
        List<Transition<Four>> next() {
            List<Transition<Four>> out = new ArrayList<>(4);
            if (a < STEPS) out.add(new Transition<>("p1", new Four(a + 1, b, c, d)));
            if (b < STEPS) out.add(new Transition<>("p2", new Four(a, b + 1, c, d)));
            if (c < STEPS) out.add(new Transition<>("p3", new Four(a, b, c + 1, d)));
            if (d < STEPS) out.add(new Transition<>("p4", new Four(a, b, c, d + 1)));
            return out;
        }
    }

    @Benchmark
    @OperationsPerInvocation(STATES)
    public int exploreFourProcesses() {
        var result = Explorer.of(new Four(0, 0, 0, 0), Four::next)
                .invariant("sum bounded", s -> s.a() + s.b() + s.c() + s.d() <= 4 * STEPS)
                .explore();
        if (result.stateCount() != STATES) {
            throw new IllegalStateException("expected " + STATES + " states, got " + result.stateCount());
        }
        return result.stateCount();
    }
}
