package dev.dbinternals.ch08.cascading.breaker;

import dev.dbinternals.ch08.harness.exercise.NotDoneYet;
import java.util.function.LongSupplier;

/**
 * Exercise cascading-2: a circuit breaker's state transitions, in their simplest form.
 *
 * <ul>
 *   <li>{@code CLOSED}: every call allowed; {@code failuresToOpen} failures <em>in a row</em>
 *   open it (a success resets the count);</li>
 *   <li>{@code OPEN}: {@link #allow()} is false until {@code openNanos} have passed on the
 *   clock; then the next {@link #allow()} moves to {@code HALF_OPEN} and returns true (one
 *   trial call);</li>
 *   <li>{@code HALF_OPEN}: no other call is allowed while the trial runs; its success closes
 *   the breaker, its failure opens it again (and the wait starts over).</li>
 * </ul>
 * Time comes only from {@code clock} (nanoseconds). Compare with {@link CircuitBreaker}, which
 * decides by failure rate over a window. Not thread-safe.
 */
public final class SimpleBreaker {

    public SimpleBreaker(int failuresToOpen, long openNanos, LongSupplier clock) {
        // keep the arguments in fields; reject failuresToOpen < 1 or openNanos <= 0
    }

    /** May a call go ahead now? */
    public boolean allow() {
        throw new NotDoneYet("cascading-2", "ch08-cascading/src/exercise/java/dev/dbinternals/ch08/cascading/breaker/SimpleBreaker.java",
                "allow calls when CLOSED, refuse while OPEN until the wait is over, then let one trial through (HALF_OPEN)");
    }

    /** The allowed call succeeded. */
    public void success() {
        throw new NotDoneYet("cascading-2", "ch08-cascading/src/exercise/java/dev/dbinternals/ch08/cascading/breaker/SimpleBreaker.java",
                "reset the failure count; a successful trial closes the breaker");
    }

    /** The allowed call failed. */
    public void failure() {
        throw new NotDoneYet("cascading-2", "ch08-cascading/src/exercise/java/dev/dbinternals/ch08/cascading/breaker/SimpleBreaker.java",
                "count consecutive failures and open at the threshold; a failed trial opens it again");
    }

    public CircuitBreaker.State state() {
        throw new NotDoneYet("cascading-2", "ch08-cascading/src/exercise/java/dev/dbinternals/ch08/cascading/breaker/SimpleBreaker.java",
                "return the current state");
    }
}
