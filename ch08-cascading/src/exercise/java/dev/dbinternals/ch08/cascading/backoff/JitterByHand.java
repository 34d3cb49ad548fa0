package dev.dbinternals.ch08.cascading.backoff;

import dev.dbinternals.ch08.harness.exercise.NotDoneYet;
import java.util.random.RandomGenerator;

/**
 * Exercise cascading-1: full jitter (지터) by hand. The n-th retry should wait a uniformly
 * random time in [0, min(cap, base · 2^(n−1))]: exponential backoff (백오프) decides how wide
 * the window is, jitter spreads the clients over all of it.
 *
 * <p>Watch out for overflow: base · 2^(n−1) does not fit in a long for large n.
 * Use only {@code random} (the client's seeded generator), never your own.
 */
public final class JitterByHand {

    private JitterByHand() {
    }

    /**
     * The delay before retry {@code retry} (1 = first retry), in nanoseconds.
     *
     * @throws IllegalArgumentException if retry &lt; 1, base &lt;= 0 or cap &lt; base
     */
    public static long fullJitterNanos(long baseNanos, long capNanos, int retry, RandomGenerator random) {
        throw new NotDoneYet("cascading-1", "ch08-cascading/src/exercise/java/dev/dbinternals/ch08/cascading/backoff/JitterByHand.java",
                "return a uniformly random delay in [0, min(cap, base * 2^(retry-1))]");
    }
}
