package dev.dbinternals.ch08.cascading.breaker;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

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
        assertThat(b.state()).as(t("a new breaker is closed", "새 브레이커는 닫혀 있어야 해요")).isEqualTo(State.CLOSED);
        b.failure();
        b.failure();
        b.success(); // the count starts over
        b.failure();
        b.failure();
        assertThat(b.state()).as(t("failure, failure, success, failure, failure: only 2 in a row, still closed", "실패, 실패, 성공, 실패, 실패: 연속 실패는 2번뿐이니 아직 닫혀 있어야 해요")).isEqualTo(State.CLOSED);
        assertThat(b.allow()).as(t("closed allows calls", "닫힘 상태는 호출을 허용해요")).isTrue();
        b.failure();
        assertThat(b.state()).as(t("the 3rd failure in a row opens it", "연속 세 번째 실패에서 열려야 해요")).isEqualTo(State.OPEN);
        assertThat(b.allow()).as(t("open refuses calls", "열림 상태는 호출을 거부해요")).isFalse();
    }

    @Test
    void shouldLetOneTrialThroughAfterTheWaitAndCloseOnItsSuccess() {
        SimpleBreaker b = new SimpleBreaker(1, 100, 800, now::get);
        b.failure();
        now.addAndGet(99);
        assertThat(b.allow()).as(t("99 ns into a 100 ns wait: still refused", "100 ns 대기 중 99 ns째: 아직 거부해야 해요")).isFalse();
        now.addAndGet(1);
        assertThat(b.allow()).as(t("wait over: one trial allowed", "대기가 끝났으니 시험 호출 하나를 허용해야 해요")).isTrue();
        assertThat(b.state()).as(t("the trial runs half-open", "시험 호출은 반열림 상태에서 진행돼요")).isEqualTo(State.HALF_OPEN);
        assertThat(b.allow()).as(t("a second call while the trial runs", "시험 호출이 진행 중일 때 온 두 번째 호출")).isFalse();
        b.success();
        assertThat(b.state()).as(t("a successful trial closes it", "시험 호출이 성공하면 닫혀야 해요")).isEqualTo(State.CLOSED);
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
                assertThat(t).as(t("the breaker never let a trial through (waited %d ns after trial %d)", "브레이커가 시험 호출을 끝내 통과시키지 않았어요(시험 %2$d 뒤 %1$d ns 기다림)"), t, i).isLessThan(10_000);
            }
            waits[i] = t;
            b.failure(); // the trial fails
        }
        assertThat(waits).as(t("ns waited before each trial, when every trial fails (open 100 ns, at most 350 ns)", "모든 시험 호출이 실패할 때 시험 호출마다 기다린 ns(열림 100 ns, 최대 350 ns)"))
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
        assertThat(b.allow()).as(t("opened again after closing: the wait is back to 100 ns", "닫힌 뒤 다시 열렸으니 대기는 다시 100 ns여야 해요")).isTrue();
    }

    @Test
    void shouldStayOpenWhenTheDoubledWaitPassesTheLargestLong() {
        long open = 1L << 62; // doubled once, past Long.MAX_VALUE
        SimpleBreaker b = new SimpleBreaker(1, open, Long.MAX_VALUE, now::get);
        b.failure();
        now.addAndGet(open);
        assertThat(b.allow()).as(t("wait over: one trial allowed", "대기가 끝났으니 시험 호출 하나를 허용해야 해요")).isTrue();
        b.failure(); // the trial fails: the wait grows to the max, Long.MAX_VALUE ns
        assertThat(b.allow()).as(t("just after a failed trial, with the wait grown to Long.MAX_VALUE ns", "시험 호출이 실패한 직후, 대기가 Long.MAX_VALUE ns까지 늘어난 상태")).isFalse();
        now.addAndGet(open);
        assertThat(b.allow()).as(t("2^62 ns into a wait of Long.MAX_VALUE ns", "Long.MAX_VALUE ns 대기 중 2^62 ns째")).isFalse();
        assertThat(b.state()).isEqualTo(State.OPEN);
    }

    @Test
    void shouldIgnoreALateSuccessWhileOpen() {
        SimpleBreaker b = new SimpleBreaker(1, 100, 800, now::get);
        b.failure();
        b.success(); // a call allowed before it opened answers now
        assertThat(b.state()).as(t("a success reported while open, not by a trial", "열림 상태에서 보고된, 시험 호출이 아닌 성공")).isEqualTo(State.OPEN);
        assertThat(b.allow()).as(t("still open after a late success", "늦게 온 성공 뒤에도 아직 열려 있어야 해요")).isFalse();
    }

    @Test
    void shouldIgnoreALateFailureWhileOpen() {
        SimpleBreaker b = new SimpleBreaker(1, 100, 800, now::get);
        b.failure();
        now.addAndGet(50);
        b.failure(); // a call allowed before it opened fails now
        now.addAndGet(50);
        assertThat(b.allow()).as(t("100 ns after opening, with a late failure reported in between: the trial", "열린 지 100 ns 뒤(그 사이 늦은 실패가 보고됨): 시험 호출이어야 해요")).isTrue();
    }

    @Test
    void shouldRejectOutOfRangeSettings() {
        assertThatThrownBy(() -> new SimpleBreaker(0, 100, 100, now::get)).as(t("failuresToOpen 0", "failuresToOpen 0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SimpleBreaker(1, 0, 100, now::get)).as(t("openNanos 0", "openNanos 0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SimpleBreaker(1, 100, 99, now::get)).as(t("maxOpenNanos below openNanos", "maxOpenNanos가 openNanos보다 작음")).isInstanceOf(IllegalArgumentException.class);
    }
}
