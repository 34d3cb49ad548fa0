package dev.dbinternals.ch08.harness.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbinternals.ch08.harness.codec.CodecTest.Batch;
import dev.dbinternals.ch08.harness.codec.CodecTest.Ping;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * 10^5 random frames and 10^5 bit-flipped frames: the codec may only answer with a message or
 * with its own {@link CodecException}; with a checksum, no corrupted frame may decode at all.
 * Seeded, so a failure replays.
 */
@Tag("slow") // 10^5 random and bit-flipped frames: the newest-JDK build in CI leaves it to the main run
class CodecFuzzTest {

    static final int N = 100_000;

    static Object randomMessage(SplittableRandom r) {
        Ping p = CodecTest.ping(r.nextInt(1000));
        if (r.nextBoolean()) {
            return p;
        }
        List<Integer> nums = new ArrayList<>();
        for (int i = r.nextInt(4); i > 0; i--) {
            nums.add(r.nextInt());
        }
        return new Batch(List.of(p), nums, List.of("t" + r.nextInt(9)), r.nextBoolean() ? null : CodecTest.ping(2),
                (byte) r.nextInt(), (short) r.nextInt());
    }

    /** Records compare arrays by identity; compare by re-encoding instead. */
    static boolean same(Codec c, Object a, Object b) {
        return java.util.Arrays.equals(c.encode(a), c.encode(b));
    }

    @Test
    void shouldAnswerRandomBytesOnlyWithAMessageOrCodecException() {
        SplittableRandom r = new SplittableRandom(42);
        int rejected = 0;
        for (int i = 0; i < N; i++) {
            byte[] g = new byte[r.nextInt(64)];
            r.nextBytes(g);
            if (r.nextInt(4) == 0 && g.length > 0) {
                g[0] = (byte) (1 + r.nextInt(2)); // a valid type id, so the field decoders get exercised
            }
            try {
                Objects.requireNonNull(CodecTest.CODEC.decode(g));
            } catch (CodecException e) {
                rejected++;
            }
        }
        assertThat(rejected).as("almost all garbage is rejected").isGreaterThan(N * 9 / 10);
    }

    @Test
    void shouldNeverDecodeACorruptedFrameWhenChecksummed() {
        SplittableRandom r = new SplittableRandom(43);
        for (int i = 0; i < N; i++) {
            byte[] f = CodecTest.CHECKED.encode(randomMessage(r));
            flip(f, r);
            try {
                Object m = CodecTest.CHECKED.decode(f);
                throw new AssertionError("iteration " + i + ": a corrupted frame decoded into " + m);
            } catch (CodecException expected) {
                assertThat(expected.getMessage()).contains("checksum");
            }
        }
    }

    @Test
    void shouldSometimesDecodeACorruptedFrameIntoADifferentMessageWithoutAChecksum() {
        // This is why checksums exist: without one a flipped bit in a number is just another number.
        SplittableRandom r = new SplittableRandom(44);
        int falseDecodes = 0;
        for (int i = 0; i < N; i++) {
            Object m = randomMessage(r);
            byte[] f = CodecTest.CODEC.encode(m);
            flip(f, r);
            try {
                Object back = CodecTest.CODEC.decode(f);
                if (!same(CodecTest.CODEC, m, back)) {
                    falseDecodes++;
                }
            } catch (CodecException e) {
                // detected by structure (bad length, bad boolean, bad UTF-8, trailing bytes...)
            }
        }
        System.out.printf("without a checksum, %d of %d corrupted frames decoded into a different valid message%n",
                falseDecodes, N);
        assertThat(falseDecodes).isGreaterThan(N / 10);
    }

    static void flip(byte[] f, SplittableRandom r) {
        int flips = 1 + r.nextInt(3);
        int[] done = new int[flips];
        for (int k = 0; k < flips; k++) {
            int bit;
            boolean seen;
            do {
                bit = r.nextInt(f.length * 8);
                seen = false;
                for (int j = 0; j < k; j++) {
                    seen |= done[j] == bit;
                }
            } while (seen);
            done[k] = bit;
            f[bit >>> 3] ^= (byte) (1 << (bit & 7));
        }
    }
}
