package dev.dbinternals.ch08.harness.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.harness.Node;
import dev.dbinternals.ch08.harness.sim.TraceEvent.Kind;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * A partition and a crash must be comparable run for run: every frame draws its random fate
 * (loss, copies, corruption, delay) from its link's stream before the network looks at
 * partitions, queues and crashed receivers, so two runs that differ only in "B is cut off"
 * versus "B is down" make the same random choices for every frame, before, during and after.
 */
class RandomStreamAlignmentTest {

    static final Address A = Address.of("A");
    static final Address B = Address.of("B");
    static final Address C = Address.of("C");

    /** Every 10 ms pings B and ticks C; tells C about each pong B sends back. */
    static final class Reporter implements Node {
        int n;

        @Override
        public void onStart(Context ctx) {
            ctx.setTimer(Duration.ofMillis(10), "tick");
        }

        @Override
        public void onTimer(Context ctx, Object tag) {
            n++;
            ctx.send(B, ("ping " + n).getBytes(StandardCharsets.US_ASCII));
            ctx.send(C, ("tick " + n).getBytes(StandardCharsets.US_ASCII));
            ctx.setTimer(Duration.ofMillis(10), "tick");
        }

        @Override
        public void onMessage(Context ctx, Address from, byte[] message) {
            ctx.send(C, ("B said " + new String(message, StandardCharsets.US_ASCII)).getBytes(StandardCharsets.US_ASCII));
        }
    }

    /** B answers every frame at once, keeping no state (so a restarted B is the same B). */
    static final class Echo implements Node {
        @Override
        public void onMessage(Context ctx, Address from, byte[] message) {
            ctx.send(from, message);
        }
    }

    static Simulation run(long seed, Consumer<Simulation> cutB, Consumer<Simulation> bringBBack) {
        Simulation sim = new Simulation(seed);
        sim.addNode(A, Reporter::new);
        sim.addNode(B, Echo::new);
        sim.addNode(C, Nodes.Sink::new);
        sim.network().setDefaults(LinkFaults.none().withLoss(0.2).withDuplication(0.2).withCorruption(0.1)
                .withDelay(Delay.uniform(Duration.ofMillis(1), Duration.ofMillis(3))));
        // at 27 ms and 67 ms nothing is in flight to or from B (pings leave at 10, 20, ..., and both ways take at most ~6 ms)
        sim.at(Duration.ofMillis(27), () -> cutB.accept(sim));
        sim.at(Duration.ofMillis(67), () -> bringBBack.accept(sim));
        sim.runFor(Duration.ofMillis(400));
        return sim;
    }

    /** The A <-> C traffic: what was sent, when, what happened to it and what arrived. */
    static List<String> traffic(Simulation sim, Address x, Address y) {
        HexFormat hex = HexFormat.of();
        return sim.trace().filter(e -> e.isMessageEvent()
                        && ((x.equals(e.node()) && y.equals(e.peer())) || (y.equals(e.node()) && x.equals(e.peer()))))
                .stream()
                .map(e -> e.timeNanos() + " " + e.kind() + " " + e.node() + "->" + e.peer() + " #" + e.messageId()
                        + " " + e.detail() + " " + hex.formatHex(e.payload()))
                .toList();
    }

    @Test
    void shouldMakeTheSameRandomChoicesWhetherBIsPartitionedOrCrashed() {
        for (long seed = 1; seed <= 20; seed++) {
            Simulation partitioned = run(seed,
                    sim -> sim.network().partition(Set.of(B), Set.of(A, C)), sim -> sim.network().heal());
            Simulation crashed = run(seed, sim -> sim.crash(B), sim -> sim.restart(B));

            assertThat(partitioned.trace().filter(e -> e.kind() == Kind.DROP && e.peer().equals(B)))
                    .as("seed %d: in the partitioned run A's pings to B die at the partition", seed)
                    .anyMatch(e -> e.dropReason() == DropReason.PARTITION);
            assertThat(crashed.trace().filter(e -> e.kind() == Kind.DROP && e.peer().equals(B)))
                    .as("seed %d: in the crashed run they reach a dead B", seed)
                    .anyMatch(e -> e.dropReason() == DropReason.RECEIVER_CRASHED);
            assertThat(traffic(crashed, A, C))
                    .as("seed %d: A -> C traffic (A reports B's pongs to C) is the same whether B was cut off or down", seed)
                    .isNotEmpty()
                    .containsExactlyElementsOf(traffic(partitioned, A, C));
            assertThat(traffic(crashed, A, B).stream().filter(l -> Long.parseLong(l.split(" ")[0]) >= 67_000_000L).toList())
                    .as("seed %d: after B is back, A <-> B traffic is the same too", seed)
                    .containsExactlyElementsOf(traffic(partitioned, A, B).stream()
                            .filter(l -> Long.parseLong(l.split(" ")[0]) >= 67_000_000L).toList());
        }
    }

    /** Sends four 10-byte frames to B at once, then two more 5 ms later. */
    static final class Burst implements Node {
        @Override
        public void onStart(Context ctx) {
            for (int i = 0; i < 4; i++) {
                ctx.send(B, new byte[10]);
            }
            ctx.setTimer(Duration.ofMillis(5), "again");
        }

        @Override
        public void onTimer(Context ctx, Object tag) {
            ctx.send(B, new byte[10]);
            ctx.send(B, new byte[10]);
        }

        @Override
        public void onMessage(Context ctx, Address from, byte[] message) {
        }
    }

    @Test
    void shouldKeepTheSendersLinkBusyWithFramesAPartitionDropsAsWithFramesToACrashedNode() {
        // 1000 B/s: each frame holds A's link for 10 ms; at most 3 frames on it
        List<List<String>> after = new java.util.ArrayList<>();
        for (boolean partition : List.of(true, false)) {
            Simulation sim = new Simulation(1);
            sim.addNode(A, Burst::new);
            sim.addNode(B, Echo::new);
            sim.network().set(A, B, LinkFaults.none().withBandwidth(1_000).withQueueLimit(3));
            if (partition) {
                sim.network().partition(Set.of(A), Set.of(B));
                sim.at(Duration.ofMillis(2), () -> sim.network().heal());
            } else {
                sim.crash(B);
                sim.at(Duration.ofMillis(2), () -> sim.restart(B));
            }
            sim.runFor(Duration.ofMillis(100));
            after.add(sim.trace().filter(e -> e.kind() == Kind.DROP && e.timeNanos() > 2_000_000L).stream()
                    .map(e -> e.timeNanos() + " " + e.detail()).toList());
        }
        assertThat(after.get(0)).as("the two frames sent at 5 ms find A's link full of the three frames sent at 0, "
                        + "whether a partition or a crashed B was going to drop those")
                .hasSize(2).allMatch(l -> l.contains("QUEUE_FULL"))
                .containsExactlyElementsOf(after.get(1));
    }
}
