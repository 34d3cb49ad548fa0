package dev.dbinternals.ch08.cascading.backoff;

import java.util.random.RandomGenerator;

/**
 * How long a client waits before retry number {@code retry}.
 *
 * <p>Book: Chapter 8, "Cascading Failures" (계단식 장애): clients that retry at once make an
 * overloaded server worse; a backoff (백오프) spaces retries out, and jitter (지터) keeps clients
 * that failed together from retrying together.
 *
 * <p>Implementations are immutable and thread-safe; all randomness comes from the caller's
 * generator, so a simulation stays replayable.
 */
public interface BackoffPolicy {

    /**
     * The delay before retry {@code retry} (1 = the first retry) in nanoseconds.
     *
     * @param retry         1 for the first retry, 2 for the second, ...
     * @param previousNanos the delay this client used before its previous retry (0 before the
     *                      first); only {@link DecorrelatedJitter} looks at it
     * @param random        the client's seeded generator
     */
    long delayNanos(int retry, long previousNanos, RandomGenerator random);

    /** A short name for tables and charts. */
    String name();

    /** Retries at once: no backoff at all (what makes a retry storm). */
    static BackoffPolicy immediate() {
        return Immediate.INSTANCE;
    }

    /** Checks the arguments every policy shares. */
    static void checkArguments(int retry, long previousNanos) {
        if (retry < 1) {
            throw new IllegalArgumentException("retries are numbered from 1, got " + retry);
        }
        if (previousNanos < 0) {
            throw new IllegalArgumentException("the previous delay cannot be negative, got " + previousNanos + " ns");
        }
    }

    /** The no-backoff policy. */
    final class Immediate implements BackoffPolicy {
        static final Immediate INSTANCE = new Immediate();

        private Immediate() {
        }

        @Override
        public long delayNanos(int retry, long previousNanos, RandomGenerator random) {
            checkArguments(retry, previousNanos);
            return 0;
        }

        @Override
        public String name() {
            return "immediate";
        }
    }
}
