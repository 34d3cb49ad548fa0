package dev.dbinternals.ch08.links.ladder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.harness.sim.Delay;
import dev.dbinternals.ch08.harness.sim.LinkFaults;
import dev.dbinternals.ch08.harness.sim.Seeds;
import dev.dbinternals.ch08.harness.sim.Simulation;
import dev.dbinternals.ch08.links.check.LinkChecks;
import dev.dbinternals.ch08.links.check.LinkEvent;
import dev.dbinternals.ch08.links.check.LinkLog;
import dev.dbinternals.ch08.links.check.LinkNode;
import dev.dbinternals.ch08.links.check.LinkPair;
import dev.dbinternals.ch08.links.exactlyonce.EffectReceiver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * What a perfect link keeps across crashes (crash-recovery). The book's {@link PerfectLink}
 * keeps nothing: its numbers and {@code n_processed} live in memory, so a restart breaks it
 * ({@link PerfectLinkUnitTest#shouldTakeARestartedSendersNewMessagesForDuplicates},
 * {@link PerfectLinkUnitTest#shouldLeaveARestartedReceiverWaitingForNumbersTheSenderWillNeverResend}).
 * The tests here run the {@link WindowedPerfectLink}, whose incarnations let processes restart.
 *
 * <p>When the receiver crashes and recovers: nothing is lost,
 * nothing is created, first deliveries stay in order, and each life of the receiver delivers an
 * increasing run of messages; but a new life may deliver again what an earlier life delivered
 * (a message whose acknowledgement was lost, or even one already acknowledged whose delayed
 * copy was still in the network), and it skips what an earlier life delivered. Exactly-once
 * processing needs durable dedup state ({@link EffectReceiver}).
 */
class PerfectLinkCrashRecoveryTest {

    private static final int MESSAGES = 40;

    @Test
    void shouldLoseNothingWhenTheReceiverCrashesAndRestartsTwice() {
        long[] redelivered = new long[1];
        int seeds = Seeds.check("perfect-link receiver crash-recovery", 500, seed -> {
            // given a lossy, reordering network and a receiver that crashes twice at seed-chosen times
            LinkPair p = LinkPair.windowed(seed, WindowedPerfectLink.Config.defaults().withWindow(8)
                    .withRetransmitTimeout(Duration.ofMillis(20)), MESSAGES);
            p.sim().setHandlerTime(Duration.ZERO);
            p.sim().network().setDefaults(LinkFaults.none().withLoss(0.2).withDuplication(0.1)
                    .withDelay(Delay.uniform(Duration.ofMillis(1), Duration.ofMillis(10))));
            SplittableRandom r = new SplittableRandom(seed);
            long t = 0;
            for (int i = 0; i < 2; i++) {
                long crashAt = t + r.nextLong(5, 60);
                long restartAt = crashAt + r.nextLong(1, 40);
                p.sim().at(Duration.ofMillis(crashAt), () -> p.sim().crash(p.b()));
                p.sim().at(Duration.ofMillis(restartAt), () -> p.sim().restart(p.b()));
                t = restartAt;
            }
            // when the run goes on until every message is acknowledged
            boolean done = p.sim().runUntil(() -> p.sim().nowNanos() > 200_000_000L && p.sender().doneSending()
                    && p.sender().link(WindowedPerfectLink.class).allAcknowledged(), Duration.ofSeconds(60));
            // then every message was delivered, none created, first deliveries in order
            assertThat(done).as("everything acknowledged").isTrue();
            List<LinkEvent> h = p.history();
            LinkChecks.reliableDelivery(h).orThrow();
            LinkChecks.noCreation(h).orThrow();
            LinkChecks.fifo(h).orThrow();
            redelivered[0] += h.stream().filter(e -> e.kind() == LinkEvent.Kind.DELIVER).count() - MESSAGES;
        });
        System.out.println("receiver crash-recovery: " + redelivered[0] + " messages delivered again after a restart, over " + seeds + " seeds");
        if (seeds >= 100) { // a replay of one seed need not show it
            assertThat(redelivered[0]).as("a perfect link without durable dedup state redelivers after a crash").isPositive();
        }
    }

    /** A receiver that records its deliveries per life, and can crash right after delivering one message, before acknowledging it. */
    static final class RecordingReceiver extends LinkNode {
        private final Simulation sim;
        private final List<Long> thisLife = new ArrayList<>();
        private final long crashAfter;

        RecordingReceiver(Simulation sim, WindowedPerfectLink.Config cfg, LinkLog log, List<List<Long>> lives, long crashAfter) {
            super(l -> new WindowedPerfectLink(cfg, l), Workload.none(), log);
            this.sim = sim;
            this.crashAfter = crashAfter;
            lives.add(thisLife);
        }

        @Override
        public void delivered(Context ctx, Address from, byte[] payload) {
            super.delivered(ctx, from, payload);
            long n = Payloads.number(payload);
            thisLife.add(n);
            if (n == crashAfter) {
                // a fail point inside the handler: delivered, the ack not yet sent
                sim.crashAfterHandler(ctx.self());
                Address me = ctx.self();
                sim.after(Duration.ofMillis(30), () -> sim.restart(me));
            }
        }
    }

    @Test
    void shouldDeliverAnIncreasingRunInEveryLifeWhenTheReceiverCrashesEvenInsideItsHandler() {
        long[] redelivered = new long[2]; // [redelivered, of which the sender had already seen acknowledged]
        int seeds = Seeds.check("perfect-link receiver crashes at any moment", 300, seed -> {
            // given a seed-chosen window, a lossy, duplicating, corrupting, reordering network, and a receiver
            // that crashes once right after delivering a message (before its ack) and up to 3 more times from outside
            SplittableRandom r = new SplittableRandom(seed * 31 + 7);
            int messages = 20 + r.nextInt(40);
            WindowedPerfectLink.Config cfg = WindowedPerfectLink.Config.defaults().withWindow(1 + r.nextInt(16)).withRetransmitTimeout(Duration.ofMillis(10));
            Simulation sim = new Simulation(seed);
            LinkLog log = new LinkLog(true);
            List<List<Long>> lives = new ArrayList<>();
            Address b = Address.of("B");
            Address a = sim.addNode("A", () -> new LinkNode(l -> new WindowedPerfectLink(cfg, l), LinkNode.Workload.burst(b, messages), log));
            long[] crashAfter = {r.nextInt(1, messages)};
            List<Long> ackedWhenLifeStarted = new ArrayList<>();
            sim.addNode("B", () -> {
                long c = crashAfter[0];
                crashAfter[0] = -1;
                // the sender's cumulatively acknowledged prefix as this life begins: all of it was processed by earlier lives
                WindowedPerfectLink sender = lives.isEmpty() ? null : sim.node(a, LinkNode.class).link(WindowedPerfectLink.class);
                ackedWhenLifeStarted.add(sender == null ? 0 : sender.stats().sent - sender.inFlight(b));
                return new RecordingReceiver(sim, cfg, log, lives, c);
            });
            sim.network().setDefaults(LinkFaults.none().withLoss(0.1 + 0.5 * r.nextDouble()).withDuplication(0.3 * r.nextDouble())
                    .withCorruption(0.2 * r.nextDouble()).withDelay(Delay.longTailed(Duration.ofMillis(2), Duration.ofMillis(40))));
            long t = 0;
            int crashes = r.nextInt(0, 4);
            for (int i = 0; i < crashes; i++) {
                long crashAt = t + r.nextLong(1, 100);
                long restartAt = crashAt + r.nextLong(1, 60);
                sim.at(Duration.ofMillis(crashAt), () -> sim.crash(b));
                sim.at(Duration.ofMillis(restartAt), () -> {
                    if (sim.isCrashed(b)) {
                        sim.restart(b);
                    }
                });
                t = restartAt;
            }
            long faultsEnd = t + 50;
            sim.at(Duration.ofMillis(faultsEnd), () -> sim.network().setDefaults(LinkFaults.none()));
            // when the run goes on until every message is acknowledged
            boolean done = sim.runUntil(() -> sim.nowNanos() > (faultsEnd + 100) * 1_000_000L && !sim.isCrashed(b)
                    && sim.node(a, LinkNode.class).doneSending()
                    && sim.node(a, LinkNode.class).link(WindowedPerfectLink.class).allAcknowledged(), Duration.ofSeconds(200));
            assertThat(done).as("every message acknowledged once the faults ended").isTrue();
            // then nothing was lost or created, first deliveries are in order, and each life delivered an increasing run
            List<LinkEvent> h = log.events();
            LinkChecks.reliableDelivery(h).orThrow();
            LinkChecks.noCreation(h).orThrow();
            LinkChecks.fifo(h).orThrow();
            long highest = 0;
            for (List<Long> life : lives) {
                for (int i = 1; i < life.size(); i++) {
                    assertThat(life.get(i)).as("each life delivers in increasing order, never twice: %s", lives).isGreaterThan(life.get(i - 1));
                }
                for (long m : life) {
                    if (m <= highest) {
                        redelivered[0]++;
                    }
                }
                if (!life.isEmpty()) {
                    highest = Math.max(highest, life.get(life.size() - 1));
                }
            }
            assertThat(highest).as("the last message delivered by some life").isEqualTo(messages);
            for (int i = 1; i < lives.size(); i++) {
                long acked = ackedWhenLifeStarted.get(i);
                redelivered[1] += lives.get(i).stream().filter(m -> m <= acked).count();
            }
        });
        System.out.println("receiver crashes at any moment, " + seeds + " seeds: " + redelivered[0] + " redeliveries after a restart, "
                + redelivered[1] + " of them of messages the sender had already seen acknowledged (a delayed copy was still in flight)");
        if (seeds >= 100) { // a replay of one seed need not show either
            assertThat(redelivered[0]).as("a perfect link without durable dedup state redelivers after a crash").isPositive();
            assertThat(redelivered[1]).as("even a message already acknowledged can be redelivered, from a copy still in flight").isPositive();
        }
    }

    @Test
    void shouldLoseNothingWhenSenderAndReceiverBothCrashAndRestart() {
        Seeds.check("perfect-link sender and receiver crash-recovery", 200, seed -> {
            // given crashes of either process at seed-chosen times over a lossy, duplicating, corrupting network
            SplittableRandom r = new SplittableRandom(seed * 17 + 3);
            int messages = 20 + r.nextInt(40);
            LinkPair p = LinkPair.windowed(seed, WindowedPerfectLink.Config.defaults().withWindow(1 + r.nextInt(16))
                    .withRetransmitTimeout(Duration.ofMillis(10)), messages);
            Simulation sim = p.sim();
            sim.network().setDefaults(LinkFaults.none().withLoss(0.1 + 0.5 * r.nextDouble()).withDuplication(0.3 * r.nextDouble())
                    .withCorruption(0.2 * r.nextDouble()).withDelay(Delay.longTailed(Duration.ofMillis(2), Duration.ofMillis(40))));
            long t = 0;
            for (int i = r.nextInt(1, 5); i > 0; i--) {
                Address who = r.nextBoolean() ? p.a() : p.b();
                long crashAt = t + r.nextLong(1, 100);
                long restartAt = crashAt + r.nextLong(1, 60);
                sim.at(Duration.ofMillis(crashAt), () -> sim.crash(who));
                sim.at(Duration.ofMillis(restartAt), () -> sim.restart(who));
                t = restartAt;
            }
            long end = t;
            sim.at(Duration.ofMillis(end + 50), () -> sim.network().setDefaults(LinkFaults.none()));
            // when the last life of the sender has everything acknowledged
            boolean done = sim.runUntil(() -> sim.nowNanos() > (end + 60) * 1_000_000L && p.sender().doneSending()
                    && p.sender().link(WindowedPerfectLink.class).allAcknowledged(), Duration.ofSeconds(200));
            // then every message was delivered and none created
            assertThat(done).as("the sender's last life has every message acknowledged").isTrue();
            LinkChecks.reliableDelivery(p.history()).orThrow();
            LinkChecks.noCreation(p.history()).orThrow();
        });
    }

    @Test
    void shouldDeliverEverythingOnceMoreWhenTheSenderCrashesAndStartsOver() {
        Seeds.check("perfect-link sender crash-recovery", 300, seed -> {
            // given a sender that crashes mid-run and, restarted, sends m1..m40 again in a new incarnation
            LinkPair p = LinkPair.windowed(seed, WindowedPerfectLink.Config.defaults().withWindow(8)
                    .withRetransmitTimeout(Duration.ofMillis(20)), MESSAGES);
            p.sim().setHandlerTime(Duration.ZERO);
            p.sim().network().setDefaults(LinkFaults.none().withLoss(0.2).withDuplication(0.1)
                    .withDelay(Delay.uniform(Duration.ofMillis(1), Duration.ofMillis(10))));
            SplittableRandom r = new SplittableRandom(seed);
            long crashAt = r.nextLong(5, 80);
            p.sim().at(Duration.ofMillis(crashAt), () -> p.sim().crash(p.a()));
            p.sim().at(Duration.ofMillis(crashAt + r.nextLong(1, 40)), () -> p.sim().restart(p.a()));
            // when the restarted sender finishes
            boolean done = p.sim().runUntil(() -> p.sim().nowNanos() > 130_000_000L && p.sender().doneSending()
                    && p.sender().link(WindowedPerfectLink.class).allAcknowledged(), Duration.ofSeconds(60));
            // then every message was delivered, never more often than it was sent, nothing created
            assertThat(done).as("the new life's messages all acknowledged").isTrue();
            assertThat(p.sender().link(WindowedPerfectLink.class).incarnation()).as("a new incarnation after the restart").isEqualTo(2);
            List<LinkEvent> h = p.history();
            LinkChecks.reliableDelivery(h).orThrow();
            LinkChecks.noCreation(h).orThrow();
            LinkChecks.noDuplication(h).orThrow();
            LinkChecks.fifo(h).orThrow();
        });
    }
}
