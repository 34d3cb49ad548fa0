package dev.dbinternals.ch08.twogenerals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.dbinternals.ch08.harness.sim.Seeds;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LossyValleyTest {

    @Test
    void shouldDisagreeAsOftenAsTheClosedFormPredicts() {
        // given AckRounds(1) on a link losing 30% of messengers, 2000 seeds
        double measured = LossyValley.disagreementRate(new AckRounds(1), 0.3, 2000, 0);

        // then the rate is (1-p)^k p = 0.21, within four standard errors (sqrt(0.21*0.79/2000) ≈ 0.0091)
        double expected = (1 - 0.3) * 0.3;
        assertThat(measured).as("measured P(disagree), seeds 1..2000").isCloseTo(expected, within(4 * 0.0091));
    }

    @Test
    void shouldNeverDisagreeOnALosslessLink() {
        assertThat(LossyValley.disagreementRate(new AckRounds(3), 0.0, 50, 0)).isZero();
    }

    @Test
    void shouldOnlyEndInOutcomesTheExhaustiveModelAllows() {
        // given every outcome the explorer found for three redundant messengers
        var protocol = new RedundantMessengers(3);
        Set<String> possible = TwoGeneralsChecker.exhaustive(protocol).outcomesUnderAttack().keySet();

        // then no simulated run ends anywhere else
        Seeds.check("redundant messengers end in a modelled outcome", 200, seed -> {
            var o = LossyValley.run(protocol, 0.5, seed);
            assertThat(possible).as("outcome of seed %d", seed).contains(o.outcome());
        });
    }

    @Test
    void shouldReplayTheSameRunFromTheSameSeed() {
        long first = LossyValley.run(new AckRounds(2), 0.3, 8).simulation().trace().hash();
        long again = LossyValley.run(new AckRounds(2), 0.3, 8).simulation().trace().hash();
        assertThat(again).isEqualTo(first);
    }
}
