package dev.dbinternals.ch08.harness.sim;

import java.time.Duration;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * How long a frame spends on the wire after it left the sender: a fixed time or a draw from a
 * distribution. Random delays are what reorder messages.
 *
 * <p>Book: Chapter 8, "Fallacies of Distributed Computing" (분산 컴퓨팅의 오류): latency is not
 * zero, and it is not constant either. A long-tailed delay ({@link #longTailed}) is what a
 * real network shows: most frames are fast, a few are very slow, and those few are what
 * timeouts must be tuned for.
 *
 * <p>Immutable and thread-safe. Sampling uses only the run's seeded streams and
 * {@link StrictMath}, so a draw is the same on every JVM.
 */
public abstract class Delay {

    /** A cap on any single draw, so a long tail never parks a frame for days of virtual time. */
    static final long MAX_NANOS = Duration.ofHours(1).toNanos();

    private Delay() {
    }

    /** Every frame takes exactly {@code d} (0 is allowed: an instant network, which no real one is). */
    public static Delay fixed(Duration d) {
        long n = nanos("fixed delay", d);
        return new Fixed(n);
    }

    /** No delay at all. */
    public static Delay zero() {
        return new Fixed(0);
    }

    /** Uniformly distributed in [{@code min}, {@code max}]. */
    public static Delay uniform(Duration min, Duration max) {
        long lo = nanos("uniform min", min);
        long hi = nanos("uniform max", max);
        if (lo > hi) {
            throw new IllegalArgumentException("uniform delay needs min <= max, got min=" + min + " max=" + max);
        }
        return lo == hi ? new Fixed(lo) : new Uniform(lo, hi);
    }

    /**
     * Log-normal with the given median and 99th percentile: half the frames are faster than
     * {@code median}, one in a hundred slower than {@code p99}.
     */
    public static Delay longTailed(Duration median, Duration p99) {
        long m = nanos("long-tailed median", median);
        long p = nanos("long-tailed p99", p99);
        if (m <= 0 || p <= m) {
            throw new IllegalArgumentException("long-tailed delay needs 0 < median < p99, got median=" + median
                    + " p99=" + p99);
        }
        return new LogNormal(m, p);
    }

    private static long nanos(String what, Duration d) {
        Objects.requireNonNull(d, what);
        if (d.isNegative()) {
            throw new IllegalArgumentException(what + " must not be negative, got " + d);
        }
        if (d.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException(what + " must be at most one hour, got " + d);
        }
        return d.toNanos();
    }

    /** The delay of a fixed distribution, or its median. */
    public abstract Duration median();

    abstract long sampleNanos(SplittableRandom random);

    private static final class Fixed extends Delay {
        private final long nanos;

        Fixed(long nanos) {
            this.nanos = nanos;
        }

        @Override
        public Duration median() {
            return Duration.ofNanos(nanos);
        }

        @Override
        long sampleNanos(SplittableRandom random) {
            return nanos;
        }

        @Override
        public String toString() {
            return "fixed(" + Trace.formatNanos(nanos) + ")";
        }
    }

    private static final class Uniform extends Delay {
        private final long min;
        private final long max;

        Uniform(long min, long max) {
            this.min = min;
            this.max = max;
        }

        @Override
        public Duration median() {
            return Duration.ofNanos(min + (max - min) / 2);
        }

        @Override
        long sampleNanos(SplittableRandom random) {
            return min + random.nextLong(max - min + 1);
        }

        @Override
        public String toString() {
            return "uniform(" + Trace.formatNanos(min) + ".." + Trace.formatNanos(max) + ")";
        }
    }

    private static final class LogNormal extends Delay {
        /** The 99th percentile of the standard normal distribution. */
        private static final double Z99 = 2.3263478740408408;
        private final long median;
        private final long p99;
        private final double mu;
        private final double sigma;

        LogNormal(long median, long p99) {
            this.median = median;
            this.p99 = p99;
            this.mu = StrictMath.log(median);
            this.sigma = (StrictMath.log(p99) - mu) / Z99;
        }

        @Override
        public Duration median() {
            return Duration.ofNanos(median);
        }

        @Override
        long sampleNanos(SplittableRandom random) {
            // Box-Muller with StrictMath: RandomGenerator.nextGaussian's algorithm is not
            // specified, and a replay must not change with the JDK.
            double u1 = 1.0 - random.nextDouble();
            double u2 = random.nextDouble();
            double z = StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * StrictMath.PI * u2);
            double d = StrictMath.exp(mu + sigma * z);
            return d >= MAX_NANOS ? MAX_NANOS : (long) d;
        }

        @Override
        public String toString() {
            return "longTailed(median " + Trace.formatNanos(median) + ", p99 " + Trace.formatNanos(p99) + ")";
        }
    }
}
