package dev.dbinternals.ch08.harness.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.sim.TraceEvent.Kind;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Scripted faults ({@code dropNext}, {@code duplicateNext}, {@code corruptNext}): one chosen
 * frame lost, doubled or damaged, the same for every seed, recorded like the random ones.
 */
class ScriptedFaultsTest {

    static final Address A = Address.of("A");
    static final Address B = Address.of("B");

    /** A sends frames 0..count-1 to B at time 0; {@code plan} scripts faults before the run. */
    static Simulation blast(long seed, LinkFaults faults, int count, Consumer<Network> plan) {
        Simulation sim = new Simulation(seed);
        sim.setHandlerTime(Duration.ZERO); // so B's handling of the scripted frames delays no other delivery
        sim.addNode(A, () -> new Nodes.Blaster(B, count, 4));
        sim.addNode(B, Nodes.Sink::new);
        sim.network().set(A, B, faults);
        plan.accept(sim.network());
        sim.runUntilQuiet(Duration.ofSeconds(10));
        return sim;
    }

    static List<Integer> received(Simulation sim) {
        return sim.node(B, Nodes.Sink.class).received.stream().map(b -> ByteBuffer.wrap(b).getInt()).toList();
    }

    @Test
    void shouldDropExactlyTheNextFrameAndRecordItAsAScriptedLoss() {
        Simulation sim = blast(1, LinkFaults.none(), 3, n -> n.dropNext(A, B));

        assertThat(received(sim)).as("frame 0 dropped, frames 1 and 2 delivered").containsExactly(1, 2);
        List<TraceEvent> drops = sim.trace().ofKind(Kind.DROP);
        assertThat(drops).hasSize(1);
        assertThat(drops.get(0).dropReason()).isEqualTo(DropReason.LOSS);
        assertThat(drops.get(0).detail()).isEqualTo("LOSS (scripted: dropNext)");
        assertThat(sim.network().scriptedPending(A, B)).as("the script was used up").isZero();
    }

    @Test
    void shouldApplyScriptedFaultsOneFramePerCallInOrder() {
        Simulation sim = blast(1, LinkFaults.none(), 5, n -> {
            n.dropNext(A, B);
            n.dropNext(A, B);
            n.duplicateNext(A, B);
        });

        assertThat(received(sim)).as("frames 0 and 1 dropped, frame 2 twice, then 3 and 4").containsExactly(2, 2, 3, 4);
    }

    @Test
    void shouldDeliverExactlyTwoCopiesOfTheNextFrameEvenOnALinkThatLosesEverything() {
        Simulation sim = blast(2, LinkFaults.none().withLoss(1.0), 3, n -> n.duplicateNext(A, B));

        assertThat(received(sim)).as("the scripted frame replaces the random loss; the others are lost").containsExactly(0, 0);
        List<TraceEvent> dups = sim.trace().ofKind(Kind.DUPLICATE);
        assertThat(dups).hasSize(1);
        assertThat(dups.get(0).detail()).isEqualTo("copy 2 (scripted: duplicateNext)");
        assertThat(sim.trace().ofKind(Kind.DELIVER)).hasSize(2)
                .allMatch(e -> e.messageId() == dups.get(0).messageId(), "both copies carry the message's id");
        assertThat(sim.stats().duplicated()).isEqualTo(1);
    }

    @Test
    void shouldFlipBitsOfExactlyTheNextFrame() {
        Simulation sim = blast(3, LinkFaults.none(), 3, n -> n.corruptNext(A, B));

        List<TraceEvent> sends = sim.trace().ofKind(Kind.SEND);
        List<TraceEvent> deliveries = sim.trace().ofKind(Kind.DELIVER);
        assertThat(deliveries).hasSize(3);
        assertThat(deliveries.get(0).payload()).as("frame 0 arrives damaged").isNotEqualTo(sends.get(0).payload());
        assertThat(deliveries.get(1).payload()).isEqualTo(sends.get(1).payload());
        assertThat(deliveries.get(2).payload()).isEqualTo(sends.get(2).payload());
        List<TraceEvent> corrupt = sim.trace().ofKind(Kind.CORRUPT);
        assertThat(corrupt).hasSize(1);
        assertThat(corrupt.get(0).detail()).matches("flipped bits? [0-9,]+ \\(scripted: corruptNext\\)");
        assertThat(corrupt.get(0).payload()).isEqualTo(deliveries.get(0).payload());
    }

    @Test
    void shouldGiveTheSameScriptedOutcomeForEverySeed() {
        for (long seed = 1; seed <= 20; seed++) {
            Simulation sim = blast(seed, LinkFaults.none().withDelay(Delay.uniform(Duration.ofMillis(1), Duration.ofMillis(2))),
                    4, n -> {
                        n.duplicateNext(A, B);
                        n.dropNext(A, B);
                    });
            assertThat(received(sim).stream().sorted().toList()).as("seed %d", seed).containsExactly(0, 0, 2, 3);
        }
    }

    @Test
    void shouldNotShiftTheRandomChoicesOfTheOtherFrames() {
        LinkFaults random = LinkFaults.none().withLoss(0.3).withDuplication(0.2).withCorruption(0.1)
                .withDelay(Delay.uniform(Duration.ofMillis(1), Duration.ofMillis(3)));
        Simulation plain = blast(4, random, 200, n -> { });
        Simulation scripted = blast(4, random, 200, n -> {
            n.corruptNext(A, B);
            n.duplicateNext(A, B);
            n.dropNext(A, B);
        });

        assertThat(fatesAfterTheThirdFrame(scripted)).as("frames 3..199 fare exactly as without the script")
                .isNotEmpty().containsExactlyElementsOf(fatesAfterTheThirdFrame(plain));
    }

    private static List<String> fatesAfterTheThirdFrame(Simulation sim) {
        return sim.trace().filter(e -> e.messageId() > 3 && e.isMessageEvent()).stream()
                .map(e -> e.timeNanos() + " " + e.kind() + " #" + e.messageId() + " " + e.detail() + " "
                        + Arrays.toString(e.payload()))
                .toList();
    }

    @Test
    void shouldStillDropAScriptedFrameThatCrossesAPartitionAsAPartitionDrop() {
        Simulation sim = blast(5, LinkFaults.none(), 2, n -> {
            n.duplicateNext(A, B);
            n.partitionOneWay(java.util.Set.of(A), java.util.Set.of(B));
        });

        assertThat(received(sim)).isEmpty();
        assertThat(sim.trace().ofKind(Kind.DROP)).hasSize(2).allMatch(e -> e.dropReason() == DropReason.PARTITION);
        assertThat(sim.network().scriptedPending(A, B)).as("the scripted fault was spent on the frame the partition took").isZero();
    }
}
