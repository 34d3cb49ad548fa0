package dev.dbinternals.ch08.links.exactlyonce;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.sim.Delay;
import dev.dbinternals.ch08.harness.sim.LinkFaults;
import dev.dbinternals.ch08.harness.sim.Seeds;
import dev.dbinternals.ch08.harness.sim.Simulation;
import dev.dbinternals.ch08.links.Experiments;
import dev.dbinternals.ch08.links.check.LinkLog;
import dev.dbinternals.ch08.links.check.LinkNode;
import dev.dbinternals.ch08.links.ladder.WindowedPerfectLink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * At-most-once, at-least-once and exactly-once (정확히 한 번만 전달): the same workload under the
 * same faults, counting lost and duplicated effects; then the receiver crashed at every step
 * of its handler.
 */
class DeliverySemanticsTest {

    static final int OPS = 30;

    @Test
    void shouldLoseWithAtMostOnceDoubleWithAtLeastOnceAndDoNeitherWithExactlyOnce() {
        Map<DeliverySemantics, long[]> totals = new EnumMap<>(DeliverySemantics.class);
        int seeds = Seeds.check("delivery semantics", 50, seed -> {
            for (DeliverySemantics s : new DeliverySemantics[] {DeliverySemantics.AT_MOST_ONCE,
                    DeliverySemantics.AT_LEAST_ONCE, DeliverySemantics.EXACTLY_ONCE}) {
                EffectTally t = Experiments.semantics(seed, s, true, OPS);
                long[] sum = totals.computeIfAbsent(s, k -> new long[2]);
                sum[0] += t.lost();
                sum[1] += t.duplicated();
                if (s == DeliverySemantics.AT_LEAST_ONCE) {
                    assertThat(t.lost()).as("at-least-once loses nothing: %s", t).isZero();
                }
                if (s == DeliverySemantics.EXACTLY_ONCE) {
                    assertThat(t.isExactlyOnce()).as("exactly-once: %s", t).isTrue();
                }
            }
        });
        totals.forEach((s, v) -> System.out.printf("%-14s over %d seeds x %d ops: %d lost, %d duplicated%n", s, seeds, OPS, v[0], v[1]));
        if (seeds >= 10) { // a replay of one seed need not show them
            assertThat(totals.get(DeliverySemantics.AT_MOST_ONCE)[0]).as("at-most-once loses effects").isPositive();
            assertThat(totals.get(DeliverySemantics.AT_LEAST_ONCE)[1]).as("at-least-once duplicates effects").isPositive();
        }
    }

    @ParameterizedTest(name = "crash {0}")
    @EnumSource(EffectReceiver.Step.class)
    void shouldApplyEveryEffectExactlyOnceWhenTheReceiverCrashesAtThisStep(EffectReceiver.Step step) {
        for (long seq = 1; seq <= 6; seq++) {
            EffectTally t = Experiments.crashAt(DeliverySemantics.EXACTLY_ONCE, step, seq, 6);
            assertThat(t.isExactlyOnce()).as("crash %s of message #%d: %s", step, seq, t).isTrue();
        }
    }

    @Test
    void shouldApplyEveryEffectExactlyOnceThroughRepeatedCrashesAtAnyStepUnderFaultsAndSenderRestarts() {
        Seeds.check("exactly-once through crashes at any step", 200, seed -> {
            // given a faulty network, a receiver whose first 4 lives each die at a seed-chosen step of a
            // seed-chosen message, and (in half the seeds) a sender that crashes and starts over
            SplittableRandom r = new SplittableRandom(seed * 13 + 5);
            int ops = 10 + r.nextInt(30);
            Simulation sim = new Simulation(seed);
            sim.network().setDefaults(LinkFaults.none().withLoss(0.4 * r.nextDouble()).withDuplication(0.4 * r.nextDouble())
                    .withCorruption(0.2 * r.nextDouble()).withDelay(Delay.longTailed(Duration.ofMillis(2), Duration.ofMillis(30))));
            Address b = Address.of("B");
            WindowedPerfectLink.Config cfg = WindowedPerfectLink.Config.defaults().withWindow(1 + r.nextInt(8)).withRetransmitTimeout(Duration.ofMillis(15));
            Address a = sim.addNode("A", () -> new LinkNode(l -> new WindowedPerfectLink(cfg, l), LinkNode.Workload.burst(b, ops), new LinkLog(false)));
            List<EffectReceiver.CrashPoint> plans = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                plans.add(new EffectReceiver.CrashPoint(EffectReceiver.Step.values()[r.nextInt(3)], 1 + r.nextInt(ops)));
            }
            int[] life = {0};
            sim.addNode("B", () -> new EffectReceiver(DeliverySemantics.EXACTLY_ONCE, sim,
                    life[0] < plans.size() ? plans.get(life[0]++) : null));
            boolean senderCrashes = r.nextBoolean();
            if (senderCrashes) {
                long at = r.nextLong(1, 200);
                sim.at(Duration.ofMillis(at), () -> sim.crash(a));
                sim.at(Duration.ofMillis(at + r.nextLong(1, 50)), () -> sim.restart(a));
            }
            // when the run goes on, B dying at each planned step (crashAfterHandler) and restarting a little later
            java.util.function.BooleanSupplier finished = () -> sim.nowNanos() > 300_000_000L && !sim.isCrashed(a) && !sim.isCrashed(b)
                    && sim.node(a, LinkNode.class).doneSending() && sim.node(a, LinkNode.class).link(WindowedPerfectLink.class).allAcknowledged();
            while (!finished.getAsBoolean()) {
                boolean progressed = sim.runUntil(() -> finished.getAsBoolean() || sim.isCrashed(b), Duration.ofSeconds(100));
                assertThat(progressed).as("the sender finished within 100 s of the last crash").isTrue();
                if (sim.isCrashed(b)) {
                    sim.runFor(Duration.ofMillis(1 + r.nextInt(40)));
                    sim.restart(b);
                }
            }
            sim.runFor(Duration.ofMillis(300)); // stragglers arrive too
            // then every effect was applied exactly once
            EffectTally tally = EffectTally.of(sim.node(b, EffectReceiver.class).effects(), ops);
            assertThat(tally.isExactlyOnce()).as("%s (crash plans %s, sender crashed: %s)", tally, plans, senderCrashes).isTrue();
        });
    }

    @Test
    void shouldApplyAnEffectTwiceUnderAtLeastOnceWhenTheCrashComesAfterPersistingBeforeTheAck() {
        EffectTally t = Experiments.crashAt(DeliverySemantics.AT_LEAST_ONCE, EffectReceiver.Step.AFTER_PERSIST_BEFORE_ACK, 3, 6);
        assertThat(t.duplicated()).as("no dedup: the retransmission applies m3 again: %s", t).isEqualTo(1);
    }

    @Test
    void shouldApplyAnEffectTwiceWhenEffectAndDedupStateAreSyncedSeparately() {
        EffectTally t = Experiments.crashAt(DeliverySemantics.EXACTLY_ONCE_NON_ATOMIC, EffectReceiver.Step.AFTER_PROCESSING_BEFORE_PERSIST, 3, 6);
        assertThat(t.duplicated()).as("effect durable, n_processed not: m3 applied again: %s", t).isEqualTo(1);
    }
}
