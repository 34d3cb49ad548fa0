package dev.dbinternals.ch08.cascading.backoff;

import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Full jitter: the n-th retry waits a uniformly random time in [0, min(cap, base · 2^(n−1))].
 *
 * <p>Book: Chapter 8, "Cascading Failures" (계단식 장애 → 지터 jitter). In paraphrase: jitter
 * adds a small random time to the backoff period, so that fewer clients retry at the same
 * moment. Full jitter randomises the whole interval: clients that collided spread over the
 * entire window (demo 'jitter' measures calls and completion time against the other policies).
 *
 * <p>Property: 0 ≤ delay ≤ the ceiling of the wrapped {@link ExponentialBackoff}; mean = half
 * the ceiling. Immutable and thread-safe.
 */
public final class FullJitter implements BackoffPolicy {

    private final ExponentialBackoff backoff;

    private FullJitter(ExponentialBackoff backoff) {
        this.backoff = backoff;
    }

    /** Full jitter over the ceilings of {@code backoff}. */
    public static FullJitter of(ExponentialBackoff backoff) {
        return new FullJitter(Objects.requireNonNull(backoff, "backoff"));
    }

    @Override
    public long delayNanos(int retry, long previousNanos, RandomGenerator random) {
        BackoffPolicy.checkArguments(retry, previousNanos);
        long ceiling = backoff.ceilingNanos(retry);
        return random.nextLong(ceiling + 1);
    }

    @Override
    public String name() {
        return "full jitter";
    }

    public ExponentialBackoff backoff() {
        return backoff;
    }

    @Override
    public String toString() {
        return "FullJitter[" + backoff + "]";
    }
}
