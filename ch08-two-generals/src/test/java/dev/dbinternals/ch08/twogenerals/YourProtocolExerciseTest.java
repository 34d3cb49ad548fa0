package dev.dbinternals.ch08.twogenerals;

import static dev.dbinternals.ch08.harness.lang.Lang.t;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * tg-4, graded by exploring every run under both plans; a failure prints the run that breaks the
 * property. The wrong solutions kept as fixtures (src/wrong/tg-4--*) and the test that catches each:
 * <ul>
 *   <li>{@code never-attack}: agreement bought by never attacking —
 *       {@link #shouldLetBothGeneralsAttackWhenNoMessengerIsLost()};</li>
 *   <li>{@code more-rounds}: a longer chain of single acknowledgements, as if length survived a capture —
 *       {@link #shouldKeepAgreementWhenOnlyOneMessengerIsCaptured()};</li>
 *   <li>{@code copies-without-acks}: copies of the order and no word back, A attacking blind —
 *       {@link #shouldLetANeverAttackWithoutWordFromB()}.</li>
 * </ul>
 */
@Tag("exercise")
@DisplayName("tg-4: try to beat the Two Generals' Problem")
class YourProtocolExerciseTest {

    @Test
    void shouldLetBothGeneralsAttackWhenNoMessengerIsLost() {
        var result = new TwoGeneralsModel(new YourProtocol()).explorer(Plan.ATTACK).explore();
        for (GeneralsState end : result.terminalStates()) {
            if (captured(end) == 0 && !end.outcome().equals("both attack")) {
                fail(t("non-triviality: plan ATTACK and no capture must end with both attacking, in this run:",
                        "비자명성: 계획이 ATTACK이고 붙잡힌 전령이 없으면 둘 다 공격으로 끝나야 해요. 이 실행에서 어긋났어요:")
                        + ExploredRun.describe(Plan.ATTACK, result.shortestPathTo(end), end));
            }
        }
    }

    @Test
    void shouldNeverAttackWhenThePlanIsToRetreat() {
        var report = TwoGeneralsChecker.exhaustive(new YourProtocol());
        report.validityViolation().ifPresent(v -> fail(t("validity: with plan RETREAT nobody may attack, in this run:",
                "유효성: 계획이 RETREAT이면 아무도 공격하면 안 돼요. 이 실행에서 어긋났어요:")
                + ExploredRun.describe(Plan.RETREAT, v.path(), v.state())));
    }

    @Test
    void shouldKeepAgreementWhenOnlyOneMessengerIsCaptured() {
        var result = new TwoGeneralsModel(new YourProtocol()).explorer(Plan.ATTACK).explore();
        for (GeneralsState end : result.terminalStates()) {
            if (captured(end) <= 1 && end.a() != end.b()) {
                fail(t("one capture must not split the generals, in this run:",
                        "전령 하나가 붙잡힌 것으로 두 장군의 결정이 갈리면 안 돼요. 이 실행에서 갈렸어요:")
                        + ExploredRun.describe(Plan.ATTACK, result.shortestPathTo(end), end));
            }
        }
    }

    @Test
    void shouldLetANeverAttackWithoutWordFromB() {
        // A attacks only once it has heard from B that the plan arrived
        var result = new TwoGeneralsModel(new YourProtocol()).explorer(Plan.ATTACK).explore();
        for (GeneralsState end : result.terminalStates()) {
            if (end.a() == Decision.ATTACK && end.heardByA().isEmpty()) {
                fail(t("A attacks having heard nothing from B, in this run:",
                        "A가 B에게서 아무것도 받지 못했는데 공격해요. 이 실행에서:")
                        + ExploredRun.describe(Plan.ATTACK, result.shortestPathTo(end), end));
            }
        }
    }

    @Test
    void shouldStillLoseAgreementInSomeRunAsTheTheoremSays() {
        // given your useful, valid protocol: the checker looks for a lonely attack
        var report = TwoGeneralsChecker.exhaustive(new YourProtocol());
        var verdict = new LastMessageArgument(new YourProtocol()).verdict();

        // then it finds one, and the last-message argument finds one too
        assertThat(report.agreement()).as(t("the Two Generals' Problem: some run must break agreement",
                "두 장군 문제: 어떤 실행에서는 반드시 일치성이 깨져야 해요")).isFalse();
        var violation = report.agreementViolation().orElseThrow();
        var path = violation.path();
        assertThat(path.get(path.size() - 1)).as(t("the shortest lonely attack ends with a capture; it was:%s",
                "한 장군만 공격하는 가장 짧은 실행은 전령이 붙잡히며 끝나요. 실제 실행:%s"),
                ExploredRun.describe(violation.state().plan(), path, violation.state())).startsWith("lose");
        assertThat(verdict.broken()).as(Words.explanation(verdict)).isEqualTo(LastMessageArgument.Broken.AGREEMENT);
    }

    /** Messengers sent and neither heard nor on the way any more. */
    private static int captured(GeneralsState s) {
        return s.sent() - s.heardByA().size() - s.heardByB().size() - s.onTheWay().size();
    }
}
