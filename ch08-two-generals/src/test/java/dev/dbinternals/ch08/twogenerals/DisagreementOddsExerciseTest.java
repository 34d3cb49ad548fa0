package dev.dbinternals.ch08.twogenerals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Comparator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

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

    @Test
    void shouldMatchTheExactOddsOfAckRoundsForEveryK() {
        for (int k = 0; k <= 6; k++) {
            for (double p : new double[] {0.05, 0.3, 0.5, 0.9}) {
                var model = new TwoGeneralsModel(new AckRounds(k));
                double expected = exact(model, model.initial(Plan.ATTACK), p);
                assertThat(DisagreementOdds.ackRounds(k, p)).as("P(disagree) of AckRounds(%d) at loss %.2f", k, p)
                        .isCloseTo(expected, within(1e-12));
            }
        }
    }

    @Test
    void shouldMatchTheExactOddsOfRedundantMessengers() {
        for (int r = 1; r <= 4; r++) {
            for (double p : new double[] {0.1, 0.5}) {
                var model = new TwoGeneralsModel(new RedundantMessengers(r));
                double expected = exact(model, model.initial(Plan.ATTACK), p);
                assertThat(DisagreementOdds.redundantMessengers(r, p)).as("P(disagree) of RedundantMessengers(%d) at loss %.1f", r, p)
                        .isCloseTo(expected, within(1e-12));
            }
        }
    }

    @Test
    void shouldShrinkWithMoreRoundsButNeverReachZero() {
        double previous = 1;
        for (int k = 0; k <= 40; k++) {
            double odds = DisagreementOdds.ackRounds(k, 0.01);
            assertThat(odds).as("k = %d: disagreement stays possible", k).isPositive();
            assertThat(odds).as("k = %d: one more round never makes it likelier", k).isLessThanOrEqualTo(previous);
            previous = odds;
        }
    }
}
