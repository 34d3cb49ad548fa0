package dev.dbinternals.ch08.concurrency.exercises;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbinternals.ch08.concurrency.check.LinearizabilityChecker;
import dev.dbinternals.ch08.concurrency.check.Verdict;
import dev.dbinternals.ch08.concurrency.history.History;
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
    void shouldRejectAStaleReadAfterAWrite() {
        History h = History.builder()
                .invoke(0, "write", 1).ok(0, "write", 1)
                .invoke(1, "read", null).ok(1, "read", 0)
                .build();

        assertThat(check(h)).isEqualTo(Verdict.VIOLATED);
    }
}
