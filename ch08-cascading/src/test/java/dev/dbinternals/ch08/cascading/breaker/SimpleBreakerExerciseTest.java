package dev.dbinternals.ch08.cascading.breaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbinternals.ch08.cascading.breaker.CircuitBreaker.State;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Exercise cascading-2. Wrong solutions these tests reject (kept under
 * {@code src/wrong/cascading-2--*}): delegating to {@link CircuitBreaker} (its wait never grows:
 * {@code shouldDoubleTheWaitAfterEachFailedTrialUpToTheMax}); counting all failures instead of
 * failures in a row ({@code shouldOpenAfterConsecutiveFailuresOnly}); a breaker that never
 * half-opens and closes straight after the wait, letting every call through
 * ({@code shouldLetOneTrialThroughAfterTheWaitAndCloseOnItsSuccess}); a wait that keeps its
 * doubled length after the breaker closed ({@code shouldStartOverWithTheShortWaitAfterClosing});
 * doubling without a guard, which overflows to a negative wait
 * ({@code shouldStayOpenWhenTheDoubledWaitPassesTheLargestLong}); a late success while open that
 * closes it ({@code shouldIgnoreALateSuccessWhileOpen}); a late failure while open that restarts
 * and doubles the wait ({@code shouldIgnoreALateFailureWhileOpen}).
 */
@Tag("exercise")
@DisplayName("cascading-2: a circuit breaker whose open wait backs off")
class SimpleBreakerExerciseTest {

    private final AtomicLong now = new AtomicLong(1_000);

    @Test
    void shouldOpenAfterConsecutiveFailuresOnly() {
        SimpleBreaker b = new SimpleBreaker(3, 100, 800, now::get);
        assertThat(b.state()).as("a new breaker is closed").isEqualTo(State.CLOSED);
        b.failure();
        b.failure();
        b.success(); // the count starts over
        b.failure();
        b.failure();
        assertThat(b.state()).as("failure, failure, success, failure, failure: only 2 in a row, still closed").isEqualTo(State.CLOSED);
        assertThat(b.allow()).as("closed allows calls").isTrue();
        b.failure();
        assertThat(b.state()).as("the 3rd failure in a row opens it").isEqualTo(State.OPEN);
        assertThat(b.allow()).as("open refuses calls").isFalse();
    }

    @Test
    void shouldLetOneTrialThroughAfterTheWaitAndCloseOnItsSuccess() {
        SimpleBreaker b = new SimpleBreaker(1, 100, 800, now::get);
        b.failure();
        now.addAndGet(99);
        assertThat(b.allow()).as("99 ns into a 100 ns wait: still refused").isFalse();
        now.addAndGet(1);
        assertThat(b.allow()).as("wait over: one trial allowed").isTrue();
        assertThat(b.state()).as("the trial runs half-open").isEqualTo(State.HALF_OPEN);
        assertThat(b.allow()).as("a second call while the trial runs").isFalse();
        b.success();
        assertThat(b.state()).as("a successful trial closes it").isEqualTo(State.CLOSED);
        assertThat(b.allow()).isTrue();
    }

    @Test
    void shouldDoubleTheWaitAfterEachFailedTrialUpToTheMax() {
        SimpleBreaker b = new SimpleBreaker(1, 100, 350, now::get);
        b.failure();
        long[] waits = new long[5];
        for (int i = 0; i < waits.length; i++) {
            long t = 0;
            while (!b.allow()) {
                now.incrementAndGet();
                t++;
                assertThat(t).as("the breaker never let a trial through (waited %d ns after trial %d)", t, i).isLessThan(10_000);
            }
            waits[i] = t;
            b.failure(); // the trial fails
        }
        assertThat(waits).as("ns waited before each trial, when every trial fails (open 100 ns, at most 350 ns)")
                .containsExactly(100, 200, 350, 350, 350);
    }

    @Test
    void shouldStartOverWithTheShortWaitAfterClosing() {
        SimpleBreaker b = new SimpleBreaker(1, 100, 10_000, now::get);
        b.failure();
        for (int i = 0; i < 3; i++) { // three failed trials: the wait grew to 800
            now.addAndGet(10_000);
            assertThat(b.allow()).isTrue();
            b.failure();
        }
        now.addAndGet(10_000);
        assertThat(b.allow()).isTrue();
        b.success();
        assertThat(b.state()).isEqualTo(State.CLOSED);
        b.failure();
        now.addAndGet(100);
        assertThat(b.allow()).as("opened again after closing: the wait is back to 100 ns").isTrue();
    }

    @Test
    void shouldStayOpenWhenTheDoubledWaitPassesTheLargestLong() {
        long open = 1L << 62; // doubled once, past Long.MAX_VALUE
        SimpleBreaker b = new SimpleBreaker(1, open, Long.MAX_VALUE, now::get);
        b.failure();
        now.addAndGet(open);
        assertThat(b.allow()).as("wait over: one trial allowed").isTrue();
        b.failure(); // the trial fails: the wait grows to the max, Long.MAX_VALUE ns
        assertThat(b.allow()).as("just after a failed trial, with the wait grown to Long.MAX_VALUE ns").isFalse();
        now.addAndGet(open);
        assertThat(b.allow()).as("2^62 ns into a wait of Long.MAX_VALUE ns").isFalse();
        assertThat(b.state()).isEqualTo(State.OPEN);
    }

    @Test
    void shouldIgnoreALateSuccessWhileOpen() {
        SimpleBreaker b = new SimpleBreaker(1, 100, 800, now::get);
        b.failure();
        b.success(); // a call allowed before it opened answers now
        assertThat(b.state()).as("a success reported while open, not by a trial").isEqualTo(State.OPEN);
        assertThat(b.allow()).as("still open after a late success").isFalse();
    }

    @Test
    void shouldIgnoreALateFailureWhileOpen() {
        SimpleBreaker b = new SimpleBreaker(1, 100, 800, now::get);
        b.failure();
        now.addAndGet(50);
        b.failure(); // a call allowed before it opened fails now
        now.addAndGet(50);
        assertThat(b.allow()).as("100 ns after opening, with a late failure reported in between: the trial").isTrue();
    }

    @Test
    void shouldRejectOutOfRangeSettings() {
        assertThatThrownBy(() -> new SimpleBreaker(0, 100, 100, now::get)).as("failuresToOpen 0").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SimpleBreaker(1, 0, 100, now::get)).as("openNanos 0").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SimpleBreaker(1, 100, 99, now::get)).as("maxOpenNanos below openNanos").isInstanceOf(IllegalArgumentException.class);
    }
}
