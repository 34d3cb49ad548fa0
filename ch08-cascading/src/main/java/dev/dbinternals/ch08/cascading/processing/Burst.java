package dev.dbinternals.ch08.cascading.processing;

import java.time.Duration;
import java.util.Objects;

/**
 * A stretch of time during which a producer sends {@code multiplier} times its usual rate:
 * the temporary spike (일시적 급증 부하) that a queue is there to absorb. Immutable.
 */
public record Burst(Duration from, Duration to, double multiplier) {
    public Burst {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.isNegative() || to.compareTo(from) <= 0) {
            throw new IllegalArgumentException("a burst needs 0 <= from < to, got " + from + " .. " + to);
        }
        if (!(multiplier > 0 && multiplier <= 1000)) {
            throw new IllegalArgumentException("a burst multiplier must be in (0, 1000], got " + multiplier);
        }
    }

    boolean covers(long sinceStartNanos) {
        return sinceStartNanos >= from.toNanos() && sinceStartNanos < to.toNanos();
    }
}
