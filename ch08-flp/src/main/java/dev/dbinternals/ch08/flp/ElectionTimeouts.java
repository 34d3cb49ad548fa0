package dev.dbinternals.ch08.flp;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How long a Raft follower waits without hearing from a leader before it starts an election.
 *
 * <p>Book: Chapter 8, "System Synchrony" (시스템 동기성): leader election is one of the
 * abstractions that timing assumptions make possible. Raft (Ongaro and Ousterhout 2014, §5.2)
 * draws each election timeout at random from a fixed interval, for example 150–300 ms, so that
 * usually one server times out first, wins and sends heartbeats before the others time out:
 * split votes become rare. A {@link #fixed} timeout (the same for everyone) is the baseline that
 * shows why. Immutable and thread-safe.
 *
 * @param min the shortest timeout
 * @param max the longest timeout; equal to {@code min} for a fixed timeout
 */
public record ElectionTimeouts(Duration min, Duration max) {

    public ElectionTimeouts {
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
        if (min.isNegative() || min.isZero()) {
            throw new IllegalArgumentException("the election timeout must be positive, got " + min);
        }
        if (max.compareTo(min) < 0) {
            throw new IllegalArgumentException("max " + max.toMillis() + " ms is below min " + min.toMillis() + " ms");
        }
    }

    /** Every server, every time, waits exactly {@code timeout}. */
    public static ElectionTimeouts fixed(Duration timeout) {
        return new ElectionTimeouts(timeout, timeout);
    }

    /** Every reset draws a new timeout uniformly from {@code [min, max]}, as Raft does. */
    public static ElectionTimeouts randomised(Duration min, Duration max) {
        return new ElectionTimeouts(min, max);
    }

    private boolean isRandomised() {
        return max.compareTo(min) > 0;
    }

    /** The next timeout, drawn from {@code random} (the node's seeded randomness in the simulation). */
    public Duration next(RandomGenerator random) {
        if (!isRandomised()) {
            return min;
        }
        return min.plusNanos(random.nextLong(max.minus(min).toNanos() + 1));
    }

    @Override
    public String toString() {
        return isRandomised()
                ? t("randomised ", "무작위 ") + min.toMillis() + "–" + max.toMillis() + " ms"
                : t("fixed ", "고정 ") + min.toMillis() + " ms";
    }
}
