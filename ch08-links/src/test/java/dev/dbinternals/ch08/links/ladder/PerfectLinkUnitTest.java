package dev.dbinternals.ch08.links.ladder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The book's {@link PerfectLink} driven by hand, frame by frame, without a network: what it does,
 * and the two things it does not survive (a restarted sender, a restarted receiver), which
 * {@link WindowedPerfectLink} handles (see {@link WindowedPerfectLinkTest}).
 */
class PerfectLinkUnitTest {

    private static final Address A = Address.of("A");
    private static final Address B = Address.of("B");
    private static final Duration T = Duration.ofMillis(20);

    static final class Recorder implements LinkListener {
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
    private final PerfectLink linkA = new PerfectLink(T, atA);
    private final PerfectLink linkB = new PerfectLink(T, atB);

    @Test
    void shouldRetransmitALostMessageEveryPeriodUntilAcknowledged() {
        // given m1 sent and lost
        linkA.send(ctxA, B, Payloads.numbered(1, 0));
        ctxA.drain();
        // when the retransmission timer fires after the period
        ctxA.advance(T);
        linkA.onTimer(ctxA, ctxA.takeLastTimerTag());
        // then m1 goes out again and, once it arrives, is delivered and acknowledged
        List<FakeContext.Sent> again = ctxA.drain();
        assertThat(again).singleElement().extracting(s -> s.frame().seq()).isEqualTo(1L);
        linkB.onFrame(ctxB, A, again.get(0).bytes());
        assertThat(atB.delivered).containsExactly("m1");
        linkA.onFrame(ctxA, B, ctxB.drain().get(0).bytes());
        assertThat(linkA.allAcknowledged()).isTrue();
        assertThat(linkA.stats().retransmissions).isEqualTo(1);
        // and once everything is acknowledged the timer resends nothing and is not set again
        linkA.onTimer(ctxA, ctxA.takeLastTimerTag());
        assertThat(ctxA.drain()).isEmpty();
        assertThat(ctxA.timers).as("no timer left running").isEmpty();
    }

    @Test
    void shouldStopResendingEverythingACumulativeAcknowledgementCovers() {
        // given m1..m3 delivered, and only the last acknowledgement (n_consecutive=3) coming back
        for (int i = 1; i <= 3; i++) {
            linkA.send(ctxA, B, Payloads.numbered(i, 0));
        }
        ctxA.drain().forEach(s -> linkB.onFrame(ctxB, A, s.bytes()));
        List<FakeContext.Sent> acks = ctxB.drain();
        linkA.onFrame(ctxA, B, acks.get(2).bytes());
        // then A knows all three arrived, and resends none of them
        assertThat(linkA.allAcknowledged()).isTrue();
        ctxA.advance(T);
        linkA.onTimer(ctxA, ctxA.takeLastTimerTag());
        assertThat(ctxA.drain()).isEmpty();
    }

    @Test
    void shouldRefuseAnAcknowledgementForASequenceNumberItNeverSent() {
        // given m1 and m2 sent, both lost, so both are unacknowledged
        linkA.send(ctxA, B, Payloads.numbered(1, 0));
        linkA.send(ctxA, B, Payloads.numbered(2, 0));
        ctxA.drain();
        // when acks arrive (valid CRC32C) naming numbers A never sent: #3, and n_consecutive=1000
        linkA.onFrame(ctxA, B, Frame.ack(0, 3, 0).encode());
        linkA.onFrame(ctxA, B, Frame.ack(0, 1, 1000).encode());
        // then both are dropped and both messages are resent when the period ends
        assertThat(linkA.stats().implausibleAcksDropped).isEqualTo(2);
        assertThat(linkA.allAcknowledged()).isFalse();
        ctxA.advance(T);
        linkA.onTimer(ctxA, ctxA.takeLastTimerTag());
        assertThat(ctxA.drain()).extracting(x -> x.frame().seq()).containsExactly(1L, 2L);
        // and a genuine cumulative ack up to 2 (the highest number sent) is taken
        linkA.onFrame(ctxA, B, Frame.ack(0, 2, 2).encode());
        assertThat(linkA.allAcknowledged()).isTrue();
        assertThat(linkA.stats().implausibleAcksDropped).isEqualTo(2);
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
        assertThat(linkB.receiverState(A)).isEqualTo(new PerfectLink.ReceiverState(0, 0, 1));
        linkB.onFrame(ctxB, A, frames.get(0).bytes());
        assertThat(atB.delivered).containsExactly("m1", "m2");
        assertThat(linkB.receiverState(A)).isEqualTo(new PerfectLink.ReceiverState(2, 2, 0));
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
    void shouldTakeARestartedSendersNewMessagesForDuplicates() {
        // given m1 delivered, then the sender restarts with a fresh link (its numbers were in memory)
        linkA.send(ctxA, B, Payloads.numbered(1, 0));
        linkB.onFrame(ctxB, A, ctxA.drain().get(0).bytes());
        PerfectLink restarted = new PerfectLink(T, atA);
        // when its new life sends a new message, numbered 1 again
        restarted.send(ctxA, B, Payloads.padded("new-life-1", 0));
        linkB.onFrame(ctxB, A, ctxA.drain().get(0).bytes());
        // then the receiver drops it as a duplicate of m1 (and acknowledges it, so it is never resent):
        // reliable delivery is lost across a sender restart (WindowedPerfectLink's incarnations fix this)
        assertThat(atB.delivered).containsExactly("m1");
        restarted.onFrame(ctxA, B, ctxB.drain().get(1).bytes());
        assertThat(restarted.allAcknowledged()).as("the sender believes new-life-1 arrived").isTrue();
    }

    @Test
    void shouldLeaveARestartedReceiverWaitingForNumbersTheSenderWillNeverResend() {
        // given m1..m3 delivered and acknowledged, then the receiver restarts with a fresh link
        for (int i = 1; i <= 3; i++) {
            linkA.send(ctxA, B, Payloads.numbered(i, 0));
        }
        ctxA.drain().forEach(s -> linkB.onFrame(ctxB, A, s.bytes()));
        ctxB.drain().forEach(s -> linkA.onFrame(ctxA, B, s.bytes()));
        assertThat(linkA.allAcknowledged()).isTrue();
        Recorder afterRestart = new Recorder();
        PerfectLink restartedB = new PerfectLink(T, afterRestart);
        // when m4 arrives at the new life, whose n_consecutive is 0 again
        linkA.send(ctxA, B, Payloads.numbered(4, 0));
        restartedB.onFrame(ctxB, A, ctxA.drain().get(0).bytes());
        ctxB.drain().forEach(s -> linkA.onFrame(ctxA, B, s.bytes()));
        // then m4 waits behind 1..3 for good: the sender saw m4 acknowledged (selectively) and will not resend anything
        assertThat(afterRestart.delivered).isEmpty();
        assertThat(restartedB.receiverState(A)).isEqualTo(new PerfectLink.ReceiverState(0, 0, 1));
        assertThat(linkA.allAcknowledged()).isTrue();
    }
}
