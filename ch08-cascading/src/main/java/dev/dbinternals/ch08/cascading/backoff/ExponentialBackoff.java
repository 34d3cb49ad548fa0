package dev.dbinternals.ch08.cascading.backoff;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with a cap: the n-th retry waits min(cap, base · multiplier^(n−1)).
 *
 * <p>Book: Chapter 8, "Cascading Failures" (계단식 장애 → 백오프 backoff). In paraphrase: a
 * backoff strategy schedules retries and increases the time between them, against the
 * amplification problem. The cap keeps a long outage from turning into hour-long waits.
 *
 * <p>Property: deterministic — every client that failed at the same moment retries at the same
 * moment again. That is what {@link FullJitter}, {@link EqualJitter} and
 * {@link DecorrelatedJitter} fix.
 *
 * <p>Immutable and thread-safe; {@code with*} returns a copy. Out-of-range settings throw
 * {@link IllegalArgumentException} naming the setting.
 */
public final class ExponentialBackoff implements BackoffPolicy {

    private final long baseNanos;
    private final long capNanos;
    private final double multiplier;

    private ExponentialBackoff(long baseNanos, long capNanos, double multiplier) {
        this.baseNanos = baseNanos;
        this.capNanos = capNanos;
        this.multiplier = multiplier;
    }

    /** Starts at {@code base}, doubles each retry, never waits more than {@code cap}. */
    public static ExponentialBackoff of(Duration base, Duration cap) {
        long b = positive("base", base);
        long c = positive("cap", cap);
        if (c < b) {
            throw new IllegalArgumentException("cap (" + cap + ") must be >= base (" + base + ")");
        }
        return new ExponentialBackoff(b, c, 2.0);
    }

    /** Grows by {@code m} per retry instead of 2; m must be in [1, 100] (1 = constant backoff). */
    public ExponentialBackoff withMultiplier(double m) {
        if (!(m >= 1.0 && m <= 100.0)) {
            throw new IllegalArgumentException("multiplier must be in [1, 100], got " + m);
        }
        return new ExponentialBackoff(baseNanos, capNanos, m);
    }

    static long positive(String what, Duration d) {
        Objects.requireNonNull(d, what);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, got " + d);
        }
        if (d.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException(what + " must be at most one day, got " + d);
        }
        return d.toNanos();
    }

    /** The un-jittered delay min(cap, base · m^(retry−1)), without overflow for any retry count. */
    public long ceilingNanos(int retry) {
        BackoffPolicy.checkArguments(retry, 0);
        if (multiplier == 2.0) {
            // doubling: a shift, exact, and capped before it could overflow
            int shift = retry - 1;
            return shift >= 62 || baseNanos > (capNanos >> shift) ? capNanos : Math.min(capNanos, baseNanos << shift);
        }
        double d = baseNanos * StrictMath.pow(multiplier, retry - 1);
        return d >= capNanos ? capNanos : (long) d;
    }

    @Override
    public long delayNanos(int retry, long previousNanos, RandomGenerator random) {
        BackoffPolicy.checkArguments(retry, previousNanos);
        return ceilingNanos(retry);
    }

    @Override
    public String name() {
        return "exponential (no jitter)";
    }

    public Duration base() {
        return Duration.ofNanos(baseNanos);
    }

    public Duration cap() {
        return Duration.ofNanos(capNanos);
    }

    public double multiplier() {
        return multiplier;
    }

    @Override
    public String toString() {
        return "ExponentialBackoff[base=" + base() + ", cap=" + cap() + ", multiplier=" + multiplier + "]";
    }
}
