package dev.dbinternals.ch08.twogenerals;

import static dev.dbinternals.ch08.harness.lang.Lang.t;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * tg-7, graded by running {@link RandomizedAttack} for every key with the reader's captures. The
 * wrong solutions kept as fixtures (src/wrong/tg-7--*), each caught by
 * {@link #shouldMakeTheGeneralsDisagreeForEveryKey(int)}:
 * <ul>
 *   <li>{@code capture-everything}: total loss taken for the strongest attack;</li>
 *   <li>{@code off-by-one}: lets one messenger too many through;</li>
 *   <li>{@code capture-only-the-key-th}: captures one messenger and forgets that later ones carry the levels on.</li>
 * </ul>
 */
@Tag("exercise")
@DisplayName("tg-7: the adversary that reads the key")
class KeyReadingAdversaryExerciseTest {

    @ParameterizedTest(name = "r = {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7})
    void shouldMakeTheGeneralsDisagreeForEveryKey(int r) {
        var p = new RandomizedAttack(r);
        for (int key = 1; key <= r; key++) {
            int lost = KeyReadingAdversary.capture(r, key);
            assertThat(lost).as(t("a set of the %d messengers", "전령 %d개의 부분집합"), r).isBetween(0, (1 << r) - 1);
            var run = RandomizedOdds.run(p, Plan.ATTACK, key, lost);
            if (run.aAttacks() == run.bAttacks()) {
                fail(t("RandomizedAttack(" + r + "), plan ATTACK, key " + key + ": you captured "
                        + RandomizedOdds.captured(lost, r) + " and " + (run.aAttacks() ? "both generals attack" : "both retreat")
                        + "; the adversary that reads the key must make exactly one of them attack.",
                        "RandomizedAttack(" + r + "), 계획 ATTACK, 키 " + key + ": "
                        + (lost == 0 ? "아무 전령도 붙잡지 않았더니" : "전령 " + RandomizedOdds.captured(lost, r) + "을(를) 붙잡았더니")
                        + (run.aAttacks() ? " 두 장군 모두 공격해요" : " 둘 다 후퇴해요")
                        + ". 키를 읽는 적대자는 둘 중 정확히 한 장군만 공격하게 만들어야 해요."));
            }
        }
    }
}
