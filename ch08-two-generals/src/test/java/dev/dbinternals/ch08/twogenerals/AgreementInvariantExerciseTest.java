package dev.dbinternals.ch08.twogenerals;

import static dev.dbinternals.ch08.harness.lang.Lang.t;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dbinternals.ch08.harness.explore.Explorer.Violation;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * tg-1, graded by the explorer over every reachable state. The wrong solutions kept as fixtures
 * (src/wrong/tg-1--*) and the test that catches each:
 * <ul>
 *   <li>{@code a-alone-only}: flags only "A attacks alone" —
 *       {@link #shouldFindTheLonelyAttackOfAckRoundsOneWhereBAttacksAlone()};</li>
 *   <li>{@code both-must-attack}: agreement confused with "both attack" —
 *       {@link #shouldHoldBeforeAnyGeneralHasDecided()}, {@link #shouldHoldInEveryRunOfTheProtocolThatNeverAttacks()};</li>
 *   <li>{@code decided-only}: written for final states, so undecided states fail —
 *       {@link #shouldHoldBeforeAnyGeneralHasDecided()};</li>
 *   <li>{@code delegate}: {@code Run.agreement()}, which judges finished runs only —
 *       {@link #shouldHoldBeforeAnyGeneralHasDecided()};</li>
 *   <li>{@code attack-plan-only}: "on RETREAT nobody attacks anyway", so RETREAT states pass unchecked —
 *       {@link #shouldFlagBAttackingAloneWhenThePlanIsRetreat()};</li>
 *   <li>{@code undecided-as-retreat}: an undecided general counted as not attacking —
 *       {@link #shouldHoldWhileOneGeneralHasNotDecided()}.</li>
 * </ul>
 */
@Tag("exercise")
@DisplayName("tg-1: the agreement invariant for the explorer")
class AgreementInvariantExerciseTest {

    @Test
    void shouldHoldBeforeAnyGeneralHasDecided() {
        // given the state before dawn: "attack at dawn" is on the way, nobody decided
        GeneralsState start = new TwoGeneralsModel(new AckRounds(2)).initial(Plan.ATTACK);

        // then agreement cannot be broken yet
        assertThat(AgreementInvariant.holds(start))
                .as(t("agreement must hold while messengers are on the way and nobody decided; the state:%s",
                                "전령이 아직 오가고 아무도 결정하지 않은 동안에는 일치성이 성립해야 해요. 상태:%s"),
                        ExploredRun.describe(Plan.ATTACK, List.of(), start)).isTrue();
    }

    @Test
    void shouldHoldWhileOneGeneralHasNotDecided() {
        // given a state in which A has decided to attack and B has not decided yet (this model lets
        // both decide together, but an invariant judges any state the explorer might hand it)
        GeneralsState start = new TwoGeneralsModel(new AckRounds(2)).initial(Plan.ATTACK);
        GeneralsState half = new GeneralsState(Plan.ATTACK, start.heardByA(), start.heardByB(), start.onTheWay(),
                start.sent(), Decision.ATTACK, Decision.UNDECIDED);

        // then agreement is not broken: B may still decide to attack
        assertThat(AgreementInvariant.holds(half))
                .as(t("A decided ATTACK, B has not decided: agreement is about two decisions, and B has none yet",
                        "A는 ATTACK으로 결정했고 B는 아직 결정하지 않았어요. 일치성은 두 결정에 관한 것인데 B에게는 아직 결정이 없어요"))
                .isTrue();
    }

    @Test
    void shouldFlagBAttackingAloneWhenThePlanIsRetreat() {
        // given AttackRegardless, in which B attacks whatever it hears, explored with plan RETREAT
        var result = new TwoGeneralsModel(new AttackRegardless()).explorer(Plan.RETREAT)
                .invariant("agreement", AgreementInvariant::holds)
                .explore();

        // then the states where A stays home and B attacks break agreement, and no other state does
        var lonely = new TwoGeneralsModel(new AttackRegardless()).explorer(Plan.RETREAT)
                .invariant("not B alone", s -> !s.outcome().equals("B attacks alone"))
                .explore();
        assertThat(result.violations()).extracting(Violation::state)
                .as(t("with plan RETREAT, AttackRegardless has runs in which B attacks and A retreats; agreement"
                        + " does not depend on the plan, so your invariant must flag those states and no other;"
                        + " it flags:%s",
                        "계획이 RETREAT일 때 AttackRegardless에는 B는 공격하고 A는 후퇴하는 실행이 있어요. 일치성은"
                        + " 계획과 상관없으니, 불변식은 바로 그 상태들만 잡아내야 해요."
                        + " 지금 잡아낸 상태:%s"), runs(result.violations()))
                .containsExactlyInAnyOrderElementsOf(lonely.violations().stream().map(Violation::state).toList());
    }

    @Test
    void shouldFindTheLonelyAttackOfAckRoundsTwoInThreeSteps() {
        // given AckRounds(2) explored with the reader's invariant
        var result = new TwoGeneralsModel(new AckRounds(2)).explorer(Plan.ATTACK)
                .invariant("agreement", AgreementInvariant::holds)
                .explore();

        // then exactly one state breaks it: #1 and #2 arrive, #3 is captured, A attacks alone
        assertThat(result.violations()).as(t("states your invariant flags, each with its run:%s", "작성한 불변식이 잡아낸 상태와 각 상태의 실행:%s"),
                        runs(result.violations()))
                .hasSize(1);
        assertThat(result.violations().get(0).path()).as(t("shortest counterexample", "가장 짧은 반례")).hasSize(3);
        assertThat(result.violations().get(0).state().outcome()).isEqualTo("A attacks alone");
    }

    @Test
    void shouldFindTheLonelyAttackOfAckRoundsOneWhereBAttacksAlone() {
        // given AckRounds(1): the order, then one acknowledgement from B
        var result = new TwoGeneralsModel(new AckRounds(1)).explorer(Plan.ATTACK)
                .invariant("agreement", AgreementInvariant::holds)
                .explore();

        // then the run that captures the acknowledgement breaks agreement: B attacks, A does not
        assertThat(result.violations())
                .as(t("AckRounds(1) has a run in which B attacks and A retreats; your invariant must flag that state"
                        + " (and only that one); it flags:%s",
                        "AckRounds(1)에는 B는 공격하고 A는 후퇴하는 실행이 있어요. 불변식은 그 상태를 (그 상태만)"
                        + " 잡아내야 해요. 지금 잡아낸 상태:%s"), runs(result.violations()))
                .hasSize(1);
        assertThat(result.violations().get(0).state().outcome()).isEqualTo("B attacks alone");
    }

    @Test
    void shouldHoldInEveryRunOfTheProtocolThatNeverAttacks() {
        var result = new TwoGeneralsModel(new NeverAttack()).explorer(Plan.ATTACK)
                .invariant("agreement", AgreementInvariant::holds)
                .explore();

        assertThat(result.violations()).as(t("NeverAttack: both always retreat, so agreement always holds; your invariant flags:%s",
                "NeverAttack: 둘 다 언제나 후퇴하므로 일치성은 항상 성립해요. 작성한 불변식이 잡아낸 상태:%s"),
                runs(result.violations())).isEmpty();
    }

    @Test
    void shouldFlagEveryOrderInWhichAllRedundantMessengersAreCaptured() {
        // given three copies of the order; only "all captured" disagrees
        var result = new TwoGeneralsModel(new RedundantMessengers(3)).explorer(Plan.ATTACK)
                .invariant("agreement", AgreementInvariant::holds)
                .explore();

        // then one state (nothing heard, nothing on the way) breaks agreement
        assertThat(result.violations()).as(t("states your invariant flags, each with its run:%s", "작성한 불변식이 잡아낸 상태와 각 상태의 실행:%s"),
                runs(result.violations())).hasSize(1);
        assertThat(result.violations().get(0).state().heardByB()).as(t("B heard nobody", "B는 아무것도 받지 못했어요")).isEmpty();
    }

    private static String runs(List<Violation<GeneralsState>> violations) {
        StringBuilder sb = new StringBuilder();
        for (var v : violations) {
            sb.append(ExploredRun.describe(v.state().plan(), v.path(), v.state()));
        }
        return sb.length() == 0 ? t(" none", " 없음") : sb.toString();
    }
}
