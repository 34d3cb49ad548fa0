package dev.dbinternals.ch08.cascading.backoff;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Decorrelated jitter: each delay is drawn from [base, 3 × the previous delay], capped —
 * min(cap, uniform[base, 3·previous]), with previous = base before the first retry.
 *
 * <p>Book: Chapter 8, "Cascading Failures" (계단식 장애 → 지터 jitter). Instead of a schedule
 * indexed by the retry number, the delay grows from the client's own last delay, so clients
 * drift apart further with every retry.
 *
 * <p>Property: base ≤ delay ≤ cap. Immutable and thread-safe.
 */
public final class DecorrelatedJitter implements BackoffPolicy {

    private final long baseNanos;
    private final long capNanos;

    private DecorrelatedJitter(long baseNanos, long capNanos) {
        this.baseNanos = baseNanos;
        this.capNanos = capNanos;
    }

    public static DecorrelatedJitter of(Duration base, Duration cap) {
        long b = ExponentialBackoff.positive("base", base);
        long c = ExponentialBackoff.positive("cap", cap);
        if (c < b) {
            throw new IllegalArgumentException("cap (" + cap + ") must be >= base (" + base + ")");
        }
        return new DecorrelatedJitter(b, c);
    }

    @Override
    public long delayNanos(int retry, long previousNanos, RandomGenerator random) {
        BackoffPolicy.checkArguments(retry, previousNanos);
        long prev = Math.max(baseNanos, previousNanos);
        long upper = prev > capNanos / 3 ? capNanos : prev * 3; // 3·prev without overflow, capped
        if (upper <= baseNanos) {
            return Math.min(baseNanos, capNanos);
        }
        return Math.min(capNanos, baseNanos + random.nextLong(upper - baseNanos + 1));
    }

    @Override
    public String name() {
        return "decorrelated jitter";
    }

    @Override
    public String toString() {
        return "DecorrelatedJitter[base=" + Duration.ofNanos(baseNanos) + ", cap=" + Duration.ofNanos(capNanos) + "]";
    }
}
