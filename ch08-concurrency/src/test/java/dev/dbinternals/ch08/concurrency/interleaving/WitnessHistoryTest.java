package dev.dbinternals.ch08.concurrency.interleaving;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbinternals.ch08.harness.check.LinearizabilityChecker;
import dev.dbinternals.ch08.harness.check.Models;
import dev.dbinternals.ch08.harness.check.Verdict;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Witness schedules become histories the checker judges")
class WitnessHistoryTest {

    @Test
    void shouldFindEveryLostUpdateWitnessNonLinearizableAndEveryCorrectOneLinearizable() {
        // given every outcome of 2 threads x 2 racy increments with its witness schedule
        var table = InterleavingModel.threads(2, Programs.racyIncrement(2)).outcomes("2x2", OutcomeSpec.racyCounter(2, 2));

        for (var row : table.rows()) {
            if (row.interleavings() == 0) {
                continue;
            }
            // when the witness is recorded as a counter history and checked
            var verdict = LinearizabilityChecker.create().check(WitnessHistory.of(row.witness(), row.outcome()), Models.counter(0)).verdict();

            // then only the outcome that counts every increment is linearizable
            assertThat(verdict).as("x = %d", row.outcome()).isEqualTo(row.outcome() == 4 ? Verdict.OK : Verdict.VIOLATED);
        }
    }

    @Test
    void shouldFindTheCasLoopWitnessLinearizable() {
        var table = InterleavingModel.threads(3, Programs.casLoopIncrement(2)).outcomes("cas", OutcomeSpec.exactCounter(3, 2));
        var row = table.rows().stream().filter(r -> r.outcome() == 6).findFirst().orElseThrow();

        assertThat(LinearizabilityChecker.create().check(WitnessHistory.of(row.witness(), 6), Models.counter(0)).verdict())
                .isEqualTo(Verdict.OK);
    }
}
