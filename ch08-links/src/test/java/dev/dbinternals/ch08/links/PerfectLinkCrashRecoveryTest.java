package dev.dbinternals.ch08.links;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbinternals.ch08.harness.sim.Delay;
import dev.dbinternals.ch08.harness.sim.LinkFaults;
import dev.dbinternals.ch08.harness.sim.Seeds;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The perfect link when the receiver crashes and recovers (crash-recovery): nothing is lost and
 * first deliveries stay in order, because the sender forgets the selective acks of the
 * receiver's dead life; but messages delivered and not yet acknowledged before the crash are
 * delivered again. Exactly-once processing needs durable dedup state ({@link EffectReceiver}).
 */
class PerfectLinkCrashRecoveryTest {

    private static final int MESSAGES = 40;

    @Test
    void shouldLoseNothingWhenTheReceiverCrashesAndRestartsTwice() {
        long[] redelivered = new long[1];
        Seeds.check("perfect-link receiver crash-recovery", 500, seed -> {
            // given a lossy, reordering network and a receiver that crashes twice at seed-chosen times
            LinkPair p = LinkPair.perfect(seed, PerfectLink.Config.defaults().withWindow(8)
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
                    && p.sender().link(PerfectLink.class).allAcknowledged(), Duration.ofSeconds(60));
            // then every message was delivered, none created, first deliveries in order
            assertThat(done).as("everything acknowledged").isTrue();
            List<LinkEvent> h = p.history();
            LinkChecks.reliableDelivery(h).orThrow();
            LinkChecks.noCreation(h).orThrow();
            LinkChecks.fifo(h).orThrow();
            redelivered[0] += h.stream().filter(e -> e.kind() == LinkEvent.Kind.DELIVER).count() - MESSAGES;
        });
        System.out.println("receiver crash-recovery: " + redelivered[0] + " messages delivered again after a restart, over 500 seeds");
        assertThat(redelivered[0]).as("a perfect link without durable dedup state redelivers after a crash").isPositive();
    }

    @Test
    void shouldDeliverEverythingOnceMoreWhenTheSenderCrashesAndStartsOver() {
        Seeds.check("perfect-link sender crash-recovery", 300, seed -> {
            // given a sender that crashes mid-run and, restarted, sends m1..m40 again in a new incarnation
            LinkPair p = LinkPair.perfect(seed, PerfectLink.Config.defaults().withWindow(8)
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
                    && p.sender().link(PerfectLink.class).allAcknowledged(), Duration.ofSeconds(60));
            // then every message was delivered, never more often than it was sent, nothing created
            assertThat(done).as("the new life's messages all acknowledged").isTrue();
            assertThat(p.sender().link(PerfectLink.class).incarnation()).as("a new incarnation after the restart").isEqualTo(2);
            List<LinkEvent> h = p.history();
            LinkChecks.reliableDelivery(h).orThrow();
            LinkChecks.noCreation(h).orThrow();
            LinkChecks.noDuplication(h).orThrow();
            LinkChecks.fifo(h).orThrow();
        });
    }
}
