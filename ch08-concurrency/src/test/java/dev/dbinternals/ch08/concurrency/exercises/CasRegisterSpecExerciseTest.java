package dev.dbinternals.ch08.concurrency.exercises;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbinternals.ch08.concurrency.check.LinearizabilityChecker;
import dev.dbinternals.ch08.concurrency.check.Models;
import dev.dbinternals.ch08.concurrency.check.Verdict;
import dev.dbinternals.ch08.concurrency.history.History;
import dev.dbinternals.ch08.concurrency.history.Operation;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("exercise")
@DisplayName("conc-3: the sequential specification of a CAS register")
class CasRegisterSpecExerciseTest {

    private static Verdict check(History h) {
        return LinearizabilityChecker.create().check(h, new CasRegisterSpec(0L)).verdict();
    }

    @Test
    void shouldAcceptASuccessfulCasFollowedByAReadOfTheNewValue() {
        History h = History.builder()
                .invoke(0, "cas", List.of(0, 5)).ok(0, "cas", List.of(0, 5))
                .invoke(1, "read", null).ok(1, "read", 5)
                .build();

        assertThat(check(h)).as("cas 0→5 then read 5 is linearizable").isEqualTo(Verdict.OK);
    }

    @Test
    void shouldRejectACasWhoseExpectedValueIsNotCurrent() {
        History h = History.builder()
                .invoke(0, "write", 3).ok(0, "write", 3)
                .invoke(1, "cas", List.of(0, 5)).ok(1, "cas", List.of(0, 5))
                .build();

        assertThat(check(h)).as("cas 0→5 cannot succeed after write 3").isEqualTo(Verdict.VIOLATED);
    }

    @Test
    void shouldRejectTwoCasFromTheSameValueBothSucceeding() {
        History h = History.builder()
                .invoke(0, "cas", List.of(0, 1)).invoke(1, "cas", List.of(0, 2))
                .ok(0, "cas", List.of(0, 1)).ok(1, "cas", List.of(0, 2))
                .build();

        assertThat(check(h)).as("only one of two cas 0→x can succeed").isEqualTo(Verdict.VIOLATED);
    }

    @Test
    void shouldTreatNilAsAnOrdinaryValue() {
        // a register that starts empty (nil), as many Jepsen registers do
        History ok = History.builder()
                .invoke(0, "read", null).ok(0, "read", null)
                .invoke(1, "cas", java.util.Arrays.asList(null, 5L)).ok(1, "cas", java.util.Arrays.asList(null, 5L))
                .invoke(0, "read", null).ok(0, "read", 5)
                .build();
        History stale = History.builder()
                .invoke(0, "write", 5).ok(0, "write", 5)
                .invoke(1, "read", null).ok(1, "read", null)
                .build();

        try {
            assertThat(LinearizabilityChecker.create().check(ok, new CasRegisterSpec(null)).verdict())
                    .as("read nil, cas nil→5, read 5 from an empty register is linearizable").isEqualTo(Verdict.OK);
            assertThat(LinearizabilityChecker.create().check(stale, new CasRegisterSpec(null)).verdict())
                    .as("reading nil after write 5 completed is a stale read").isEqualTo(Verdict.VIOLATED);
        } catch (NullPointerException e) {
            throw new AssertionError("nil (Java null) is a value like any other here: compare with Objects.equals", e);
        }
    }

    @Test
    void shouldRejectAnOperationTheRegisterDoesNotHave() {
        var add = new Operation(0, 0, "add", 1L, Operation.Status.OK, 0, 1, null, 0);

        assertThatThrownBy(() -> new CasRegisterSpec(0L).step(new Models.Value(0L), add))
                .as("an unknown op.f() such as 'add' must throw IllegalArgumentException")
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRejectAStaleReadAfterAWrite() {
        History h = History.builder()
                .invoke(0, "write", 1).ok(0, "write", 1)
                .invoke(1, "read", null).ok(1, "read", 0)
                .build();

        assertThat(check(h)).isEqualTo(Verdict.VIOLATED);
    }
}
