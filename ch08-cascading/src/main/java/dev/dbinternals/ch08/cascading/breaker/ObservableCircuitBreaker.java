package dev.dbinternals.ch08.cascading.breaker;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * A {@link CircuitBreaker} that tells a listener about every change of state: what an operator
 * (or demo 5's narration) watches. The breaker itself is unchanged; this class only compares the
 * state before and after each call into it.
 *
 * <p>Book: Chapter 8, "Cascading Failures" (계단식 장애). Thread-safe like the breaker: the
 * listener runs on the caller's thread while the breaker's lock is held, so it must be short
 * (record, count, log) and must not call back into the breaker from another thread.
 */
public final class ObservableCircuitBreaker extends CircuitBreaker {

    /** One change of state. */
    public record Transition(State from, State to) {
    }

    private final Consumer<Transition> listener;

    public ObservableCircuitBreaker(Config config, LongSupplier nanoClock, Consumer<Transition> listener) {
        super(config, nanoClock);
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    @Override
    public synchronized boolean tryAcquirePermission() {
        State before = state();
        boolean permitted = super.tryAcquirePermission(); // OPEN -> HALF_OPEN happens here
        tell(before);
        return permitted;
    }

    @Override
    public synchronized void onSuccess() {
        State before = state();
        super.onSuccess(); // HALF_OPEN -> CLOSED
        tell(before);
    }

    @Override
    public synchronized void onFailure() {
        State before = state();
        super.onFailure(); // CLOSED -> OPEN, HALF_OPEN -> OPEN
        tell(before);
    }

    private void tell(State before) {
        if (state() != before) {
            listener.accept(new Transition(before, state()));
        }
    }
}
