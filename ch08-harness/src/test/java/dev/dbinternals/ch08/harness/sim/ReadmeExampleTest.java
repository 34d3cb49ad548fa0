package dev.dbinternals.ch08.harness.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.harness.Node;
import dev.dbinternals.ch08.harness.render.SpaceTime;
import java.nio.ByteBuffer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The README's "API in one screen", verbatim, so the example keeps compiling and working. */
class ReadmeExampleTest {

    /** Sends ping n until pong n comes back, then ping n+1. */
    static class Pinger implements Node {
        final Address peer; int next = 1;
        Pinger(Address peer) { this.peer = peer; }

        public void onStart(Context ctx) { send(ctx); }

        public void onMessage(Context ctx, Address from, byte[] m) {
            if (ByteBuffer.wrap(m).getLong() == next) { next++; send(ctx); }   // late/duplicate pongs ignored
        }

        public void onTimer(Context ctx, Object tag) {
            if (tag.equals(next)) send(ctx);                                    // no pong in time: retransmit
        }

        void send(Context ctx) {
            ctx.send(peer, ByteBuffer.allocate(8).putLong(next).array());
            ctx.setTimer(Duration.ofMillis(5), next);
        }
    }

    @Test
    void shouldRunTheReadmeExample() {
        Simulation sim = new Simulation(42);                         // one seed for everything
        Address b = Address.of("B");
        sim.addNode("A", () -> new Pinger(b));
        sim.addNode(b, () -> (ctx, from, m) -> ctx.send(from, m));   // a ponger is a lambda
        sim.network().setDefaults(LinkFaults.none().withLoss(0.3));
        sim.at(Duration.ofMillis(50), () -> sim.crash(b));           // the fault plan
        sim.at(Duration.ofMillis(80), () -> sim.restart(b));
        sim.runFor(Duration.ofSeconds(1));

        assertThat(sim.node(Address.of("A"), Pinger.class).next).as("pings keep completing after B restarts").isGreaterThan(50);
        assertThat(sim.trace().ofKind(TraceEvent.Kind.DROP)).anyMatch(e -> e.dropReason() == DropReason.RECEIVER_CRASHED);
        assertThat(SpaceTime.html(sim.trace())).contains("CRASH");
    }
}
