package dev.dbinternals.ch08.cascading.breaker;

import dev.dbinternals.ch08.harness.exercise.NotDoneYet;
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

    private static final String FILE = "ch08-cascading/src/exercise/java/dev/dbinternals/ch08/cascading/breaker/SimpleBreaker.java";

    /**
     * @throws IllegalArgumentException if failuresToOpen &lt; 1, openNanos &lt;= 0 or maxOpenNanos &lt; openNanos
     */
    public SimpleBreaker(int failuresToOpen, long openNanos, long maxOpenNanos, LongSupplier clock) {
        // keep what you need in fields; reject out-of-range settings
    }

    /** May a call go ahead now? */
    public boolean allow() {
        throw new NotDoneYet("cascading-2", FILE, "answer whether a call may go ahead now, by the rules in the javadoc",
                "지금 호출을 진행해도 되는지 javadoc의 규칙대로 답하세요.");
    }

    /** The allowed call succeeded. */
    public void success() {
        throw new NotDoneYet("cascading-2", FILE, "record that the allowed call succeeded",
                "허용된 호출이 성공했음을 기록하세요.");
    }

    /** The allowed call failed. */
    public void failure() {
        throw new NotDoneYet("cascading-2", FILE, "record that the allowed call failed",
                "허용된 호출이 실패했음을 기록하세요.");
    }

    public CircuitBreaker.State state() {
        throw new NotDoneYet("cascading-2", FILE, "return the current state", "현재 상태를 돌려주세요.");
    }
}
