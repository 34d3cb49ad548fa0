// Wrong solution for cascading-2: doubling the open wait without a guard overflows to a negative wait for a large maximum.
package dev.dbinternals.ch08.cascading.breaker;

import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Exercise cascading-2: a circuit breaker (서킷 브레이커) whose open wait backs off.
 *
 * <p>Book: Chapter 8, "Cascading Failures" (계단식 장애): a breaker stops calling a dependency
 * that keeps failing and tries it again later. The rules:
 * <ul>
 *   <li>{@code CLOSED}: every call allowed; {@code failuresToOpen} failures <em>in a row</em>
 *   open it (a success in between starts the count over);</li>
 *   <li>{@code OPEN}: {@link #allow()} is false until the current wait has passed on the clock;
 *   then the next {@link #allow()} moves to {@code HALF_OPEN} and returns true (one trial);</li>
 *   <li>{@code HALF_OPEN}: no other call is allowed while the trial runs; its success closes the
 *   breaker, its failure opens it again;</li>
 *   <li>the wait: {@code openNanos} after the breaker opens from {@code CLOSED}; each failed trial
 *   doubles it, up to {@code maxOpenNanos}; once the breaker closes, the next opening waits
 *   {@code openNanos} again. A dependency that stays down is asked less and less often.</li>
 * </ul>
 * Time comes only from {@code clock} (nanoseconds). Compare {@link CircuitBreaker}, which decides
 * by failure rate over a window and always waits the same time. Not thread-safe.
 */
public final class SimpleBreaker {

    private final int failuresToOpen;
    private final long openNanos;
    private final long maxOpenNanos;
    private final LongSupplier clock;
    private CircuitBreaker.State state = CircuitBreaker.State.CLOSED;
    private int failures;
    private long openedAt;
    private long wait;

    /**
     * @throws IllegalArgumentException if failuresToOpen &lt; 1, openNanos &lt;= 0 or maxOpenNanos &lt; openNanos
     */
    public SimpleBreaker(int failuresToOpen, long openNanos, long maxOpenNanos, LongSupplier clock) {
        if (failuresToOpen < 1 || openNanos <= 0 || maxOpenNanos < openNanos) {
            throw new IllegalArgumentException("need failuresToOpen >= 1, openNanos > 0 and maxOpenNanos >= openNanos, got "
                    + failuresToOpen + ", " + openNanos + " and " + maxOpenNanos);
        }
        this.failuresToOpen = failuresToOpen;
        this.openNanos = openNanos;
        this.maxOpenNanos = maxOpenNanos;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.wait = openNanos;
    }

    /** May a call go ahead now? */
    public boolean allow() {
        switch (state) {
            case CLOSED:
                return true;
            case OPEN:
                if (clock.getAsLong() - openedAt < wait) {
                    return false;
                }
                state = CircuitBreaker.State.HALF_OPEN;
                return true;
            default:
                return false; // the trial is running
        }
    }

    /** The allowed call succeeded. */
    public void success() {
        if (state == CircuitBreaker.State.HALF_OPEN) {
            state = CircuitBreaker.State.CLOSED;
            wait = openNanos; // the dependency is back: the next trouble starts with the short wait
        }
        failures = 0;
    }

    /** The allowed call failed. */
    public void failure() {
        if (state == CircuitBreaker.State.HALF_OPEN) {
            wait = Math.min(maxOpenNanos, 2 * wait);
            open();
            return;
        }
        if (state == CircuitBreaker.State.CLOSED && ++failures >= failuresToOpen) {
            open();
        }
    }

    private void open() {
        state = CircuitBreaker.State.OPEN;
        openedAt = clock.getAsLong();
        failures = 0;
    }

    public CircuitBreaker.State state() {
        return state;
    }
}
