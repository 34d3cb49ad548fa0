package dev.dbinternals.ch08.harness.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.harness.Node;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CrashAfterHandlerTest {

    /** Forwards every message to {@code next}, then dies at a fail point on the first one. */
    static final class DiesAfterForwarding implements Node {
        final Simulation sim;
        final Address next;
        final List<String> handled = new ArrayList<>();

        DiesAfterForwarding(Simulation sim, Address next) {
            this.sim = sim;
            this.next = next;
        }

        @Override
        public void onMessage(Context ctx, Address from, byte[] message) {
            handled.add(new String(message, StandardCharsets.US_ASCII));
            ctx.send(next, message);
            sim.crashAfterHandler(ctx.self()); // the fail point: dies here
        }
    }

    @Test
    void shouldLetFramesSentBeforeTheFailPointLeaveAndHandleNothingAfterIt() {
        // given a relay that dies right after forwarding, and a slow handler so a second
        // message arrives while the first is still being handled
        Simulation sim = new Simulation(7);
        sim.setHandlerTime(Duration.ofMillis(5));
        Address sink = sim.addNode("sink", Nodes.Sink::new);
        Address relay = sim.addNode("relay", () -> new DiesAfterForwarding(sim, sink));
        sim.addNode("source", () -> new Node() {
            @Override
            public void onStart(Context ctx) {
                ctx.send(relay, "first".getBytes(StandardCharsets.US_ASCII));
                ctx.send(relay, "second".getBytes(StandardCharsets.US_ASCII));
            }

            @Override
            public void onMessage(Context ctx, Address from, byte[] message) {
            }
        });

        // when the run ends
        sim.runFor(Duration.ofSeconds(1));

        // then the forwarded frame arrived, the relay crashed, and the second message died with it
        assertThat(sim.node(sink, Nodes.Sink.class).received).hasSize(1);
        assertThat(sim.node(relay, DiesAfterForwarding.class).handled).containsExactly("first");
        assertThat(sim.isCrashed(relay)).isTrue();
        assertThat(sim.trace().ofKind(TraceEvent.Kind.DROP)).anySatisfy(e ->
                assertThat(e.dropReason()).isEqualTo(DropReason.RECEIVER_CRASHED));
    }

    @Test
    void shouldCrashAtOnceWhenCalledOutsideTheNodesHandler() {
        // given a running node
        Simulation sim = new Simulation(7);
        Address sink = sim.addNode("sink", Nodes.Sink::new);
        sim.runFor(Duration.ofMillis(1));

        // when a test crashes it between handlers
        sim.crashAfterHandler(sink);

        // then it is down now
        assertThat(sim.isCrashed(sink)).isTrue();
    }
}
