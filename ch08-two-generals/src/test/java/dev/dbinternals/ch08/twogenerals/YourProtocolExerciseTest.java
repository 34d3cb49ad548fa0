package dev.dbinternals.ch08.twogenerals;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("exercise")
@DisplayName("tg-4: try to beat the Two Generals' Problem")
class YourProtocolExerciseTest {

    @Test
    void shouldLetBothGeneralsAttackWhenNoMessengerIsLost() {
        var report = TwoGeneralsChecker.exhaustive(new YourProtocol());
        assertThat(report.nonTrivial()).as("non-triviality: plan ATTACK and no capture must end with both attacking").isTrue();
    }

    @Test
    void shouldNeverAttackWhenThePlanIsToRetreat() {
        var report = TwoGeneralsChecker.exhaustive(new YourProtocol());
        assertThat(report.validity()).as("validity: with plan RETREAT nobody may attack").isTrue();
    }

    @Test
    void shouldStillLoseAgreementInSomeRunAsTheTheoremSays() {
        // given your useful, valid protocol: the checker looks for a lonely attack
        var report = TwoGeneralsChecker.exhaustive(new YourProtocol());
        var verdict = new LastMessageArgument(new YourProtocol()).verdict();

        // then it finds one, and the last-message argument finds one too
        assertThat(report.agreement()).as("the Two Generals' Problem: some run must break agreement").isFalse();
        var path = report.agreementViolation().orElseThrow().path();
        assertThat(path.get(path.size() - 1)).as("the shortest lonely attack ends with a capture").startsWith("lose");
        assertThat(verdict.broken()).isEqualTo(LastMessageArgument.Broken.AGREEMENT);
    }
}
