package dev.dbinternals.ch08.links.ladder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FrameTest {

    @Test
    void shouldRoundTripADataFrameAndAnAck() {
        Frame d = Frame.decode(Frame.data(3, 17, 9, Payloads.numbered(17, 40)).encode());
        assertThat(d.kind()).isEqualTo(Frame.Kind.DATA);
        assertThat(d.incarnation()).isEqualTo(3);
        assertThat(d.seq()).isEqualTo(17);
        assertThat(d.upTo()).isEqualTo(9);
        assertThat(Payloads.describe(d.payload())).isEqualTo("m17");
        Frame a = Frame.decode(Frame.ack(3, 17, 16).encode());
        assertThat(a.kind()).isEqualTo(Frame.Kind.ACK);
        assertThat(a.upTo()).isEqualTo(16);
    }

    @Test
    void shouldDetectEverySingleBitFlip() {
        // given a frame, when any one of its bits is flipped, then decoding refuses it (CRC32C catches all single-bit errors)
        byte[] good = Frame.data(1, 42, 41, Payloads.numbered(42, 64)).encode();
        for (int bit = 0; bit < good.length * 8; bit++) {
            byte[] bad = good.clone();
            bad[bit / 8] ^= (byte) (1 << (bit % 8));
            int b = bit;
            assertThatThrownBy(() -> Frame.decode(bad)).as("bit %d flipped", b).isInstanceOf(Frame.CorruptFrameException.class);
        }
    }

    @Test
    void shouldRefuseGarbageWithAClearErrorAndNeverAllocateHugeArrays() {
        SplittableRandom rnd = new SplittableRandom(5);
        for (int i = 0; i < 10_000; i++) {
            byte[] garbage = new byte[rnd.nextInt(0, 80)];
            rnd.nextBytes(garbage);
            assertThatThrownBy(() -> Frame.decode(garbage)).isInstanceOf(Frame.CorruptFrameException.class);
        }
        assertThatThrownBy(() -> Frame.decode(new byte[3])).hasMessageContaining("too short");
    }

    @Test
    void shouldRejectAnOversizedPayloadWhenBuilding() {
        assertThatThrownBy(() -> Frame.data(0, 1, 0, new byte[Frame.MAX_PAYLOAD + 1]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exceeds");
    }
}
