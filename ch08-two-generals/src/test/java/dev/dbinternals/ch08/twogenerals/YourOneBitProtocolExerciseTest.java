package dev.dbinternals.ch08.twogenerals;

import static dev.dbinternals.ch08.harness.lang.Lang.t;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * tg-5, graded against every loss pattern under both plans, and against the fewest disagreeing
 * runs of any valid, non-trivial protocol of C(3) (counted by enumerating the class; the count is
 * not printed). The wrong solutions kept as fixtures (src/wrong/tg-5--*) and the test that catches each:
 * <ul>
 *   <li>{@code attack-on-order}: A attacks on its plan, B on the order alone —
 *       {@link #shouldDisagreeInNoMoreRunsThanTheBestProtocolOfTheClass()};</li>
 *   <li>{@code never-attack}: no disagreement because nobody ever attacks —
 *       {@link #shouldKeepValidityAndNonTriviality()};</li>
 *   <li>{@code delegate}: the first valid, non-trivial protocol the module's enumeration finds —
 *       {@link #shouldDisagreeInNoMoreRunsThanTheBestProtocolOfTheClass()}.</li>
 * </ul>
 */
@Tag("exercise")
@DisplayName("tg-5: a protocol of C(3) that loses as little as the class allows")
class YourOneBitProtocolExerciseTest {

    @Test
    void shouldKeepValidityAndNonTriviality() {
        var v = OneBitProtocolClass.check(new YourOneBitProtocol());
        assertThat(v.nonTriviality()).as(t("non-triviality: plan ATTACK, nothing captured, both attack", "비자명성: 계획 ATTACK, 붙잡힌 전령 없음, 둘 다 공격")).isTrue();
        assertThat(v.validity()).as(t("validity: plan RETREAT, nobody attacks in any of the 8 loss patterns",
                "유효성: 계획 RETREAT, 손실 패턴 8가지 모두에서 아무도 공격하지 않음")).isTrue();
    }

    @Test
    void shouldDisagreeInNoMoreRunsThanTheBestProtocolOfTheClass() {
        // given the fewest disagreeing runs of any valid, non-trivial protocol in C(3), by enumeration
        int fewest = new OneBitProtocolClass(3).census().fewestDisagreements();

        // when your protocol (of C(3)) is run under both plans and all 8 loss patterns
        assertThat(new YourOneBitProtocol().rounds()).as(t("a protocol of C(3)", "C(3)의 프로토콜")).isEqualTo(3);
        var v = OneBitProtocolClass.check(new YourOneBitProtocol());

        // then it disagrees in that many runs (and, as the theorem says, in at least one)
        var runs = v.disagreeing().stream().map(OneBitProtocolClass.RoundRun::summary).toList();
        if (runs.size() > fewest) {
            fail(t("your protocol disagrees in " + runs.size() + " of the 16 runs: " + runs + "; another protocol of C(3)"
                    + " that keeps validity and non-triviality disagrees in fewer. For each of these runs, which"
                    + " general could have told it apart from the run without loss?",
                    "작성한 프로토콜은 실행 16개 중 " + runs.size() + "개에서 결정이 어긋나요: " + runs + ". 유효성과 비자명성을"
                    + " 지키는 C(3)의 다른 프로토콜은 더 적게 어긋나요. 이 실행들 하나하나에서, 어느 장군이"
                    + " 손실 없는 실행과 구별할 수 있었을까요?"));
        }
        assertThat(v.agreement()).as(t("the theorem: some run must disagree; yours never does, so check validity and"
                + " non-triviality again", "정리에 따르면 어떤 실행에서는 반드시 결정이 어긋나야 하는데, 작성한 프로토콜은"
                + " 그런 일이 없어요. 유효성과 비자명성을 다시 확인하세요")).isFalse();
    }
}
