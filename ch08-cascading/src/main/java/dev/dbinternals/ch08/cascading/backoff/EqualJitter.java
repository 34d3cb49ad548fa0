package dev.dbinternals.ch08.cascading.backoff;

import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Equal jitter: keep half of the exponential delay, randomise the other half —
 * c/2 + uniform[0, c/2] with c = min(cap, base · 2^(n−1)).
 *
 * <p>Book: Chapter 8, "Cascading Failures" (계단식 장애 → 지터 jitter). A compromise: every
 * retry still waits at least half the backoff (so a client never retries almost at once), at
 * the price of a narrower spread than {@link FullJitter}.
 *
 * <p>Property: c/2 ≤ delay ≤ c. Immutable and thread-safe.
 */
public final class EqualJitter implements BackoffPolicy {

    private final ExponentialBackoff backoff;

    private EqualJitter(ExponentialBackoff backoff) {
        this.backoff = backoff;
    }

    public static EqualJitter of(ExponentialBackoff backoff) {
        return new EqualJitter(Objects.requireNonNull(backoff, "backoff"));
    }

    @Override
    public long delayNanos(int retry, long previousNanos, RandomGenerator random) {
        BackoffPolicy.checkArguments(retry, previousNanos);
        long ceiling = backoff.ceilingNanos(retry);
        long half = ceiling / 2;
        return half + random.nextLong(ceiling - half + 1);
    }

    @Override
    public String name() {
        return "equal jitter";
    }

    @Override
    public String toString() {
        return "EqualJitter[" + backoff + "]";
    }
}
