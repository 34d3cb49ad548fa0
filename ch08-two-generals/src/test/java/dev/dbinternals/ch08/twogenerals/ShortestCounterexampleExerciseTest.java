package dev.dbinternals.ch08.twogenerals;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("exercise")
@DisplayName("tg-3: find the counterexample path")
class ShortestCounterexampleExerciseTest {

    @Test
    void shouldEqualTheExplorersShortestViolationForKFromZeroToFive() {
        for (int k = 0; k <= 5; k++) {
            List<String> explorer = TwoGeneralsChecker.exhaustive(new AckRounds(k)).agreementViolation().orElseThrow().path();
            List<String> yours = ShortestCounterexample.forAckRounds(k).stream().map(Move::label).toList();
            assertThat(yours).as("shortest lonely attack of AckRounds(%d)", k).isEqualTo(explorer);
        }
    }

    @Test
    void shouldLeadToALonelyAttackWhenReplayed() {
        for (int k = 0; k <= 5; k++) {
            var model = new TwoGeneralsModel(new AckRounds(k));
            List<String> labels = ShortestCounterexample.forAckRounds(k).stream().map(Move::label).toList();
            GeneralsState end = model.replay(Plan.ATTACK, labels).get(labels.size());
            assertThat(end.outcome()).as("AckRounds(%d) after your moves", k).endsWith("attacks alone");
        }
    }
}
