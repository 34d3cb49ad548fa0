package dev.dbinternals.ch08.failuremodels.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbinternals.ch08.failuremodels.arbitrary.ByzantineRun;
import dev.dbinternals.ch08.failuremodels.arbitrary.ReadClient;
import dev.dbinternals.ch08.failuremodels.clocks.TimeSource;
import dev.dbinternals.ch08.failuremodels.crash.Durability;
import dev.dbinternals.ch08.failuremodels.crash.FixedMembership;
import dev.dbinternals.ch08.failuremodels.crash.QuorumClient;
import dev.dbinternals.ch08.failuremodels.detectors.ClockStepScenario;
import dev.dbinternals.ch08.failuremodels.detectors.TimeoutDetector;
import dev.dbinternals.ch08.failuremodels.masking.MaskingRun;
import dev.dbinternals.ch08.failuremodels.detectors.ClockStepScenario.Change;
import dev.dbinternals.ch08.failuremodels.detectors.DetectorExperiment.Result;
import dev.dbinternals.ch08.failuremodels.crash.FixedMembership.Case;
import dev.dbinternals.ch08.failuremodels.masking.MaskingClient.Strategy;
import dev.dbinternals.ch08.failuremodels.crash.QuorumClient.Op;
import dev.dbinternals.ch08.failuremodels.arbitrary.Replica.Behavior;
import dev.dbinternals.ch08.harness.Address;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Demo narration follows the numbers of the run, not a fixed script")
class NarrationTest {

    private static String text(List<String> lines) {
        return String.join("\n", lines);
    }

    @Test
    void shouldNarrateDemo1FromItsTable() {
        long[] offsets = {0, 20};
        String fine = text(Demo01SkewedTimestamps.narration(offsets, new double[] {0, 30}, new double[] {36, 36},
                new double[] {0, 0}));
        assertThat(fine).contains("put no pair the wrong way round").contains("up to 30.0% of pairs")
                .contains("wrong for 36.0% of pairs").contains("no effect before its cause");
        String broken = text(Demo01SkewedTimestamps.narration(offsets, new double[] {2.5, 30}, new double[] {10, 40},
                new double[] {0, 1}));
        assertThat(broken).contains("inverted 2.5% of pairs").contains("10.0% to 40.0%").contains("a bug")
                .doesNotContain("put no pair").doesNotContain("no effect before its cause");
    }

    @Test
    void shouldNarrateDemo3FromBothRuns() {
        Address s1 = Address.of("S1");
        Address s2 = Address.of("S2");
        // given a wall-clock run in which only two senders were suspected at the step and S1's crash was never seen
        ClockStepScenario.Outcome wall = new ClockStepScenario.Outcome(List.of(new Change(3000, s1, true),
                new Change(3000, s2, true)), null);
        ClockStepScenario.Outcome mono = new ClockStepScenario.Outcome(List.of(new Change(5210, s1, true)), null);
        String t = text(Demo03WallClockDetector.narration(wall, mono));
        assertThat(t).contains("2 of the 3 senders looked silent").contains("(2 false suspicions)")
                .contains("not noticed before the run ended").doesNotContain("every sender");
        // and the real runs say what they measured
        ClockStepScenario.Outcome realWall = ClockStepScenario.run(
                () -> new TimeoutDetector(Duration.ofMillis(500), TimeSource.WALL), 1);
        ClockStepScenario.Outcome realMono = ClockStepScenario.run(
                () -> new TimeoutDetector(Duration.ofMillis(500), TimeSource.MONOTONIC), 1);
        String real = text(Demo03WallClockDetector.narration(realWall, realMono));
        assertThat(real).contains("every sender looked silent")
                .contains((realWall.detectionMillis() - realMono.detectionMillis()) + " ms later")
                .contains("(" + realMono.falseSuspicions() + " false suspicions)");
    }

    private static Result detector(String name, long falseSuspicions, double meanDetection) {
        return new Result(name, 1, falseSuspicions, 60, 0, List.of(meanDetection), 0, List.of());
    }

    @Test
    void shouldNarrateDemo4TradeFromTheTimeoutRows() {
        long[] ms = {150, 300, 600};
        String trade = text(Demo04DetectorTradeoff.tradeLines(ms, List.of(detector("a", 9, 100), detector("b", 3, 250),
                detector("c", 0, 560))));
        assertThat(trade).contains("Read it as a trade").contains("Without a false suspicion here: 600 ms only (mean detection 560 ms)");
        String odd = text(Demo04DetectorTradeoff.tradeLines(ms, List.of(detector("a", 2, 100), detector("b", 3, 250),
                detector("c", 1, 200))));
        assertThat(odd).contains("exceptions").contains("300 ms had more false suspicions than 150 ms")
                .contains("600 ms detected faster than 300 ms").contains("Every timeout in the table wrongly suspected")
                .doesNotContain("Read it as a trade");
    }

