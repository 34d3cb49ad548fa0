package dev.dbinternals.ch08.twogenerals;

import static dev.dbinternals.ch08.harness.lang.Lang.t;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.Comparator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * tg-2, graded against the exact odds of the model (every move weighted by p or 1 − p). A failure
 * names the protocol, k or r and p, and your value; it does not print the right one. The wrong
 * solutions kept as fixtures (src/wrong/tg-2--*) and the test that catches each:
 * <ul>
 *   <li>{@code forgets-the-capture}: only the arrivals are counted —
 *       {@link #shouldMatchTheExactOddsOfAckRoundsForEveryK()};</li>
 *   <li>{@code any-capture}: "some messenger is captured" taken for disagreement —
 *       {@link #shouldMatchTheExactOddsOfAckRoundsForEveryK()}, {@link #shouldShrinkWithMoreRoundsButNeverReachZero()};</li>
 *   <li>{@code one-copy-is-enough}: one capture of r copies taken as enough —
 *       {@link #shouldMatchTheExactOddsOfRedundantMessengers()}.</li>
 * </ul>
 */
@Tag("exercise")
@DisplayName("tg-2: the odds of a lonely attack")
class DisagreementOddsExerciseTest {

    /** Exact probability of disagreement: every move of the model weighted by p (lost) or 1 - p (arrived). */
    private static double exact(TwoGeneralsModel model, GeneralsState s, double p) {
        if (s.decided()) {
            return s.a() == s.b() ? 0 : 1;
        }
        // the order in which messengers move does not change the odds; take the oldest
        Messenger m = s.onTheWay().stream().min(Comparator.comparingInt(Messenger::seq)).orElseThrow();
        return (1 - p) * exact(model, model.apply(s, new Move(m.seq(), m.from(), true)), p)
                + p * exact(model, model.apply(s, new Move(m.seq(), m.from(), false)), p);
    }

    /** Fails in the reader's terms: which protocol, which loss probability, what they returned; never the exact value. */
    private static void check(double yours, double exact, String protocol, double p) {
        if (!(Math.abs(yours - exact) <= 1e-12)) {
            fail(String.format(t("%s with each messenger captured independently with probability %.2f: you returned %.6f,"
                    + " which is %s than the probability of the runs that end with one general attacking alone."
                    + " List the loss patterns that end that way, and multiply along each.",
                    "%s, 전령마다 독립적으로 확률 %.2f로 붙잡힐 때: 반환한 값 %.6f는"
                    + " 한 장군만 공격하며 끝나는 실행들의 확률보다 %s."
                    + " 그렇게 끝나는 손실 패턴을 나열하고, 패턴마다 확률을 곱해 보세요."), protocol, p, yours,
                    yours > exact ? t("more", "커요") : t("less", "작아요")));
        }
    }

    @Test
    void shouldMatchTheExactOddsOfAckRoundsForEveryK() {
        for (int k = 0; k <= 6; k++) {
            for (double p : new double[] {0.05, 0.3, 0.5, 0.9}) {
                var model = new TwoGeneralsModel(new AckRounds(k));
                double expected = exact(model, model.initial(Plan.ATTACK), p);
                check(DisagreementOdds.ackRounds(k, p), expected, "AckRounds(" + k + ")", p);
            }
        }
    }

    @Test
    void shouldMatchTheExactOddsOfRedundantMessengers() {
        for (int r = 1; r <= 4; r++) {
            for (double p : new double[] {0.1, 0.5}) {
                var model = new TwoGeneralsModel(new RedundantMessengers(r));
                double expected = exact(model, model.initial(Plan.ATTACK), p);
                check(DisagreementOdds.redundantMessengers(r, p), expected, "RedundantMessengers(" + r + ")", p);
            }
        }
    }

    @Test
    void shouldShrinkWithMoreRoundsButNeverReachZero() {
        double previous = 1;
        for (int k = 0; k <= 40; k++) {
            double odds = DisagreementOdds.ackRounds(k, 0.01);
            assertThat(odds).as(t("k = %d: disagreement stays possible", "k = %d: 불일치는 여전히 일어날 수 있어요"), k).isPositive();
            assertThat(odds).as(t("k = %d: one more round never makes it likelier", "k = %d: 라운드를 하나 늘려서 확률이 커지는 일은 없어요"), k).isLessThanOrEqualTo(previous);
            previous = odds;
        }
    }
}
