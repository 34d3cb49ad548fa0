package dev.dbinternals.ch08.twogenerals;

import static dev.dbinternals.ch08.harness.lang.Lang.t;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * tg-6, graded with exact probabilities (every key against every loss pattern, {@link RandomizedOdds}).
 * The wrong solutions kept as fixtures (src/wrong/tg-6--*) and the test that catches each:
 * <ul>
 *   <li>{@code delegate}: {@link RandomizedAttack} itself, key from 1..r —
 *       {@link #shouldDisagreeWithProbabilityAtMostOneOverTwoRAgainstEveryAdversary(int)};</li>
 *   <li>{@code key-range-too-wide}: keys from 1..4r, safe but too timid —
 *       {@link #shouldBothAttackAtLeastHalfTheTimeWhenNothingIsLost(int)};</li>
 *   <li>{@code key-without-plan}: A sends its key whatever the plan —
 *       {@link #shouldNeverAttackOnRetreat(int)};</li>
 *   <li>{@code plan-in-a-field}: A's {@code sendA} stores the plan in a field that {@code attacksB}
 *       reads, so B learns the plan without a messenger — each run gives A and B instances of their
 *       own, so B never sees the plan: {@link #shouldDisagreeWithProbabilityAtMostOneOverTwoRAgainstEveryAdversary(int)};</li>
 *   <li>{@code plan-in-a-static-field}: the same through a static field, which separate instances
 *       share — {@link #shouldNotBeatTheBoundOfTheChainArgument(int)}.</li>
 * </ul>
 * Each run calls A's methods on one new {@code CautiousAttack} and B's on another: the generals
 * share nothing but messengers.
 */
@Tag("exercise")
@DisplayName("tg-6: trade attacking for agreeing: disagree at most 1/(2r), attack at least half the time")
class CautiousAttackExerciseTest {

    @ParameterizedTest(name = "r = {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6})
    void shouldNeverAttackOnRetreat(int r) {
        assertThat(RandomizedOdds.exact(() -> new CautiousAttack(r)).validity()).as(t("validity with plan RETREAT", "계획이 RETREAT일 때의 유효성")).isTrue();
    }

    @ParameterizedTest(name = "r = {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6})
    void shouldBothAttackAtLeastHalfTheTimeWhenNothingIsLost(int r) {
        var report = RandomizedOdds.exact(() -> new CautiousAttack(r));
        var noLoss = report.patterns().get(0);
        assertThat(2L * noLoss.bothAttack()).as(t("2 · keys on which both attack with no loss, against keys = %d",
                "손실이 없을 때 둘 다 공격하는 키 수의 2배를 전체 키 수 %d와 비교해요"), report.keys())
                .isGreaterThanOrEqualTo(report.keys());
    }

    @ParameterizedTest(name = "r = {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6})
    void shouldDisagreeWithProbabilityAtMostOneOverTwoRAgainstEveryAdversary(int r) {
        var report = RandomizedOdds.exact(() -> new CautiousAttack(r));
        var worst = report.worst();
        // exact: disagreeing keys / keys <= 1/(2r)
        assertThat(2L * r * worst.disagree()).as(t("worst adversary captures %s: %d of %d keys disagree",
                "최악의 적대자가 붙잡는 전령: %s. 키 %3$d개 중 %2$d개에서 결정이 어긋나요"),
                RandomizedOdds.captured(worst.lost(), r), worst.disagree(), report.keys())
                .isLessThanOrEqualTo(report.keys());
    }

    @ParameterizedTest(name = "r = {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6})
    void shouldNotBeatTheBoundOfTheChainArgument(int r) {
        // the chain argument (README, "the lower bound") proves P(disagree) >= L/r for every protocol
        // of this model that never attacks on RETREAT; beating it means a channel besides the messengers
        var report = RandomizedOdds.exact(() -> new CautiousAttack(r));
        var worst = report.worst();
        if (report.validity()) {
            assertThat((long) r * worst.disagree())
                    .as(t("r · (disagreeing keys of the worst adversary) = %d · %d is below the keys on which both attack"
                            + " with nothing lost: that beats a proven bound, so B read state it never received"
                            + " (a static field, or anything shared outside the messengers)",
                            "r · (최악의 적대자에게 어긋나는 키 수) = %d · %d 가 손실 없이 둘 다 공격하는 키 수보다 작아요."
                            + " 증명된 한계를 넘어선 것이니, B가 받은 적 없는 상태를 읽은 거예요"
                            + " (static 필드든, 전령 밖에서 공유한 무엇이든)"),
                            r, worst.disagree())
                    .isGreaterThanOrEqualTo(report.patterns().get(0).bothAttack());
        }
    }
}
