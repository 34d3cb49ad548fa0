package dev.dbinternals.ch08.flp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbinternals.ch08.flp.BenOrWithoutCoin.Local;
import dev.dbinternals.ch08.flp.BenOrWithoutCoin.Msg;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlpAdversaryTest {

    private final FlpAdversary<Local, Msg> adversary = new FlpAdversary<>(new BenOrWithoutCoin(3), 3000);

    @Test
    void shouldBuildALassoFromABivalentInitialConfiguration() {
        // given Ben-Or without its coin; when FLP's construction runs
        var result = adversary.build(100);

        // then Lemma 2 found a bivalent initial configuration and the stages closed into a lasso
        assertThat(result.stop()).isEmpty();
        var lasso = result.lasso().orElseThrow();
        assertThat(adversary.valence(adversary.initial(lasso.inputs())).valence()).isEqualTo(Valence.BIVALENT);
        assertThat(lasso.cycleSteps()).isNotEmpty();
        assertThat(lasso.roundShift()).isPositive();
    }

    @Test
    void shouldKeepEveryConfigurationOfPrefixAndCycleBivalentAndUndecided() {
        var lasso = adversary.build(100).lasso().orElseThrow();
        // a fresh adversary: its certificates are found again, not read from the builder's cache
        var fresh = new FlpAdversary<>(new BenOrWithoutCoin(3), 3000);
        List<FlpAdversary.Config<Local, Msg>> prefix = fresh.replay(lasso.start(), lasso.prefixSteps());
        List<FlpAdversary.Config<Local, Msg>> cycle = fresh.replay(prefix.get(prefix.size() - 1), lasso.cycleSteps());
        for (var c : concat(prefix, cycle)) {
            assertThat(fresh.valence(c).valence()).as("valence of %s", c).isEqualTo(Valence.BIVALENT);
            assertThat(fresh.decisions(c)).as("decisions held in %s", c).isZero();
        }
        var checks = fresh.check(lasso);
        assertThat(checks.bivalent()).isEqualTo(checks.configurations());
        assertThat(checks.decided()).isZero();
    }

    @Test
    void shouldRepeatTheCycleForeverWithEveryProcessSteppingAndEveryPendingMessageDelivered() {
        var lasso = adversary.build(100).lasso().orElseThrow();
        var checks = adversary.check(lasso);

        assertThat(checks.closes()).as("the cycle ends in its start configuration, rounds shifted").isTrue();
        assertThat(checks.stepsPerProcess()).hasSize(3).allSatisfy(k -> assertThat(k).isPositive());
        assertThat(checks.pendingAtCycleStart()).isNotEmpty();
        assertThat(checks.undeliveredInCycle()).isEmpty();
        assertThat(checks.fair()).isTrue();
        // a message is delivered at most once in the cycle: each step removes one message from the buffer
        assertThat(lasso.cycleSteps()).doesNotHaveDuplicates();
    }

    @Test
    void shouldTakeTheOldestMessageAsEachStagesLastStep() {
        var lasso = adversary.build(100).lasso().orElseThrow();
        for (var stage : concat(lasso.prefix(), lasso.cycle())) {
            List<Msg> s = stage.schedule();
            assertThat(s.get(s.size() - 1)).isEqualTo(stage.due());
            assertThat(s.subList(0, s.size() - 1)).doesNotContain(stage.due());
        }
    }

    @Test
    void shouldNotTheCheckOfABrokenLassoPass() {
        // given the lasso with its cycle's last step removed; then the cycle no longer closes or is not fair
        var lasso = adversary.build(100).lasso().orElseThrow();
        var stages = new java.util.ArrayList<>(lasso.cycle());
        var last = stages.remove(stages.size() - 1);
        var shortened = new FlpAdversary.Stage<>(last.due(), last.schedule().subList(0, last.schedule().size() - 1));
        stages.add(shortened);
        var broken = new FlpAdversary.Lasso<Local, Msg>(lasso.inputs(), lasso.start(), lasso.prefix(), stages, lasso.roundShift());
        var checks = adversary.check(broken);
        assertThat(checks.closes() && checks.fair()).isFalse();
    }

    @Test
    void shouldReplayTheLassoOnTheSimulationWithNoDecision() {
        // given the lasso; when the harness replays the prefix and two turns of the cycle
        var lasso = adversary.build(100).lasso().orElseThrow();
        var trace = LassoTrace.of(adversary, lasso, 2);

        // then it delivered every step (LassoTrace checks the order) and nobody decided
        var kinds = dev.dbinternals.ch08.harness.sim.TraceEvent.Kind.DELIVER;
        assertThat(trace.ofKind(kinds)).hasSize(lasso.prefixSteps().size() + 2 * lasso.cycleSteps().size());
        assertThat(trace.ofKind(dev.dbinternals.ch08.harness.sim.TraceEvent.Kind.NOTE))
                .noneMatch(e -> e.detail().startsWith("decides"));
    }

    @Test
    void shouldSayThatTheVariantWaitingForAllDoesNotTolerateACrash() {
        var result = new FlpAdversary<>(BenOrWithoutCoin.waitingForAll(3), 3000).build(100);

        assertThat(result.lasso()).isEmpty();
        assertThat(result.lemma2().orElseThrow().bivalent()).isEmpty();
        assertThat(result.stop().orElseThrow().reason()).contains("no decision is reachable at all").contains("does not tolerate one crash");
    }

    @Test
    void shouldStopAtLemma3ForFirstProposalWinsBecauseNobodyDecidesWithoutTheCoordinator() {
        // given FirstProposalWins in FLP's model: Lemma 2 finds 110 bivalent
        var result = new FlpAdversary<>(new AtomicSteps(new FirstProposalWins(), 3), 3000).build(100);

        // then Lemma 3 fails for the first proposal to p0, and the reason is p0's crash
        assertThat(result.lemma2().orElseThrow().bivalent()).contains("110");
        var stop = result.stop().orElseThrow();
        assertThat(stop.due().orElseThrow().to()).isZero();
        assertThat(stop.reason()).contains("Lemma 3 failed").contains("does not tolerate p0's crash");
    }

    @Test
    void shouldSayWhetherLemma3sSearchTriedEverythingOrStoppedAtItsBudget() {
        // FirstProposalWins: the few configurations reachable without e were all tried
        var stop = new FlpAdversary<>(new AtomicSteps(new FirstProposalWins(), 3), 3000).build(100).stop().orElseThrow();
        assertThat(stop.reason()).contains("none found: all ").contains("configurations reachable without e were tried");

        // Ben-Or: a stage whose e had to wait behind another message
        var lasso = adversary.build(100).lasso().orElseThrow();
        var stages = new java.util.ArrayList<>(lasso.prefix());
        stages.addAll(lasso.cycle());
        int k = java.util.stream.IntStream.range(0, stages.size()).filter(i -> stages.get(i).schedule().size() > 1).findFirst().orElseThrow();
        List<Msg> before = stages.subList(0, k).stream().flatMap(s -> s.schedule().stream()).toList();
        var c = adversary.replay(lasso.start(), before).get(before.size());
        Msg e = stages.get(k).due();

        // with room for one configuration the search stops at its budget and says so; with the usual budget it finds the schedule
        var cut = new FlpAdversary<>(new BenOrWithoutCoin(3), 1).lemma3Search(c, e);
        assertThat(cut.schedule()).isEmpty();
        assertThat(cut.exhaustive()).isFalse();
        assertThat(adversary.lemma3Search(c, e).schedule()).contains(stages.get(k).schedule());
    }

    @Test
    void shouldFindLemma2FailingForWaitForAllWithTheFlippedProcessCrashedAtTheStart() {
        var result = new FlpAdversary<>(new AtomicSteps(new WaitForAll(), 3), 3000).build(100);

        assertThat(result.lemma2().orElseThrow().bivalent()).isEmpty();
        assertThat(result.stop().orElseThrow().reason()).contains("crashes before its first step, no decision is reachable at all");
    }

    @Test
    void shouldLetTheOthersDecideWithoutAProcessCrashedAtTheStartOnlyIfTheProtocolAllowsIt() {
        var fpw = new FlpAdversary<>(new AtomicSteps(new FirstProposalWins(), 3), 3000);
        // p1 never proposes: p2's 0 is the only proposal left
        assertThat(fpw.valenceCrashedAtStart("110", 1).valence()).isEqualTo(Valence.ZERO);
        // the coordinator never starts: nobody decides, and the search says it looked everywhere
        var noCoordinator = fpw.valenceCrashedAtStart("110", 0);
        assertThat(noCoordinator.valence()).isEqualTo(Valence.NONE);
        assertThat(noCoordinator.complete()).isTrue();
    }

    @Test
    void shouldShowARunBreakingAgreementForTheVariantDecidingOnOneProposal() {
        var variant = new FlpAdversary<>(BenOrWithoutCoin.decidingOnOneProposal(3), 3000);
        var result = variant.build(100);

        var stop = result.stop().orElseThrow();
        assertThat(stop.reason()).contains("breaks agreement");
        var start = variant.initial(result.lemma2().orElseThrow().bivalent().orElseThrow());
        var configs = variant.replay(start, stop.run());
        assertThat(variant.decisions(configs.get(configs.size() - 1))).as("both values decided at the end of the run").isEqualTo(3);
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        var out = new java.util.ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
