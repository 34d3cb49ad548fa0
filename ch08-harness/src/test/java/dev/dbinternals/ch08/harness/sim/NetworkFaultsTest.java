package dev.dbinternals.ch08.harness.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.sim.TraceEvent.Kind;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Each knob of {@link LinkFaults} measured over many frames. Tolerances are stated per test:
 * with n = 10^5 frames a probability p has a standard deviation of sqrt(p(1-p)/n), about
 * 0.15 percentage points at p = 0.3, so +-1 point is more than 6 standard deviations (a false
 * failure is practically impossible, and a wrong implementation is caught). The seed is fixed,
 * so each test is also exactly reproducible.
 */
class NetworkFaultsTest {

    static final int N = 100_000;
    static final Address A = Address.of("A");
    static final Address B = Address.of("B");

    private static Simulation blast(long seed, LinkFaults faults, int count, int size) {
        Simulation sim = new Simulation(seed);
        sim.setHandlerTime(Duration.ZERO);
        sim.addNode(A, () -> new Nodes.Blaster(B, count, size));
        sim.addNode(B, Nodes.Sink::new);
        sim.network().set(A, B, faults);
        sim.runUntilQuiet(Duration.ofHours(1));
        return sim;
    }

    @Test
    void shouldLoseAboutThirtyPercentWithLossPointThree() {
        Simulation sim = blast(1, LinkFaults.none().withLoss(0.3), N, 4);

        double delivered = sim.node(B, Nodes.Sink.class).received.size() / (double) N;
        assertThat(1 - delivered).as("loss rate over %d frames (tolerance +-0.01)", N).isCloseTo(0.3, within(0.01));
        assertThat(sim.trace().ofKind(Kind.DROP)).hasSize(N - sim.node(B, Nodes.Sink.class).received.size())
                .allMatch(e -> e.dropReason() == DropReason.LOSS);
    }

    @Test
    void shouldDuplicateAboutTenPercentOfFramesWithDuplicationPointOne() {
        Simulation sim = blast(2, LinkFaults.none().withDuplication(0.1), N, 4);

        Map<Long, Integer> copies = new HashMap<>();
        sim.trace().ofKind(Kind.DELIVER).forEach(e -> copies.merge(e.messageId(), 1, Integer::sum));
        long duplicated = copies.values().stream().filter(c -> c > 1).count();
        assertThat(copies).as("no frame is lost by duplication").hasSize(N);
        assertThat(duplicated / (double) N).as("share of frames delivered more than once (tolerance +-0.01)")
                .isCloseTo(0.1, within(0.01));
        // each extra copy is followed by another with the same probability: 1 in 10 of the duplicated have 3+ copies
        long triple = copies.values().stream().filter(c -> c > 2).count();
        assertThat(triple / (double) duplicated).isCloseTo(0.1, within(0.02));
    }

    @Test
    void shouldDrawUniformDelaysWithinBoundsAndReorderFrames() {
        Simulation sim = blast(3, LinkFaults.none().withDelay(Delay.uniform(Duration.ofMillis(1), Duration.ofMillis(3))), N, 4);

        long sentAt = sim.trace().ofKind(Kind.SEND).get(0).timeNanos();
        long[] delays = sim.trace().ofKind(Kind.DELIVER).stream().mapToLong(e -> e.timeNanos() - sentAt).toArray();
        assertThat(delays).hasSize(N);
        assertThat(Arrays.stream(delays).min().orElseThrow()).isGreaterThanOrEqualTo(1_000_000L);
        assertThat(Arrays.stream(delays).max().orElseThrow()).isLessThanOrEqualTo(3_000_000L);
        assertThat(Arrays.stream(delays).average().orElseThrow()).as("mean of uniform(1ms, 3ms), tolerance +-20us")
                .isCloseTo(2_000_000.0, within(20_000.0));
        List<byte[]> got = sim.node(B, Nodes.Sink.class).received;
        int outOfOrder = 0;
        for (int i = 1; i < got.size(); i++) {
            if (java.nio.ByteBuffer.wrap(got.get(i)).getInt() < java.nio.ByteBuffer.wrap(got.get(i - 1)).getInt()) {
                outOfOrder++;
            }
        }
        assertThat(outOfOrder).as("random delays reorder frames").isGreaterThan(N / 4);
    }

    @Test
    void shouldMatchTheMedianAndP99OfALongTailedDelay() {
        Simulation sim = blast(4, LinkFaults.none().withDelay(Delay.longTailed(Duration.ofMillis(1), Duration.ofMillis(20))), N, 4);

        long sentAt = sim.trace().ofKind(Kind.SEND).get(0).timeNanos();
        long[] delays = sim.trace().ofKind(Kind.DELIVER).stream().mapToLong(e -> e.timeNanos() - sentAt).sorted().toArray();
        assertThat((double) delays[N / 2]).as("median, tolerance 3%").isCloseTo(1_000_000.0, within(30_000.0));
        assertThat((double) delays[(int) (N * 0.99)]).as("p99, tolerance 10%").isCloseTo(20_000_000.0, within(2_000_000.0));
    }

