package dev.dbinternals.ch08.failuremodels.arbitrary;

import dev.dbinternals.ch08.harness.Address;
import java.util.OptionalLong;
import java.util.SplittableRandom;
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
 * The CPU cost of cross-checking replies: trusting the first reply vs a {@link Tally} over
 * {@code n = 2f + 1} replies with {@code f} liars among them.
 *
 * <p>Book: Chapter 8, "Arbitrary Faults" (임의의 장애). The vote's real price is waiting for
 * the {@code (f+1)}-th correct reply (demo 9: ~2 ms vs ~9-11 ms of simulated latency); this
 * shows that the counting itself is noise next to that.
 *
 * <p>Run: {@code java -jar ch08-failure-models/target/benchmarks.jar Bench02 -f 1 -wi 3 -i 5}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class Bench02Voting {

    @Param({"3", "5", "7"})
    public int n;

    private Address[] replicas;
    private long[][] rounds;
    private int next;

    @Setup
    public void setUp() {
        int f = (n - 1) / 2;
        replicas = new Address[n];
        for (int i = 0; i < n; i++) {
            replicas[i] = Address.of("R" + (i + 1));
        }
        // 1024 rounds of replies in arrival order: f liars (first), then the correct ones
        SplittableRandom r = new SplittableRandom(42);
        rounds = new long[1024][n];
        for (long[] round : rounds) {
            for (int i = 0; i < n; i++) {
                round[i] = i < f ? 600 + r.nextInt(3) : 107;
            }
        }
    }

    @Benchmark
    public long trustFirst() {
        long[] round = rounds[next++ & 1023];
        return round[0];
    }

    @Benchmark
    public long tally() {
        long[] round = rounds[next++ & 1023];
        Tally t = new Tally((n - 1) / 2);
        for (int i = 0; i < n; i++) {
            OptionalLong d = t.offer(replicas[i], round[i]);
            if (d.isPresent()) {
                return d.getAsLong();
            }
        }
        return -1;
    }
}
