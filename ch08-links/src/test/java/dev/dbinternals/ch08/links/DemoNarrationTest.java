package dev.dbinternals.ch08.links;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbinternals.ch08.links.exactlyonce.DeliverySemantics;
import dev.dbinternals.ch08.links.exactlyonce.EffectReceiver;
import dev.dbinternals.ch08.links.exactlyonce.EffectTally;
import dev.dbinternals.ch08.links.remote.PagingIterator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The demos' verdict sentences come from the numbers they are given: fed numbers that tell the
 * opposite story, they must say the opposite, not the usual result.
 */
class DemoNarrationTest {

    @Test
    void shouldSayHowManyFramesAreInFlightInsteadOfAssumingIt() {
        assertThat(Demo02Acknowledgements.inFlightNote(11)).isEqualTo("11 frame(s) still in flight");
        assertThat(Demo02Acknowledgements.inFlightNote(0)).startsWith("no frame in flight");
    }

    private static Demo03StubbornLink.Row row(double loss, long ms, double tx, double del, double allAtMs) {
        return new Demo03StubbornLink.Row(loss, ms, tx, del, (long) (allAtMs * 1e6));
    }

    @Test
    void shouldNarrateTheStubbornLinkFromItsTable() {
        // the usual shape: cost elapsed / T + 1 at every loss, deliveries about (1 - p) of it, loss 50 % delays, 20 % does not
        String usual = Demo03StubbornLink.verdict(List.of(row(0, 100, 11, 10, 1.1), row(0, 2000, 201, 200, 1.1),
                row(0.2, 100, 11, 7.9, 1.1), row(0.2, 2000, 201, 161.9, 1.1),
                row(0.5, 100, 11, 5.3, 11.1), row(0.5, 2000, 201, 99.6, 11.1)), 10);
        assertThat(usual).contains("grew with elapsed time at every loss rate").contains("6 of 6 rows are within 1")
                .contains("Deliveries per message grew too").contains("100 %, 81 %, 50 %").contains("(about 1 - p each)")
                .contains("loss delayed it at 50 %").contains("not at 20 %");
        // numbers telling the opposite: flat transmissions, fewer deliveries than 1 - p, no delay anywhere
        String opposite = Demo03StubbornLink.verdict(List.of(row(0, 100, 11, 10, 1.1), row(0, 2000, 11, 10, 1.1),
                row(0.5, 100, 11, 1, 1.1), row(0.5, 2000, 11, 1, 1.1)), 10);
        assertThat(opposite).contains("did NOT grow with elapsed time at loss 0 %, 50 %").contains("2 of 4 rows")
                .contains("did NOT grow with time").contains("(not all near 1 - p)").contains("loss did not delay that")
                .doesNotContain("grew too").doesNotContain("every loss rate");
        String allDelayed = Demo03StubbornLink.verdict(List.of(row(0, 100, 11, 10, 1.1), row(0.2, 100, 11, 8, 11.1),
                row(0.5, 100, 11, 5.5, 21.1)), 10);
        assertThat(allDelayed).contains("loss delayed it at every rate above 0 %");
    }

    private static EffectTally once() {
        return new EffectTally(6, 6, 0, 0, 0);
    }

    private static EffectTally doubled() {
        return new EffectTally(6, 5, 0, 1, 1);
    }

    private static Map<EffectReceiver.Step, Map<DeliverySemantics, EffectTally>> crashes(EffectTally exactly, EffectTally atLeast, EffectTally nonAtomic) {
        Map<EffectReceiver.Step, Map<DeliverySemantics, EffectTally>> m = new EnumMap<>(EffectReceiver.Step.class);
        for (EffectReceiver.Step step : EffectReceiver.Step.values()) {
            Map<DeliverySemantics, EffectTally> row = new EnumMap<>(DeliverySemantics.class);
            boolean middle = step == EffectReceiver.Step.AFTER_PROCESSING_BEFORE_PERSIST;
            row.put(DeliverySemantics.EXACTLY_ONCE, middle ? exactly : once());
            row.put(DeliverySemantics.AT_LEAST_ONCE, middle ? atLeast : once());
            row.put(DeliverySemantics.EXACTLY_ONCE_NON_ATOMIC, middle ? nonAtomic : once());
            m.put(step, row);
        }
        return m;
    }

    @Test
    void shouldNarrateTheCrashTableFromItsCells() {
        String usual = Demo06DeliverySemantics.verdict(crashes(once(), doubled(), doubled()));
        assertThat(usual).contains("Exactly-once applied every effect once at all 3 crash points")
                .contains("At-least-once, which keeps no dedup state, applied an effect twice or lost one at\nAFTER_PROCESSING_BEFORE_PERSIST")
                .contains("they went wrong at AFTER_PROCESSING_BEFORE_PERSIST");
        String opposite = Demo06DeliverySemantics.verdict(crashes(doubled(), once(), once()));
        assertThat(opposite).contains("Exactly-once went WRONG at AFTER_PROCESSING_BEFORE_PERSIST")
                .doesNotContain("applied every effect once at all")
                .contains("At-least-once applied every effect once at every crash point")
                .contains("still came out once at every crash point");
    }

    @Test
    void shouldNarrateEachTcpRunFromTheServersCounts() {
        assertThat(Demo07TcpAcrossSessions.verdict(false, 2, 2)).startsWith("DOUBLE CHARGE over 2 TCP sessions");
        assertThat(Demo07TcpAcrossSessions.verdict(true, 2, 1)).contains("charged once over 2 sessions: the key made the retry recognisable");
        assertThat(Demo07TcpAcrossSessions.verdict(false, 1, 1)).contains("single session").doesNotContain("key made");
        assertThat(Demo07TcpAcrossSessions.verdict(true, 3, 0)).isEqualTo("not charged at all");
    }

    @Test
    void shouldNarrateTheCursorsFromTheKeysTheyReturned() {
        Map<PagingIterator.Cursor, List<String>> usual = new LinkedHashMap<>();
        usual.put(PagingIterator.Cursor.KEY, List.of("k00", "k09", "k10", "k11"));
        usual.put(PagingIterator.Cursor.OFFSET, List.of("k00", "k09", "k09", "k10"));
        assertThat(Demo08LocalVsRemote.cursorVerdict(usual, "k00a"))
                .contains("the key cursor repeated nothing and missed k00a").contains("the offset cursor repeated k09 and missed k00a")
                .contains("shifted");
        Map<PagingIterator.Cursor, List<String>> opposite = new LinkedHashMap<>();
        opposite.put(PagingIterator.Cursor.KEY, List.of("k00", "k00a", "k01", "k01"));
        opposite.put(PagingIterator.Cursor.OFFSET, List.of("k00", "k00a", "k01"));
        assertThat(Demo08LocalVsRemote.cursorVerdict(opposite, "k00a"))
                .contains("the key cursor repeated k01 and saw k00a").contains("the offset cursor repeated nothing and saw k00a")
                .doesNotContain("shifted");
    }

    @Test
    void shouldNarrateTheForgedAckFromItsOutcome() {
        assertThat(Demo12ForgedFrame.forgedAckVerdict(true, 3)).contains("while 3 of them never arrived").contains("stopped retransmitting");
        assertThat(Demo12ForgedFrame.forgedAckVerdict(false, 2)).contains("2 message(s) never arrived, and A knows it")
                .doesNotContain("stopped retransmitting");
        assertThat(Demo12ForgedFrame.forgedAckVerdict(true, 0)).contains("Every message arrived").doesNotContain("stopped retransmitting");
    }
}
