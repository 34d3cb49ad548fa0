package dev.dbinternals.ch08.harness.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.demo.PingPong;
import dev.dbinternals.ch08.harness.sim.TraceEvent.Kind;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Properties of the worked example over many seeds, the way every chapter module checks its
 * algorithms: random faults per seed, safety checked always, liveness after the faults heal.
 * A failure prints the seed and the command that replays it.
 */
class PingPongProperties {

    @Test
    void shouldCompleteEveryPingAndNeverDeliverWhatWasNotSentUnderRandomFaults() {
        Seeds.check("ping-pong under random loss, duplication, reordering and a crash", 200, seed -> {
            Simulation sim = new Simulation(seed);
            var r = new java.util.SplittableRandom(seed); // the scenario's own choices, also from the seed
            Address b = Address.of("B");
            Address a = sim.addNode("A", () -> new PingPong.Pinger(b, 10, Duration.ofMillis(5)));
            sim.addNode(b, PingPong.Ponger::new);
            sim.network().setDefaults(LinkFaults.none().withLoss(r.nextDouble() * 0.5).withDuplication(r.nextDouble() * 0.3)
                    .withDelay(Delay.uniform(Duration.ofMillis(1), Duration.ofMillis(1 + r.nextInt(10)))));
            Duration crashAt = Duration.ofMillis(r.nextInt(50));
            sim.at(crashAt, () -> sim.crash(b));
            sim.at(crashAt.plusMillis(20), () -> sim.restart(b));
            sim.at(Duration.ofMillis(200), () -> sim.network().setDefaults(LinkFaults.none())); // faults heal

            boolean done = sim.runUntil(() -> sim.node(a, PingPong.Pinger.class).done(), Duration.ofSeconds(10));

            // safety: every delivered frame was sent, with those bytes, between those nodes
            Map<Long, TraceEvent> sent = new HashMap<>();
            for (TraceEvent e : sim.trace().events()) {
                if (e.kind() == Kind.SEND) {
                    sent.put(e.messageId(), e);
                } else if (e.kind() == Kind.DELIVER) {
                    TraceEvent s = sent.get(e.messageId());
                    assertThat(s).as("delivery #%d has a send", e.messageId()).isNotNull();
                    assertThat(Arrays.equals(s.payload(), e.payload())).as("same bytes").isTrue();
                    assertThat(e.peer()).isEqualTo(s.node());
                }
            }
            // liveness, once the faults have healed
            assertThat(done).as("all 10 pings complete").isTrue();
            assertThat(sim.node(a, PingPong.Pinger.class).pongs()).isEqualTo(10);
        });
    }
}
