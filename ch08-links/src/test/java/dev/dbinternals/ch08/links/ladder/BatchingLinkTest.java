package dev.dbinternals.ch08.links.ladder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbinternals.ch08.harness.Address;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link BatchingLink} by hand: one frame of the link below carries a handler's messages, in order; a malformed batch is dropped whole. */
class BatchingLinkTest {

    private static final Address A = Address.of("A");
    private static final Address B = Address.of("B");

    private final FakeContext ctxA = new FakeContext("A");
    private final FakeContext ctxB = new FakeContext("B");
    private final PerfectLinkUnitTest.Recorder atA = new PerfectLinkUnitTest.Recorder();
    private final PerfectLinkUnitTest.Recorder atB = new PerfectLinkUnitTest.Recorder();
    private final BatchingLink linkA = new BatchingLink(1024, l -> new PerfectLink(Duration.ofMillis(20), l), atA);
    private final BatchingLink linkB = new BatchingLink(1024, l -> new PerfectLink(Duration.ofMillis(20), l), atB);

    @Test
    void shouldCarryTheMessagesOfOneHandlerInOneFrameAndDeliverThemInOrder() {
        // given three messages sent in one handler run
        for (int i = 1; i <= 3; i++) {
            assertThat(linkA.send(ctxA, B, Payloads.numbered(i, 0))).isTrue();
        }
        // when the flush timer fires
        linkA.onTimer(ctxA, ctxA.takeLastTimerTag());
        List<FakeContext.Sent> frames = ctxA.drain();
        // then one frame leaves, and B delivers the three messages in order
        assertThat(frames).hasSize(1);
        linkB.onFrame(ctxB, A, frames.get(0).bytes());
        assertThat(atB.delivered).containsExactly("m1", "m2", "m3");
        assertThat(linkB.stats().delivered).isEqualTo(3);
    }

    @Test
    void shouldDropAMalformedBatchWholeAndNoteWhy() {
        // given a batch whose second length field points past its end
        byte[] bad = ByteBuffer.allocate(4 + 2 + 4).putInt(2).put("m1".getBytes()).putInt(99).array();
        // when the link below delivers it
        linkB.delivered(ctxB, A, bad);
        // then nothing is delivered (not even m1: the batch is not half-processed) and the trace says why
        assertThat(atB.delivered).isEmpty();
        assertThat(ctxB.notes).singleElement().asString().startsWith("malformed batch ignored");
    }
}
