package dev.dbinternals.ch08.concurrency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbinternals.ch08.concurrency.coffee.CoffeeShop;
import dev.dbinternals.ch08.harness.history.HistoryEvent;
import dev.dbinternals.ch08.concurrency.replication.Quorums;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The verdict sentences of demos coffee, remote-counter, quorums, ring-view and schema-version come
 * from the numbers they are given: fed numbers that tell the opposite story, they must say the
 * opposite, not the usual result.
 */
class DemoVerdictNarrationTest {

    private static CoffeeShop.Result shop(int machines, int arrived, int served, double perMinute, double meanWait) {
        return new CoffeeShop.Result(machines, arrived, served, perMinute, meanWait, meanWait * 3, 0.5, 3);
    }

    @Test
    void shouldSayWhatTheCoffeeTableShowed() {
        double[] loads = {0.5, 1.2};
        // given the usual story: one machine saturates, two wait less
        String usual = Demo03CoffeeMachines.verdict(2.0, 100, loads, new CoffeeShop.Result[][] {
            {shop(1, 100, 100, 1.0, 16), shop(2, 100, 100, 1.0, 4)},
            {shop(1, 230, 200, 2.0, 900), shop(2, 230, 228, 2.28, 20)}});
        assertThat(usual).contains("one machine served 2.00/min (its capacity is about 2.0/min)")
                .contains("30 customers were not served by closing").contains("growing at every step of load")
                .contains("two machines waited less at 2 of 2 loads").contains("served more customers at 1 of 2");
        // and the opposite numbers: waiting fell with load, two machines waited longer, one machine far below capacity
        String opposite = Demo03CoffeeMachines.verdict(2.0, 100, loads, new CoffeeShop.Result[][] {
            {shop(1, 100, 100, 1.0, 50), shop(2, 100, 100, 1.0, 60)},
            {shop(1, 230, 120, 1.2, 40), shop(2, 230, 100, 1.0, 70)}});
        assertThat(opposite).contains("(not its capacity of about 2.0/min)").contains("did not grow at every step of load")
                .contains("two machines waited less at 0 of 2 loads").contains("served more customers at 0 of 2")
                .doesNotContain("growing at every step");
    }

    @Test
    void shouldNameTheRemoteCounterVariantsByWhatTheirSeedsDid() {
        String usual = Demo06RemoteCounter.verdict(List.of(new Demo06RemoteCounter.Tally("read-then-write", 10, 0, 10, 0, 10),
                new Demo06RemoteCounter.Tally("conditional write + request ids", 10, 10, 0, 0, 0)));
        assertThat(usual).contains("in every seed run: conditional write + request ids.")
                .contains("Lost acknowledged increments: read-then-write in 10 of 10 seeds.")
                .contains("applied twice): no variant.");
        // the opposite: the 'fix' double counted once and the racy variant happened to be exact
        String opposite = Demo06RemoteCounter.verdict(List.of(new Demo06RemoteCounter.Tally("read-then-write", 10, 10, 0, 0, 0),
                new Demo06RemoteCounter.Tally("conditional write + request ids", 10, 9, 0, 1, 1)));
        assertThat(opposite).contains("in every seed run: read-then-write.")
                .contains("Lost acknowledged increments: no variant.")
                .contains("applied twice): conditional write + request ids in 1 of 10 seeds.");
    }

    @Test
    void shouldExplainEachQuorumFromHowItsOperationsEnded() {
        String usual = Demo07Quorums.verdict(List.of(
                new Demo07Quorums.Row(new Quorums(3, 1, 1), false, HistoryEvent.Type.OK, false, null, false, false),
                new Demo07Quorums.Row(new Quorums(3, 1, 1), true, HistoryEvent.Type.OK, false, null, false, true),
                new Demo07Quorums.Row(new Quorums(3, 3, 1), false, HistoryEvent.Type.OK, true, 1L, true, false)));
        assertThat(usual).contains("a stale read after a completed write, not linearizable")
                .contains("B's first read could not get 3 replies in time and failed")
                .contains("here 1 of the 2 quorum choices left an operation unfinished")
                .contains("converged by the end in 1 of 1 runs with read repair, 0 of 2 without");
        // the opposite: the small quorums read the value, the big read succeeded, repair did not converge
        String opposite = Demo07Quorums.verdict(List.of(
                new Demo07Quorums.Row(new Quorums(3, 1, 1), false, HistoryEvent.Type.OK, false, 1L, true, true),
                new Demo07Quorums.Row(new Quorums(3, 1, 1), true, HistoryEvent.Type.OK, false, 1L, true, false),
                new Demo07Quorums.Row(new Quorums(3, 3, 1), false, HistoryEvent.Type.OK, false, 1L, true, true)));
        assertThat(opposite).doesNotContain("stale read").doesNotContain("failed").doesNotContain("availability")
                .contains("B's first read returned 1").contains("0 of 1 runs with read repair, 2 of 2 without");
    }

    @Test
    void shouldSayWhetherTheRingReadFoundTheValue() {
        String usual = Demo08RingView.verdict(List.of(new Demo08RingView.Case(false, null, List.of("s2"), 0),
                new Demo08RingView.Case(true, 42L, List.of("s4"), 1)), 42, "s4");
        assertThat(usual).contains("Epoch check off: B's read returned the written 42 in 0 of 1 runs, nothing in 1")
                .contains("in 1 run(s) the value ended elsewhere").contains("Epoch check ON: B's read returned the written 42 in 1 of 1 runs")
                .contains("s4 only; 1 request(s) rejected");
        String opposite = Demo08RingView.verdict(List.of(new Demo08RingView.Case(false, 42L, List.of("s4"), 0),
                new Demo08RingView.Case(true, null, List.of("s2", "s4"), 0)), 42, "s4");
        assertThat(opposite).contains("Epoch check off: B's read returned the written 42 in 1 of 1 runs, nothing in 0")
                .contains("Epoch check ON: B's read returned the written 42 in 0 of 1 runs, nothing in 1")
                .contains("s4 only; 0 request(s) rejected");
    }

    @Test
    void shouldSayWhetherTheStoredRowMatchesTheWrittenOne() {
        Map<String, Object> written = new LinkedHashMap<>();
        written.put("id", 7L);
        written.put("owner", "kim");
        String corrupt = Demo09SchemaVersion.verdict(false, true, 0, List.of(Map.of("id", 7L, "owner", "")), written);
        assertThat(corrupt).contains("no rejection").contains("stored row is corrupted: owner ('' instead of 'kim')")
                .contains("Nothing failed");
        String intact = Demo09SchemaVersion.verdict(false, true, 0, List.of(Map.of("id", 7L, "owner", "kim")), written);
        assertThat(intact).contains("stored intact").doesNotContain("corrupted");
        String rejected = Demo09SchemaVersion.verdict(true, false, 3, List.of(), written);
        assertThat(rejected).contains("3 rejection(s)").contains("never acknowledged").contains("nothing was stored");
    }

    @Test
    void shouldNoteWhatTheCasLoopTablesShowed() {
        assertThat(Demo01LostUpdate.casFixNote(true, true)).contains("has more interleavings than the lock in every shape")
                .contains("every one of them ends at the exact count");
        assertThat(Demo01LostUpdate.casFixNote(false, false)).contains("does not have more interleavings")
                .contains("NOT every one of them ends at the exact count");
    }
}
