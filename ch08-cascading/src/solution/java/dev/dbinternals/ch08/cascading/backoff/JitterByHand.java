package dev.dbinternals.ch08.cascading.backoff;

import java.util.random.RandomGenerator;

/**
 * Exercise cascading-1 (reference solution): full jitter (지터) by hand. The n-th retry waits a
 * uniformly random time in [0, min(cap, base · 2^(n−1))].
 */
public final class JitterByHand {

    private JitterByHand() {
    }

    /** The delay before retry {@code retry} (1 = first retry), in nanoseconds. */
    public static long fullJitterNanos(long baseNanos, long capNanos, int retry, RandomGenerator random) {
        if (retry < 1 || baseNanos <= 0 || capNanos < baseNanos) {
            throw new IllegalArgumentException("need retry >= 1, base > 0 and cap >= base; got retry=" + retry
                    + " base=" + baseNanos + " cap=" + capNanos);
        }
        // double the ceiling only while it stays below the cap: no overflow for any retry
        long ceiling = baseNanos;
        for (int i = 1; i < retry && ceiling < capNanos; i++) {
            ceiling = ceiling > capNanos / 2 ? capNanos : ceiling * 2;
        }
        ceiling = Math.min(ceiling, capNanos);
        return random.nextLong(ceiling + 1);
    }
}
