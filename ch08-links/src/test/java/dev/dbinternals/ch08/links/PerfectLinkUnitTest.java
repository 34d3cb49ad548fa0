package dev.dbinternals.ch08.links;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The perfect link's handlers driven by hand, frame by frame, without a network. */
class PerfectLinkUnitTest {

    private static final Address A = Address.of("A");
    private static final Address B = Address.of("B");

    private static final class Recorder implements LinkListener {
        final List<String> delivered = new ArrayList<>();
        int writable;

        @Override
        public void delivered(Context ctx, Address from, byte[] payload) {
            delivered.add(Payloads.describe(payload));
        }

        @Override
        public void writable(Context ctx, Address peer) {
            writable++;
        }
    }

    private final FakeContext ctxA = new FakeContext("A");
    private final FakeContext ctxB = new FakeContext("B");
    private final Recorder atA = new Recorder();
    private final Recorder atB = new Recorder();
    private final WindowedPerfectLink linkA = new WindowedPerfectLink(WindowedPerfectLink.Config.defaults().withWindow(4), atA);
    private final WindowedPerfectLink linkB = new WindowedPerfectLink(WindowedPerfectLink.Config.defaults().withWindow(4), atB);

    @Test
    void shouldRetransmitALostMessageAfterTheTimeout() {
        // given m1 sent and lost
        linkA.send(ctxA, B, Payloads.numbered(1, 0));
        ctxA.drain();
        // when the retransmission timer fires after the timeout
        ctxA.advance(Duration.ofMillis(20));
        linkA.onTimer(ctxA, ctxA.takeLastTimerTag());
        // then m1 goes out again and, once it arrives, is delivered and acknowledged
        List<FakeContext.Sent> again = ctxA.drain();
        assertThat(again).singleElement().extracting(s -> s.frame().seq()).isEqualTo(1L);
        linkB.onFrame(ctxB, A, again.get(0).bytes());
        assertThat(atB.delivered).containsExactly("m1");
        linkA.onFrame(ctxA, B, ctxB.drain().get(0).bytes());
        assertThat(linkA.allAcknowledged()).isTrue();
        assertThat(linkA.stats().retransmissions).isEqualTo(1);
    }

    @Test
    void shouldRefuseAnAcknowledgementForASequenceNumberItNeverSent() {
        // given m1 and m2 sent, both lost, so both are outstanding
        linkA.send(ctxA, B, Payloads.numbered(1, 0));
        linkA.send(ctxA, B, Payloads.numbered(2, 0));
        ctxA.drain();
        // when acks arrive (valid CRC32C, right incarnation) naming numbers A never sent:
        // a selective ack of 3, a cumulative ack up to 1000, and a selective ack of 0
        linkA.onFrame(ctxA, B, Frame.ack(linkA.incarnation(), 3, 0, 1).encode());
        linkA.onFrame(ctxA, B, Frame.ack(linkA.incarnation(), 1, 1000, 1).encode());
        linkA.onFrame(ctxA, B, Frame.ack(linkA.incarnation(), 0, 0, 1).encode());
        // then all three are dropped and both messages are still in flight and resent on timeout
        assertThat(linkA.stats().implausibleAcksDropped).isEqualTo(3);
        assertThat(linkA.inFlight(B)).isEqualTo(2);
        assertThat(linkA.allAcknowledged()).isFalse();
        ctxA.advance(Duration.ofMillis(20));
        linkA.onTimer(ctxA, ctxA.takeLastTimerTag());
        assertThat(ctxA.drain()).extracting(x -> x.frame().seq()).containsExactly(1L, 2L);
        // and a genuine cumulative ack up to 2 (the highest number sent) is taken
        linkA.onFrame(ctxA, B, Frame.ack(linkA.incarnation(), 2, 2, 1).encode());
        assertThat(linkA.allAcknowledged()).isTrue();
        assertThat(linkA.stats().implausibleAcksDropped).isEqualTo(3);
    }

