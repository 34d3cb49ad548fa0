package dev.dbinternals.ch08.concurrency.exercises;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbinternals.ch08.harness.check.LinearizabilityChecker;
import dev.dbinternals.ch08.harness.check.Verdict;
import dev.dbinternals.ch08.harness.history.History;
import dev.dbinternals.ch08.harness.history.Operation;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Exercise conc-3: the reader's specification, run by the module's linearizability checker on small histories.
 *
 * <p>Wrong solutions this catches (kept in {@code src/wrong/conc-3--*}):
 * <ul>
 *   <li>{@code delegate}: hands every step to the module's {@code Models.counter}, which has no {@code next};</li>
 *   <li>{@code ignores-pending}: compares a pending operation's value like a completed one's, so an operation
 *       without a reply can never have happened;</li>
 *   <li>{@code pending-is-noop}: lets a pending {@code next} take effect without changing the state;</li>
 *   <li>{@code any-next}: accepts whatever number a {@code next} returned, so two of them may return the same.</li>
 * </ul>
 */
@Tag("exercise")
@DisplayName("conc-3: the sequential specification of a sequence")
class SequenceSpecExerciseTest {

    private static Verdict check(History h) {
        return LinearizabilityChecker.create().check(h, new SequenceSpec(0L)).verdict();
    }

    @Test
    void shouldAcceptNumbersTakenOneAfterAnother() {
        History h = History.builder()
                .invoke(0, "next", null).ok(0, "next", 1)
                .invoke(1, "next", null).ok(1, "next", 2)
                .invoke(0, "read", null).ok(0, "read", 2)
                .build();

        assertThat(check(h)).as(t("next → 1, then next → 2, then read → 2 is linearizable", "next → 1, 그다음 next → 2, 그다음 read → 2는 선형적이에요")).isEqualTo(Verdict.OK);
    }

    @Test
    void shouldAcceptConcurrentNextsInEitherOrder() {
        History h = History.builder()
                .invoke(0, "next", null).invoke(1, "next", null)
                .ok(0, "next", 2).ok(1, "next", 1)
                .build();

        assertThat(check(h)).as(t("two overlapping nexts may take 1 and 2 in either order", "겹치는 두 next는 1과 2를 어느 순서로든 가져갈 수 있어요")).isEqualTo(Verdict.OK);
    }

    @Test
    void shouldRejectTwoNextsReturningTheSameNumber() {
        History h = History.builder()
                .invoke(0, "next", null).invoke(1, "next", null)
                .ok(0, "next", 1).ok(1, "next", 1)
                .build();

        assertThat(check(h)).as(t("two nexts that both returned 1: a sequence never hands out a number twice", "둘 다 1을 돌려준 두 next: 시퀀스는 같은 번호를 두 번 내주지 않아요"))
                .isEqualTo(Verdict.VIOLATED);
    }

    @Test
    void shouldRejectAReadThatMissesACompletedNext() {
        History h = History.builder()
                .invoke(0, "next", null).ok(0, "next", 1)
                .invoke(1, "read", null).ok(1, "read", 0)
                .build();

        assertThat(check(h)).as(t("read → 0 after next → 1 had completed is a stale read", "next → 1이 완료된 뒤의 read → 0은 오래된 값 읽기예요")).isEqualTo(Verdict.VIOLATED);
    }

    @Test
    void shouldLetANextWithoutReplyHaveHappened() {
        History h = History.builder()
                .invoke(0, "next", null).info(0, "next", null)
                .invoke(1, "next", null).ok(1, "next", 2)
                .build();

        assertThat(check(h)).as(t("a next whose client got no reply, then next → 2: the first one took 1", "클라이언트가 응답을 받지 못한 next, 그다음 next → 2: 첫 번째가 1을 가져간 거예요")).isEqualTo(Verdict.OK);
    }

    @Test
    void shouldLetANextWithoutReplyNotHaveHappened() {
        History h = History.builder()
                .invoke(0, "next", null).info(0, "next", null)
                .invoke(1, "read", null).ok(1, "read", 0)
                .build();

        assertThat(check(h)).as(t("a next whose client got no reply, then read → 0: it did not happen (yet)", "클라이언트가 응답을 받지 못한 next, 그다음 read → 0: (아직) 일어나지 않은 거예요")).isEqualTo(Verdict.OK);
    }

    @Test
    void shouldAcceptAReadWithoutReplyInAnyState() {
        var pendingRead = new Operation(0, 0, "read", null, Operation.Status.PENDING, 0, Long.MAX_VALUE, null, 0);

        assertThat(new SequenceSpec(0L).step(5L, pendingRead)).as(t("a read whose client got no reply changes nothing and may"
                + " have seen anything", "클라이언트가 응답을 받지 못한 read는 아무것도 바꾸지 않고,"
                + " 무엇이든 보았을 수 있어요")).isEqualTo(5L);
    }

    @Test
    void shouldStartAtTheInitialNumber() {
        History h = History.builder().invoke(0, "next", null).ok(0, "next", 11).build();

        assertThat(LinearizabilityChecker.create().check(h, new SequenceSpec(10L)).verdict())
                .as(t("a sequence that starts at 10 hands out 11 first", "10에서 시작하는 시퀀스는 11을 먼저 내줘요")).isEqualTo(Verdict.OK);
    }

    @Test
    void shouldRejectAnOperationTheSequenceDoesNotHave() {
        var add = new Operation(0, 0, "add", 1L, Operation.Status.OK, 0, 1, null, 0);

        assertThatThrownBy(() -> new SequenceSpec(0L).step(0L, add))
                .as(t("an unknown op.f() such as 'add' must throw IllegalArgumentException", "'add' 같은 알 수 없는 op.f()는 IllegalArgumentException을 던져야 해요"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
