package dev.dbinternals.ch08.harness.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.harness.Node;
import dev.dbinternals.ch08.harness.sim.Delay;
import dev.dbinternals.ch08.harness.sim.LinkFaults;
import dev.dbinternals.ch08.harness.sim.Simulation;
import dev.dbinternals.ch08.harness.sim.TraceEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Codec#receive}: a node gets only frames that decode; the rest are counted, never thrown. */
class CodecReceiveTest {

    record Ping(int n) {
    }

    record Other(String text) {
    }

    static final Codec CODEC = Codec.builder().register(1, Ping.class).register(2, Other.class).withChecksum().build();

    /** Sends 200 numbered pings, and one frame of another type. */
    static final class Sender implements Node {
        final Address to;

        Sender(Address to) {
            this.to = to;
        }

        @Override
        public void onStart(Context ctx) {
            for (int n = 1; n <= 200; n++) {
                ctx.send(to, CODEC.encode(new Ping(n)));
            }
            ctx.send(to, CODEC.encode(new Other("not a ping")));
        }

        @Override
        public void onMessage(Context ctx, Address from, byte[] message) {
        }
    }

    /** Keeps every ping it can read: the one way a handler receives a typed message. */
    static final class Receiver implements Node {
        final List<Integer> got = new ArrayList<>();

        @Override
        public void onMessage(Context ctx, Address from, byte[] message) {
            CODEC.receive(ctx, message, Ping.class).ifPresent(p -> got.add(p.n()));
        }
    }

    @Test
    void shouldHandOnlyIntactFramesToTheNodeAndCountTheRest() {
        // given a link that corrupts a third of the frames
        Simulation sim = new Simulation(3);
        Address b = Address.of("B");
        sim.addNode("A", () -> new Sender(b));
        sim.addNode(b, Receiver::new);
        sim.network().setDefaults(LinkFaults.none().withCorruption(0.3).withDelay(Delay.zero()));

        // when every frame has arrived
        sim.runUntilQuiet(Duration.ofSeconds(1));

        // then the node saw exactly the pings that arrived intact, and every other frame was counted
        List<TraceEvent> delivered = sim.trace().ofKind(TraceEvent.Kind.DELIVER);
        long unreadable = delivered.stream().filter(e -> !(CODEC.describe(e.payload()).startsWith("Ping"))).count();
        assertThat(unreadable).as("corrupted frames, and the one Other").isGreaterThan(30);
        assertThat(sim.node(b, Receiver.class).got).hasSize(delivered.size() - (int) unreadable);
        assertThat(sim.discarded(b)).isEqualTo(unreadable);
        assertThat(sim.stats().discarded()).isEqualTo(unreadable);
        assertThat(sim.discarded(Address.of("A"))).isZero();
    }

    /** Keeps whatever registered message it can read. */
    static final class AnyReceiver implements Node {
        final List<Object> got = new ArrayList<>();

        @Override
        public void onMessage(Context ctx, Address from, byte[] message) {
            CODEC.receive(ctx, message).ifPresent(got::add);
        }
    }

    @Test
    void shouldDecodeAnyRegisteredTypeWithoutATypeAndCountGarbage() {
        // given a sender of a ping, a frame of another type and three bytes of garbage, on a perfect link
        Simulation sim = new Simulation(1);
        Address b = Address.of("B");
        sim.addNode("A", () -> new Node() {
            @Override
            public void onStart(Context ctx) {
                ctx.send(b, CODEC.encode(new Ping(7)));
                ctx.send(b, CODEC.encode(new Other("x")));
                ctx.send(b, new byte[] {1, 2, 3});
            }

            @Override
            public void onMessage(Context ctx, Address from, byte[] message) {
            }
        });
        sim.addNode(b, AnyReceiver::new);

        // when they have arrived
        sim.runUntilQuiet(Duration.ofSeconds(1));

        // then both messages were read and only the garbage was counted
        assertThat(sim.node(b, AnyReceiver.class).got).containsExactly(new Ping(7), new Other("x"));
        assertThat(sim.discarded(b)).isEqualTo(1);
    }
}
