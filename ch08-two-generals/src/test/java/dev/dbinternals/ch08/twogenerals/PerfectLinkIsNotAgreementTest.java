package dev.dbinternals.ch08.twogenerals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PerfectLinkIsNotAgreementTest {

    @Test
    void shouldDisagreeAtDawnAlthoughTheAcknowledgementIsDeliveredLater() {
        // given a link that loses nothing, but holds B's acknowledgements until 2 s (dawn is at 1 s)
        var o = PerfectLinkIsNotAgreement.acknowledgementsHeldUntil(Duration.ofSeconds(2), 1);

        // then B attacks alone, although the link delivered the acknowledgement in the end
        assertThat(o.outcome()).isEqualTo("B attacks alone");
        assertThat(o.a().acknowledged()).as("eventual delivery kept its promise").isTrue();
    }

    @Test
    void shouldAgreeWhenNothingIsLost() {
        var o = PerfectLinkIsNotAgreement.lossy(0.0, 1, true);
        assertThat(o.outcome()).isEqualTo("both attack");
        assertThat(o.a().sent()).as("one copy of the order is enough").isEqualTo(1);
    }

    @Test
    void shouldDisagreeAsOftenAsEveryRoundTripBeforeDawnFails() {
        // given 30% loss each way and 2000 seeds
        int disagree = 0;
        for (long seed = 1; seed <= 2000; seed++) {
            if (!PerfectLinkIsNotAgreement.lossy(0.3, seed, false).agreement()) {
                disagree++;
            }
        }

        // then the rate is (0.3 + 0.7 * 0.3)^5 - 0.3^5 ≈ 0.0321, within four standard errors (≈ 0.0039 each)
        double expected = PerfectLinkIsNotAgreement.disagreementOdds(0.3);
        assertThat(expected).isCloseTo(0.03207, within(1e-4));
        assertThat(disagree / 2000.0).isCloseTo(expected, within(4 * Math.sqrt(expected * (1 - expected) / 2000)));
    }
}
