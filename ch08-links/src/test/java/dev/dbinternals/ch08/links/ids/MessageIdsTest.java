package dev.dbinternals.ch08.links.ids;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.dbinternals.ch08.harness.sim.Seeds;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Message identifiers (메시지 확인 응답): Demo 11's claims, as counts over seeded runs. */
class MessageIdsTest {

    private static int[] trials(long base, int runs, int bits) {
        int[] counts = new int[runs];
        for (int t = 0; t < runs; t++) {
            counts[t] = MessageIds.idsUntilFirstRepeat(base * 1_000_003L + t, bits);
        }
        return counts;
    }

    @Test
    void shouldSeeTheFirstRepeatOfRandom32BitIdsNearTheBirthdayBound() {
        // one seed = one experiment of 1,000 runs; the standard deviation of one run is about
        // sqrt((2 - pi/2) N) = 42,900 ids, so the mean of 1,000 has a standard error of ~1,360:
        // a 6 % tolerance (4,900 ids) is 3.6 standard errors
        Seeds.check("birthday bound, 32-bit ids", 1, base -> {
            int[] counts = trials(base, 1_000, 32);
            double mean = Arrays.stream(counts).average().orElseThrow();
            double expected = MessageIds.meanUntilFirstRepeat(Math.pow(2, 32));
            assertThat(expected).isCloseTo(82_138, within(1.0));
            assertThat(mean).isCloseTo(expected, within(0.06 * expected));
            // and half of the runs saw a repeat before the closed-form median (77,163), within 5 points
            double median = MessageIds.medianUntilFirstRepeat(Math.pow(2, 32));
            assertThat(median).isCloseTo(77_163, within(1.0));
            long below = Arrays.stream(counts).filter(c -> c <= median).count();
            assertThat(below).isBetween(450L, 550L);
        });
    }

    @Test
    void shouldMatchTheClosedFormForSmallerIdsOverManyRuns() {
        // 16-bit ids: mean sqrt(pi 65536 / 2) + 2/3 = 321.5; 5,000 runs, standard error ~2.4
        Seeds.check("birthday bound, 16-bit ids", 1, base -> {
            double mean = Arrays.stream(trials(base, 5_000, 16)).average().orElseThrow();
            assertThat(mean).isCloseTo(MessageIds.meanUntilFirstRepeat(65_536), within(10.0));
        });
    }

    @Test
    void shouldGiveTheProbabilityOfARepeatAsTheBirthdayFormula() {
        // at the closed-form median, a repeat is as likely as not
        assertThat(MessageIds.repeatProbability(MessageIds.medianUntilFirstRepeat(Math.pow(2, 32)), 32)).isCloseTo(0.5, within(1e-9));
        // 64-bit ids: n^2 / 2^65 while small
        assertThat(MessageIds.repeatProbability(1e6, 64)).isCloseTo(1e12 / Math.pow(2, 65), within(1e-10));
    }

    @Test
    void shouldFindNoRepeatAmongTwoMillion64BitIds() {
        Seeds.check("no repeat among 2,000,000 random 64-bit ids", 3, seed ->
                assertThat(MessageIds.repeatsAmong64BitIds(seed, 2_000_000)).isZero());
    }

    @Test
    void shouldReuseIdsWhenASenderRestartsWithoutItsCounter() {
        MessageIds.Sender a = new MessageIds.Sender("A", 0);
        String first = a.next();
        a.next();
        assertThat(new MessageIds.Sender("A", 0).next()).as("forgetful restart").isEqualTo(first);
        assertThat(new MessageIds.Sender("A", a.last()).next()).as("restart from the persisted counter").isEqualTo("A#3");
    }

    @Test
    void shouldGiveEqualContentEqualIds() {
        byte[] p1 = "charge alice 100".getBytes(StandardCharsets.UTF_8);
        byte[] p2 = "charge alice 100".getBytes(StandardCharsets.UTF_8);
        assertThat(MessageIds.contentId(p1)).isEqualTo(MessageIds.contentId(p2));
        assertThat(MessageIds.contentId(p1)).isNotEqualTo(MessageIds.contentId("charge alice 101".getBytes(StandardCharsets.UTF_8)));
    }
}