    @Test
    void shouldCorruptAboutFivePercentOfFramesWithCorruptionPointZeroFive() {
        Simulation sim = blast(5, LinkFaults.none().withCorruption(0.05), N, 16);

        List<byte[]> got = sim.node(B, Nodes.Sink.class).received;
        Map<Long, byte[]> sent = new HashMap<>();
        sim.trace().ofKind(Kind.SEND).forEach(e -> sent.put(e.messageId(), e.payload()));
        long changed = sim.trace().ofKind(Kind.DELIVER).stream()
                .filter(e -> !Arrays.equals(e.payload(), sent.get(e.messageId()))).count();
        assertThat(got).hasSize(N);
        assertThat(changed / (double) N).as("corrupted share, tolerance +-0.005").isCloseTo(0.05, within(0.005));
        assertThat(sim.trace().ofKind(Kind.CORRUPT)).hasSize((int) changed);
    }

    @Test
    void shouldSerialiseFramesAtTheBandwidthAndDropWhenTheQueueIsFull() {
        // 100 frames of 1000 bytes at 1 MB/s: one frame per millisecond on the wire, then 1 ms of delay
        Simulation sim = blast(6, LinkFaults.none().withBandwidth(1_000_000), 100, 1000);

        List<TraceEvent> deliveries = sim.trace().ofKind(Kind.DELIVER);
        assertThat(deliveries).hasSize(100);
        long sentAt = sim.trace().ofKind(Kind.SEND).get(0).timeNanos();
        for (int i = 0; i < 100; i++) {
            assertThat(deliveries.get(i).timeNanos() - sentAt).as("frame %d arrives after %d ms on the wire + 1 ms", i, i + 1)
                    .isEqualTo((i + 2) * 1_000_000L);
        }

        Simulation bounded = blast(6, LinkFaults.none().withBandwidth(1_000_000).withQueueLimit(10), 100, 1000);
        assertThat(bounded.trace().ofKind(Kind.DELIVER)).hasSize(10);
        assertThat(bounded.trace().ofKind(Kind.DROP)).hasSize(90).allMatch(e -> e.dropReason() == DropReason.QUEUE_FULL);
    }

    @Test
    void shouldPassAOneWayPartitionInOneDirectionOnly() {
        Simulation sim = new Simulation(7);
        Address c = Address.of("C");
        for (Address x : List.of(A, B, c)) {
            sim.addNode(x, () -> new Nodes.Gossip(10));
        }
        sim.network().partitionOneWay(Set.of(A), Set.of(B));
        sim.runFor(Duration.ofMillis(105));

        assertThat(sim.node(B, Nodes.Gossip.class).heardFrom).as("B never hears A").doesNotContain(A).contains(c);
        assertThat(sim.node(A, Nodes.Gossip.class).heardFrom).as("A still hears B").contains(B, c);
        assertThat(sim.trace().ofKind(Kind.DROP)).isNotEmpty().allSatisfy(e -> {
            assertThat(e.node()).isEqualTo(A);
            assertThat(e.peer()).isEqualTo(B);
            assertThat(e.dropReason()).isEqualTo(DropReason.PARTITION);
        });

        sim.network().heal();
        sim.runFor(Duration.ofMillis(20));
        assertThat(sim.node(B, Nodes.Gossip.class).heardFrom).as("after heal B hears A").contains(A);
    }

    @Test
    void shouldCutBothDirectionsInASymmetricPartition() {
        Simulation sim = new Simulation(8);
        sim.addNode(A, () -> new Nodes.Gossip(10));
        sim.addNode(B, () -> new Nodes.Gossip(10));
        sim.network().partition(Set.of(A), Set.of(B));
        sim.runFor(Duration.ofMillis(100));

        assertThat(sim.node(A, Nodes.Gossip.class).heardFrom).isEmpty();
        assertThat(sim.node(B, Nodes.Gossip.class).heardFrom).isEmpty();
        assertThat(sim.trace().ofKind(Kind.PARTITION)).hasSize(1);
    }

    @Test
    void shouldKeepALinksChoicesWhenAnotherNodeIsAdded() {
        // the A->B link has its own random stream: a silent extra node must not change which frames it drops
        Simulation two = blast(9, LinkFaults.none().withLoss(0.5), 1000, 4);
        Simulation three = new Simulation(9);
        three.setHandlerTime(Duration.ZERO);
        three.addNode("Z", Nodes.Sink::new);
        three.addNode(A, () -> new Nodes.Blaster(B, 1000, 4));
        three.addNode(B, Nodes.Sink::new);
        three.network().set(A, B, LinkFaults.none().withLoss(0.5));
        three.runUntilQuiet(Duration.ofHours(1));

        assertThat(three.trace().ofKind(Kind.DROP).stream().map(TraceEvent::messageId).toList())
                .isEqualTo(two.trace().ofKind(Kind.DROP).stream().map(TraceEvent::messageId).toList());
    }
}
