package dev.dbinternals.ch08.concurrency.exercises;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbinternals.ch08.concurrency.check.LinearizabilityChecker;
import dev.dbinternals.ch08.concurrency.check.Verdict;
import dev.dbinternals.ch08.concurrency.history.History;
import dev.dbinternals.ch08.concurrency.history.Operation;
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

        assertThat(check(h)).as("next → 1, then next → 2, then read → 2 is linearizable").isEqualTo(Verdict.OK);
    }

    @Test
    void shouldAcceptConcurrentNextsInEitherOrder() {
        History h = History.builder()
                .invoke(0, "next", null).invoke(1, "next", null)
                .ok(0, "next", 2).ok(1, "next", 1)
                .build();

        assertThat(check(h)).as("two overlapping nexts may take 1 and 2 in either order").isEqualTo(Verdict.OK);
    }

    @Test
    void shouldRejectTwoNextsReturningTheSameNumber() {
        History h = History.builder()
                .invoke(0, "next", null).invoke(1, "next", null)
                .ok(0, "next", 1).ok(1, "next", 1)
                .build();

        assertThat(check(h)).as("two nexts that both returned 1: a sequence never hands out a number twice")
                .isEqualTo(Verdict.VIOLATED);
    }

    @Test
    void shouldRejectAReadThatMissesACompletedNext() {
        History h = History.builder()
                .invoke(0, "next", null).ok(0, "next", 1)
                .invoke(1, "read", null).ok(1, "read", 0)
                .build();

        assertThat(check(h)).as("read → 0 after next → 1 had completed is a stale read").isEqualTo(Verdict.VIOLATED);
    }

    @Test
    void shouldLetANextWithoutReplyHaveHappened() {
        History h = History.builder()
                .invoke(0, "next", null).info(0, "next", null)
                .invoke(1, "next", null).ok(1, "next", 2)
                .build();

        assertThat(check(h)).as("a next whose client got no reply, then next → 2: the first one took 1").isEqualTo(Verdict.OK);
    }

    @Test
    void shouldLetANextWithoutReplyNotHaveHappened() {
        History h = History.builder()
                .invoke(0, "next", null).info(0, "next", null)
                .invoke(1, "read", null).ok(1, "read", 0)
                .build();

        assertThat(check(h)).as("a next whose client got no reply, then read → 0: it did not happen (yet)").isEqualTo(Verdict.OK);
    }

    @Test
    void shouldAcceptAReadWithoutReplyInAnyState() {
        var pendingRead = new Operation(0, 0, "read", null, Operation.Status.PENDING, 0, Long.MAX_VALUE, null, 0);

        assertThat(new SequenceSpec(0L).step(5L, pendingRead)).as("a read whose client got no reply changes nothing and may"
                + " have seen anything").isEqualTo(5L);
    }

    @Test
    void shouldStartAtTheInitialNumber() {
        History h = History.builder().invoke(0, "next", null).ok(0, "next", 11).build();

        assertThat(LinearizabilityChecker.create().check(h, new SequenceSpec(10L)).verdict())
                .as("a sequence that starts at 10 hands out 11 first").isEqualTo(Verdict.OK);
    }

    @Test
    void shouldRejectAnOperationTheSequenceDoesNotHave() {
        var add = new Operation(0, 0, "add", 1L, Operation.Status.OK, 0, 1, null, 0);

        assertThatThrownBy(() -> new SequenceSpec(0L).step(0L, add))
                .as("an unknown op.f() such as 'add' must throw IllegalArgumentException")
                .isInstanceOf(IllegalArgumentException.class);
    }
}
