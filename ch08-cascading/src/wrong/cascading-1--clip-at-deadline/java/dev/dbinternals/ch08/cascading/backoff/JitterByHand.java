// Wrong solution for cascading-1: cutting a full-jitter wait off at the deadline puts every cut wait at the same instant, the deadline.
package dev.dbinternals.ch08.cascading.backoff;

import java.util.random.RandomGenerator;

/**
 * Exercise cascading-1: full jitter (지터) by hand, for a request that has a deadline.
 *
 * <p>Book: Chapter 8, "Cascading Failures" (계단식 장애): backoff (백오프) spaces a client's
 * retries out, and jitter keeps clients that failed together from retrying together. Full jitter:
 * the wait before retry n is uniformly random over the whole window [0, min(cap, base · 2^(n−1))].
 * A request that must be answered by a deadline also never waits past it: when less time is left
 * than the window, the wait is uniform over [0, time left] instead, and with no time left there
 * is no retry. The exercise's client (cascading-7) needs exactly this.
 *
 * <p>Use only {@code random} (the client's seeded generator), never your own.
 */
public final class JitterByHand {

    private JitterByHand() {
    }

    /**
     * The wait before retry {@code retry} (1 = the first retry), in nanoseconds, or −1 when
     * {@code timeLeftNanos <= 0} (give up: the deadline has passed).
     *
     * @throws IllegalArgumentException if retry &lt; 1, base &lt;= 0 or cap &lt; base
     */
    public static long fullJitterNanos(long baseNanos, long capNanos, int retry, long timeLeftNanos, RandomGenerator random) {
        if (retry < 1 || baseNanos <= 0 || capNanos < baseNanos) {
            throw new IllegalArgumentException("need retry >= 1, base > 0 and cap >= base, got retry=" + retry
                    + " base=" + baseNanos + " cap=" + capNanos);
        }
        if (timeLeftNanos <= 0) {
            return -1;
        }
        long ceiling = baseNanos;
        for (int i = 1; i < retry && ceiling < capNanos; i++) {
            ceiling = ceiling > capNanos / 2 ? capNanos : ceiling * 2;
        }
        return Math.min(random.nextLong(Math.min(ceiling, capNanos) + 1), timeLeftNanos); // never past the deadline
    }
}
