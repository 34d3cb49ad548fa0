package dev.dbinternals.ch08.cascading.backoff;

import java.time.Duration;
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
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of computing one backoff delay with each policy (백오프, 지터), side by side. All are
 * a few nanoseconds: the choice between them is about the load they create, measured in demo
 * 'jitter', never about their own speed.
 *
 * <p>Run: {@code java -jar ch08-cascading/target/benchmarks.jar BackoffBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class BackoffBenchmark {

    @Param({"exponential", "full", "equal", "decorrelated"})
    public String policy;

    private BackoffPolicy p;
    private final SplittableRandom random = new SplittableRandom(1);
    private int retry;
    private long previous;

    @org.openjdk.jmh.annotations.Setup
    public void setup() {
        ExponentialBackoff exp = ExponentialBackoff.of(Duration.ofMillis(1), Duration.ofSeconds(1));
        p = switch (policy) {
            case "exponential" -> exp;
            case "full" -> FullJitter.of(exp);
            case "equal" -> EqualJitter.of(exp);
            case "decorrelated" -> DecorrelatedJitter.of(Duration.ofMillis(1), Duration.ofSeconds(1));
            default -> throw new IllegalArgumentException("unknown policy " + policy);
        };
    }

    @Benchmark
    public long delay() {
        retry = retry % 16 + 1; // cycle through retries 1..16, below and above the cap
        previous = p.delayNanos(retry, retry == 1 ? 0 : previous, random);
        return previous;
    }
}
