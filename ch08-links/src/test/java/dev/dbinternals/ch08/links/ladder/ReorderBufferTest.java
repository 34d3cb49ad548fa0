package dev.dbinternals.ch08.links.ladder;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReorderBufferTest {

    private static List<Long> drain(ReorderBuffer b) {
        List<Long> out = new ArrayList<>();
        while (b.hasNext()) {
            out.add(Payloads.number(b.next()));
        }
        return out;
    }

    @Test
    void shouldHoldOutOfOrderMessagesUntilTheGapFills() {
        ReorderBuffer b = new ReorderBuffer(8);
        assertThat(b.receive(2, Payloads.numbered(2, 0))).isEqualTo(ReorderBuffer.Outcome.HELD_OUT_OF_ORDER);
        assertThat(b.receive(3, Payloads.numbered(3, 0))).isEqualTo(ReorderBuffer.Outcome.HELD_OUT_OF_ORDER);
        assertThat(b.nConsecutive()).isZero();
        assertThat(drain(b)).isEmpty();
        assertThat(b.receive(1, Payloads.numbered(1, 0))).isEqualTo(ReorderBuffer.Outcome.ACCEPTED_IN_ORDER);
        assertThat(b.nConsecutive()).as("n_consecutive jumps over the held run").isEqualTo(3);
        assertThat(b.nProcessed()).as("nothing processed until the application takes it").isZero();
        assertThat(drain(b)).containsExactly(1L, 2L, 3L);
        assertThat(b.nProcessed()).isEqualTo(3);
        assertThat(b.buffered()).isZero();
    }

    @Test
    void shouldCallEverythingAtOrBelowNConsecutiveADuplicate() {
        ReorderBuffer b = new ReorderBuffer(8);
        b.receive(1, Payloads.numbered(1, 0));
        drain(b);
        b.receive(3, Payloads.numbered(3, 0));
        assertThat(b.receive(1, Payloads.numbered(1, 0))).isEqualTo(ReorderBuffer.Outcome.DUPLICATE);
        assertThat(b.receive(3, Payloads.numbered(3, 0))).as("already held").isEqualTo(ReorderBuffer.Outcome.DUPLICATE);
    }

    @Test
    void shouldRefuseMessagesBeyondTheWindowSoMemoryStaysBounded() {
        ReorderBuffer b = new ReorderBuffer(4);
        assertThat(b.receive(5, Payloads.numbered(5, 0))).isEqualTo(ReorderBuffer.Outcome.BEYOND_WINDOW);
        assertThat(b.receive(4, Payloads.numbered(4, 0))).isEqualTo(ReorderBuffer.Outcome.HELD_OUT_OF_ORDER);
        assertThat(b.buffered()).isEqualTo(1);
    }

    @Test
    void shouldSkipWhatAnEarlierLifeAlreadyProcessed() {
        // given a fresh buffer (the receiver restarted) and a sender saying 1..10 were acknowledged
        ReorderBuffer b = new ReorderBuffer(4);
        assertThat(b.skipTo(10)).as("nothing held, nothing released").isEmpty();
        assertThat(b.nProcessed()).isEqualTo(10);
        assertThat(b.receive(10, Payloads.numbered(10, 0))).isEqualTo(ReorderBuffer.Outcome.DUPLICATE);
        assertThat(b.receive(11, Payloads.numbered(11, 0))).isEqualTo(ReorderBuffer.Outcome.ACCEPTED_IN_ORDER);
        assertThat(drain(b)).containsExactly(11L);
    }

    @Test
    void shouldReleaseRatherThanDropAHeldMessageThatTheSenderCountsAsAcknowledged() {
        // given a fresh life holding m4 behind a gap (m2, m3 were processed by an earlier life)
        ReorderBuffer b = new ReorderBuffer(8);
        b.skipTo(1);
        assertThat(b.receive(4, Payloads.numbered(4, 0))).isEqualTo(ReorderBuffer.Outcome.HELD_OUT_OF_ORDER);
        // when the sender says everything up to 4 is acknowledged (1..3 by the earlier life, 4 by this one)
        List<byte[]> released = b.skipTo(4);
        // then m4 is handed over for processing, not thrown away
        assertThat(released).extracting(Payloads::number).containsExactly(4L);
        assertThat(b.nProcessed()).isEqualTo(4);
        assertThat(b.buffered()).isZero();
    }
}