    @Test
    void shouldNarrateDemo5FromItsCells() {
        Map<Durability, Map<String, Integer>> lost = new EnumMap<>(Durability.class);
        lost.put(Durability.ACK_THEN_SYNC, new LinkedHashMap<>(Map.of("acked", 0)));
        lost.put(Durability.SYNC_THEN_ACK, new LinkedHashMap<>(Map.of("synced", 2)));
        String t = text(Demo05CrashLosesAckedWrites.narration(lost));
        assertThat(t).contains("ACK_THEN_SYNC lost nothing at any crash point.")
                .contains("SYNC_THEN_ACK lost acknowledged writes after a crash at: synced.")
                .doesNotContain("nobody was promised").doesNotContain("had not been synced");
    }

    @Test
    void shouldNarrateDemo6FromEachCasesVerdict() {
        Map<Case, FixedMembership.Outcome> outcomes = new EnumMap<>(Case.class);
        for (Case c : Case.values()) {
            outcomes.put(c, FixedMembership.run(c, 1));
        }
        assertThat(text(Demo06CrashStopIsNotCrashRecovery.closing(outcomes))).doesNotContain("did not go as")
                .contains("the read waited").contains("an acknowledged write disappeared");
        // a crash-stop run whose read (somehow) completed gets no "waited" sentence
        QuorumClient.Result write = new QuorumClient.Result(Op.write(Duration.ZERO, "x", 42), true, true, 42, List.of());
        QuorumClient.Result read = new QuorumClient.Result(Op.read(Duration.ZERO, "x"), true, true, 42, List.of());
        outcomes.put(Case.CRASH_STOP, new FixedMembership.Outcome(Case.CRASH_STOP, write, read, Set.of(), null));
        String t = text(Demo06CrashStopIsNotCrashRecovery.closing(outcomes));
        assertThat(t).contains("CRASH_STOP did not go as the script intends in this run: safe and available")
                .doesNotContain("waited");
    }

    private static ByzantineRun.Outcome byz(List<Behavior> replicas, ReadClient.Strategy s, int f, int ok, int wrong,
                                            double latency) {
        return new ByzantineRun.Outcome(replicas, s, f, ok, wrong, 0, latency, null);
    }

    @Test
    void shouldNarrateDemo9FromTheOutcomes() {
        List<Behavior> one = List.of(Behavior.MALICIOUS, Behavior.CORRECT, Behavior.CORRECT);
        List<Behavior> two = List.of(Behavior.MALICIOUS, Behavior.MALICIOUS, Behavior.CORRECT);
        String t = text(Demo09ArbitraryFaults.narration(List.of(
                byz(one, ReadClient.Strategy.TRUST_FIRST, 1, 0, 10, 2.0),
                byz(one, ReadClient.Strategy.VOTE, 1, 9, 1, 11.0),
                byz(two, ReadClient.Strategy.VOTE, 1, 10, 0, 11.0))));
        assertThat(t).contains("wrong on up to 10").contains("was wrong 1 times").contains("11.0 to 11.0 ms")
                .contains("though it was not in this run").doesNotContain("right on every query");
    }

    @Test
    void shouldNarrateDemo11FromTheTable() {
        Map<Strategy, MaskingRun.Result> r = new EnumMap<>(Strategy.class);
        r.put(Strategy.PRIMARY_ONLY, new MaskingRun.Result(Strategy.PRIMARY_ONLY, 30, 20, 4, 30, 60, 1, null));
        r.put(Strategy.FAILOVER, new MaskingRun.Result(Strategy.FAILOVER, 30, 3, 4, 30, 90, 1, null));
        r.put(Strategy.FAN_OUT, new MaskingRun.Result(Strategy.FAN_OUT, 30, 0, 3, 12, 20, 3, null));
        r.put(Strategy.HEDGED, new MaskingRun.Result(Strategy.HEDGED, 30, 1, 4, 22, 30, 1.2, null));
        String t = text(Demo11MaskingWithRedundancy.narration(r));
        assertThat(t).contains("20 of 30 requests").contains("FAILOVER had 3 errors").contains("slowest request took 90.0 ms")
                .contains("FAN_OUT hid the crash completely").contains("HEDGED: 1 errors").doesNotContain("its max");
    }
}
