package dev.dbinternals.ch08.twogenerals;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbinternals.ch08.twogenerals.LastMessageArgument.Broken;
import dev.dbinternals.ch08.twogenerals.LastMessageArgument.Link;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LastMessageArgumentTest {

    @ParameterizedTest(name = "k = {0}")
    @ValueSource(ints = {0, 1, 2, 5})
    void shouldBreakAgreementOfAckRoundsByCapturingTheLastMessenger(int k) {
        // given AckRounds(k), whose no-loss run delivers k+1 messengers and both attack
        var argument = new LastMessageArgument(new AckRounds(k));

        // when the last delivered messenger is removed
        var verdict = argument.verdict();

        // then one removal is enough: the sender still attacks, the receiver retreats
        assertThat(verdict.broken()).isEqualTo(Broken.AGREEMENT);
        assertThat(verdict.chain()).hasSize(2);
        assertThat(verdict.chain().get(0).run().deliveredCount()).isEqualTo(k + 1);
        assertThat(verdict.witness().deliveredCount()).isEqualTo(k);
        assertThat(verdict.chain()).allMatch(Link::senderViewUnchanged);
    }

    @Test
    void shouldWalkAllTheWayDownForRedundantMessengers() {
        // given three copies of the order: B attacks while any one arrives
        var verdict = new LastMessageArgument(new RedundantMessengers(3)).verdict();

        // then the runs with 3, 2, 1 arrivals agree and the run with 0 is the counterexample
        assertThat(verdict.broken()).isEqualTo(Broken.AGREEMENT);
        assertThat(verdict.chain()).extracting(l -> l.run().deliveredCount()).containsExactly(3L, 2L, 1L, 0L);
        assertThat(verdict.witness().end().outcome()).isEqualTo("A attacks alone");
    }

    @Test
    void shouldEndInAValidityViolationWhenBothStillAttackWithNoMessenger() {
        var verdict = new LastMessageArgument(new AttackRegardless()).verdict();

        assertThat(verdict.broken()).isEqualTo(Broken.VALIDITY);
        assertThat(verdict.witness().plan()).isEqualTo(Plan.RETREAT);
        assertThat(verdict.witness().end().outcome()).isEqualTo("B attacks alone");
    }

    @Test
    void shouldReportNonTrivialityForTheProtocolThatNeverAttacks() {
        var verdict = new LastMessageArgument(new NeverAttack()).verdict();

        assertThat(verdict.broken()).isEqualTo(Broken.NON_TRIVIALITY);
        assertThat(verdict.chain()).hasSize(1);
    }

    @Test
    void shouldCaptureEveryMessengerAfterTheBlackout() {
        // given AckRounds(3) with a blackout after two arrivals
        Run run = new LastMessageArgument(new AckRounds(3)).runWithBlackout(Plan.ATTACK, 2);

        // then #1 and #2 arrive, #3 is captured and nothing else is sent
        assertThat(run.summary()).isEqualTo("deliver #1, deliver #2, lose #3 → both retreat");
    }
}
