package dev.dbinternals.ch08.harness.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.harness.Node;
import dev.dbinternals.ch08.harness.codec.Codec;
import dev.dbinternals.ch08.harness.sim.TraceEvent.Kind;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Typed queries over the trace (issue 12 §4): what was sent and delivered, decoded, without parsing notes. */
class TraceMessagesTest {

    record Ping(int n) {
    }

    record Pong(int n) {
    }

    static final Codec CODEC = Codec.builder().register(1, Ping.class).register(2, Pong.class).withChecksum().build();

    /** Sends pings 1..3 at once; answers nothing. */
    static final class Sender implements Node {
        @Override
        public void onStart(Context ctx) {
            for (int n = 1; n <= 3; n++) {
                ctx.send(Address.of("B"), CODEC.encode(new Ping(n)));
            }
        }

        @Override
        public void onMessage(Context ctx, Address from, byte[] m) {
        }
    }

    @Test
    void shouldListTheMessagesOfOneTypeDecodedWithSenderAndReceiver() {
        Simulation sim = new Simulation(7);
        Address a = sim.addNode("A", Sender::new);
        Address b = sim.addNode("B", () -> (ctx, from, m) -> CODEC.receive(ctx, m, Ping.class)
                .ifPresent(p -> ctx.send(from, CODEC.encode(new Pong(p.n())))));
        sim.network().corruptNext(a, b); // ping 1 arrives damaged: its checksum fails, B never reads it
        sim.runFor(Duration.ofMillis(50));

        assertThat(sim.trace().messages(Kind.SEND, CODEC, Ping.class)).extracting(m -> m.body().n()).containsExactly(1, 2, 3);
        var delivered = sim.trace().messages(Kind.DELIVER, CODEC, Ping.class);
        assertThat(delivered).extracting(m -> m.body().n()).containsExactly(2, 3);
        assertThat(delivered).allMatch(m -> m.from().equals(a) && m.to().equals(b) && m.event().node().equals(b));
        var pongs = sim.trace().messages(Kind.SEND, CODEC, Pong.class);
        assertThat(pongs).extracting(m -> m.body().n()).containsExactly(2, 3);
        assertThat(pongs).allMatch(m -> m.from().equals(b) && m.to().equals(a));
        assertThat(pongs.get(0).timeNanos()).isGreaterThan(delivered.get(0).timeNanos());
        assertThat(sim.trace().messages(Kind.DROP, CODEC, Ping.class)).isEmpty();
    }
}
