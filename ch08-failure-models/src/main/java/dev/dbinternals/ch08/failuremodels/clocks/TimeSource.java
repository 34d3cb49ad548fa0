package dev.dbinternals.ch08.failuremodels.clocks;

import dev.dbinternals.ch08.harness.LocalClock;

/**
 * Which of its clocks a node measures intervals with.
 *
 * <p>Book: Chapter 8, "Clocks and Time" (클럭과 시간), in paraphrase: timeouts rely on local
 * clocks, and it matters whether a clock is monotonic. The wall clock
 * (벽시계) is set from outside and can jump forward or back (an NTP step, an operator); the
 * monotonic clock (단조 클럭) only moves forward. An interval measured on the wall clock is
 * off by the size of any step inside it (on top of the error from drift, which both clocks share).
 */
public enum TimeSource {
    /** Wall-clock time: the bug. */
    WALL {
        @Override
        public long nanos(LocalClock clock) {
            return clock.wallMillis() * 1_000_000L;
        }
    },
    /** Monotonic time: the fix. */
    MONOTONIC {
        @Override
        public long nanos(LocalClock clock) {
            return clock.monotonicNanos();
        }
    };

    /** A reading in nanoseconds, comparable only with readings of the same source on the same node. */
    public abstract long nanos(LocalClock clock);
}
