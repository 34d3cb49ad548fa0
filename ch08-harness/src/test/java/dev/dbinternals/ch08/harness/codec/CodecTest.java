package dev.dbinternals.ch08.harness.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CodecTest {

    enum Color { RED, GREEN }

    sealed interface Msg permits Ping, Batch {
    }

    record Ping(int seq, long at, boolean urgent, double load, String who, byte[] body, Color color) implements Msg {
    }

    record Batch(List<Ping> pings, List<Integer> numbers, List<String> tags, Msg inner, byte b, short s) implements Msg {
    }

    static final Codec CODEC = Codec.builder().register(1, Ping.class).register(2, Batch.class).build();
    static final Codec CHECKED = Codec.builder().register(1, Ping.class).register(2, Batch.class).withChecksum().build();

    static Ping ping(int n) {
        return new Ping(n, -5L * n, n % 2 == 0, n / 3.0, "node-" + n + "한", new byte[] {1, 2, (byte) n}, Color.values()[n % 2]);
    }

    @Test
    void shouldRoundTripRecordsWithEveryFieldKind() {
        Batch b = new Batch(List.of(ping(1), ping(2)), List.of(-1, 0, Integer.MAX_VALUE, Integer.MIN_VALUE),
                List.of("a", ""), ping(3), (byte) -7, (short) -300);

        for (Codec c : List.of(CODEC, CHECKED)) {
            Batch back = c.decode(c.encode(b), Batch.class);
            assertThat(back.numbers()).isEqualTo(b.numbers());
            assertThat(back.tags()).isEqualTo(b.tags());
            assertThat(back.b()).isEqualTo((byte) -7);
            assertThat(back.s()).isEqualTo((short) -300);
            Ping p = (Ping) back.inner();
            assertThat(p.who()).isEqualTo("node-3한");
            assertThat(p.body()).containsExactly(1, 2, 3);
            assertThat(back.pings().get(1).at()).isEqualTo(-10L);
        }
    }

    @Test
    void shouldRoundTripNulls() {
        Ping p = new Ping(0, 0, false, 0, null, null, null);
        Ping back = CODEC.decode(CODEC.encode(p), Ping.class);
        assertThat(back.who()).isNull();
        assertThat(back.body()).isNull();
        assertThat(back.color()).isNull();
    }

    @Test
    void shouldRejectUnknownTypesTrailingBytesAndBadChecksumsWithItsOwnException() {
        assertThatThrownBy(() -> CODEC.decode(new byte[] {99})).isInstanceOf(CodecException.class).hasMessageContaining("unknown type id 99");
        byte[] ok = CODEC.encode(ping(4));
        byte[] longer = java.util.Arrays.copyOf(ok, ok.length + 1);
        assertThatThrownBy(() -> CODEC.decode(longer)).isInstanceOf(CodecException.class).hasMessageContaining("trailing");
        byte[] checked = CHECKED.encode(ping(4));
        checked[2] ^= 4;
        assertThatThrownBy(() -> CHECKED.decode(checked)).isInstanceOf(CodecException.class).hasMessageContaining("checksum");
        assertThatThrownBy(() -> CODEC.encode("not a record")).isInstanceOf(CodecException.class).hasMessageContaining("not registered");
        assertThatThrownBy(() -> Codec.builder().register(1, String.class)).hasMessageContaining("not a record");
    }
}
