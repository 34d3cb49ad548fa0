package dev.dbinternals.ch08.harness.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbinternals.ch08.harness.history.History;
import dev.dbinternals.ch08.harness.history.JepsenHistory;
import dev.dbinternals.ch08.harness.history.Operation;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A :cas that failed: dropped (Knossos) or a read of another value (Porcupine's etcd model)")
class FailedCasTest {

    private final LinearizabilityChecker checker = LinearizabilityChecker.create();

    @Test
    void shouldGiveDifferentVerdictsForACasThatFailedWhileTheRegisterHeldItsExpectedValue() {
        // given a write of 1 that completed, then, alone, a cas [1 2] that failed
        History h = History.builder()
                .invoke(0, "write", 1).ok(0, "write", 1)
                .invoke(1, "cas", List.of(1, 2)).fail(1, "cas", List.of(1, 2))
                .build();

        // then dropping the failed cas leaves a linearizable history; reading it as "saw something
        // other than 1" does not, since the register held 1 during the whole cas
        assertThat(checker.check(h.operations(), Models.casRegister(0L)).verdict()).isEqualTo(Verdict.OK);
        CheckResult strict = checker.check(JepsenHistory.withFailedCasAsReads(h), Models.casRegister(0L));
        assertThat(strict.verdict()).isEqualTo(Verdict.VIOLATED);
        assertThat(strict.keys().get(0).core()).extracting(Operation::describe).contains("p1 cas-failed [1 2] [2..3]");
    }

    @Test
    void shouldAcceptAFailedCasThatOverlapsAWriteOfAnotherValue() {
        // given the same cas, but concurrent with a write of 5: it may have seen 5, so both readings accept it
        History h = History.builder()
                .invoke(0, "write", 1).ok(0, "write", 1)
                .invoke(1, "cas", List.of(1, 2)).invoke(0, "write", 5).ok(0, "write", 5).fail(1, "cas", List.of(1, 2))
                .invoke(2, "read", null).ok(2, "read", 5)
                .build();

        List<Operation> ops = JepsenHistory.withFailedCasAsReads(h);
        assertThat(ops).extracting(Operation::f).containsExactly("write", "cas-failed", "write", "read");
        assertThat(ops).extracting(Operation::id).containsExactly(0, 1, 2, 3);
        assertThat(checker.check(ops, Models.casRegister(0L)).verdict()).isEqualTo(Verdict.OK);
        assertThat(checker.check(h.operations(), Models.casRegister(0L)).verdict()).isEqualTo(Verdict.OK);
    }

    @Test
    void shouldLeaveAHistoryWithoutFailedCasesAsItIs() {
        History h = History.builder().invoke(0, "write", 1).ok(0, "write", 1).invoke(1, "write", 2).fail(1, "write", 2).build();

        assertThat(JepsenHistory.withFailedCasAsReads(h)).isEqualTo(h.operations());
    }
}