    @Test
    void shouldDeliverADuplicateOnceButAcknowledgeItAgain() {
        linkA.send(ctxA, B, Payloads.numbered(1, 0));
        byte[] frame = ctxA.drain().get(0).bytes();
        linkB.onFrame(ctxB, A, frame);
        linkB.onFrame(ctxB, A, frame);
        assertThat(atB.delivered).as("delivered once").containsExactly("m1");
        assertThat(ctxB.framesSent()).as("both copies acknowledged, so a lost ack is repaired")
                .hasSize(2).allMatch(f -> f.kind() == Frame.Kind.ACK);
        assertThat(linkB.stats().duplicatesDropped).isEqualTo(1);
    }

    @Test
    void shouldHoldAnOutOfOrderMessageAndReleaseItInOrder() {
        linkA.send(ctxA, B, Payloads.numbered(1, 0));
        linkA.send(ctxA, B, Payloads.numbered(2, 0));
        List<FakeContext.Sent> frames = ctxA.drain();
        linkB.onFrame(ctxB, A, frames.get(1).bytes());
        assertThat(atB.delivered).as("m2 waits for m1").isEmpty();
        assertThat(linkB.buffered(A)).isEqualTo(1);
        linkB.onFrame(ctxB, A, frames.get(0).bytes());
        assertThat(atB.delivered).containsExactly("m1", "m2");
        assertThat(linkB.nConsecutive(A)).isEqualTo(2);
        assertThat(linkB.nProcessed(A)).isEqualTo(2);
    }

    @Test
    void shouldDropACorruptedFrameAsIfLost() {
        linkA.send(ctxA, B, Payloads.numbered(1, 0));
        byte[] frame = ctxA.drain().get(0).bytes();
        frame[frame.length / 2] ^= 0x10;
        linkB.onFrame(ctxB, A, frame);
        assertThat(atB.delivered).isEmpty();
        assertThat(ctxB.sent).as("no ack for a corrupted frame").isEmpty();
        assertThat(linkB.stats().corruptDropped).isEqualTo(1);
    }

    @Test
    void shouldPushBackWhenTheWindowIsFullAndSayWhenThereIsRoom() {
        for (int i = 1; i <= 4; i++) {
            assertThat(linkA.send(ctxA, B, Payloads.numbered(i, 0))).isTrue();
        }
        assertThat(linkA.send(ctxA, B, Payloads.numbered(5, 0))).as("window of 4 full").isFalse();
        List<FakeContext.Sent> frames = ctxA.drain();
        linkB.onFrame(ctxB, A, frames.get(0).bytes());
        linkA.onFrame(ctxA, B, ctxB.drain().get(0).bytes());
        assertThat(atA.writable).as("the application is told there is room").isEqualTo(1);
        assertThat(linkA.send(ctxA, B, Payloads.numbered(5, 0))).isTrue();
    }

    @Test
    void shouldNumberARestartedSendersMessagesInANewIncarnation() {
        // given a sender that persists its incarnation, restarted once
        WindowedPerfectLink first = new WindowedPerfectLink(WindowedPerfectLink.Config.defaults().withPersistIncarnation(true), atA);
        first.onStart(ctxA);
        first.send(ctxA, B, Payloads.numbered(1, 0));
        linkB.onFrame(ctxB, A, ctxA.drain().get(0).bytes());
        WindowedPerfectLink second = new WindowedPerfectLink(WindowedPerfectLink.Config.defaults().withPersistIncarnation(true), atA);
        second.onStart(ctxA);
        // when its new life sends its own #1
        second.send(ctxA, B, Payloads.padded("new-life-1", 0));
        linkB.onFrame(ctxB, A, ctxA.drain().get(0).bytes());
        // then the receiver does not mistake it for a duplicate
        assertThat(second.incarnation()).isEqualTo(first.incarnation() + 1);
        assertThat(atB.delivered).containsExactly("m1", "new-life-1");
    }
}
