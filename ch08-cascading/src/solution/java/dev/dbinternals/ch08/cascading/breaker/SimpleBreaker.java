package dev.dbinternals.ch08.cascading.breaker;

import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Exercise cascading-2 (reference solution): a consecutive-failures circuit breaker. Not thread-safe.
 */
public final class SimpleBreaker {

    private final int failuresToOpen;
    private final long openNanos;
    private final LongSupplier clock;
    private CircuitBreaker.State state = CircuitBreaker.State.CLOSED;
    private int failures;
    private long openedAt;
    private boolean trialInFlight;

    public SimpleBreaker(int failuresToOpen, long openNanos, LongSupplier clock) {
        if (failuresToOpen < 1 || openNanos <= 0) {
            throw new IllegalArgumentException("need failuresToOpen >= 1 and openNanos > 0, got " + failuresToOpen
                    + " and " + openNanos);
        }
        this.failuresToOpen = failuresToOpen;
        this.openNanos = openNanos;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public boolean allow() {
        switch (state) {
            case CLOSED:
                return true;
            case OPEN:
                if (clock.getAsLong() - openedAt < openNanos) {
                    return false;
                }
                state = CircuitBreaker.State.HALF_OPEN;
                trialInFlight = true;
                return true;
            default:
                if (trialInFlight) {
                    return false;
                }
                trialInFlight = true;
                return true;
        }
    }

    public void success() {
        if (state == CircuitBreaker.State.HALF_OPEN) {
            state = CircuitBreaker.State.CLOSED;
            trialInFlight = false;
        }
        failures = 0;
    }

    public void failure() {
        if (state == CircuitBreaker.State.HALF_OPEN) {
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
        trialInFlight = false;
    }

    public CircuitBreaker.State state() {
        return state;
    }
}
