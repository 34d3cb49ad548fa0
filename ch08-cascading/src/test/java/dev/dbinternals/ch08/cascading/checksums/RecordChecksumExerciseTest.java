package dev.dbinternals.ch08.cascading.checksums;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbinternals.ch08.harness.sim.Seeds;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Exercise cascading-5. Wrong solutions these tests reject (kept under
 * {@code src/wrong/cascading-5--*}): delegating to {@code Replication}'s public validation, which
 * checks nothing ({@code shouldDetectEverySingleBitFlipInKeyAndVersion}); a checksum over the
 * value alone, blind to a flipped version ({@code shouldDetectEverySingleBitFlipInKeyAndVersion});
 * the fields in little-endian order, so the reader's CRC never matches the writer's
 * ({@code shouldAgreeWithTheWritersChecksumLayout}).
 */
@Tag("exercise")
@DisplayName("cascading-5: checksum validation of replicated records")
class RecordChecksumExerciseTest {

    /** The writer's layout, computed here byte by byte so the test does not lean on any code under test. */
    private static int writers(int key, long version, String value) {
        byte[] head = new byte[12];
        for (int i = 0; i < 4; i++) {
            head[i] = (byte) (key >>> (24 - 8 * i));
        }
        for (int i = 0; i < 8; i++) {
            head[4 + i] = (byte) (version >>> (56 - 8 * i));
        }
        CRC32C c = new CRC32C();
        c.update(head);
        c.update(value.getBytes(StandardCharsets.UTF_8));
        return (int) c.getValue();
    }

    private static Replication.Rec rec(int key, long version, String value) {
        return new Replication.Rec(key, version, value, writers(key, version, value));
    }

    @Test
    void shouldAgreeWithTheWritersChecksumLayout() {
        Seeds.check("crc layout", 5, seed -> {
            SplittableRandom r = new SplittableRandom(seed);
            for (int i = 0; i < 200; i++) {
                int key = r.nextInt();
                long version = r.nextLong();
                String value = "value-" + r.nextInt(1_000_000) + (i % 3 == 0 ? "-한글" : "");
                int yours = RecordChecksum.crc32c(key, version, value);
                assertThat(yours == writers(key, version, value))
                        .as(t("your CRC32C of (key %d, version %d, value %s) is %08x, not what the writer stamped on it:"
                                + " check the fields, their order, sizes and byte order",
                                "직접 계산한 (키 %d, 버전 %d, 값 %s)의 CRC32C는 %08x로, 쓰는 쪽이 붙인 값과 달라요:"
                                + " 필드와 그 순서, 크기, 바이트 순서를 확인하세요"), key, version, value, yours).isTrue();
            }
        });
    }

    @Test
    void shouldDetectEverySingleBitFlipInKeyAndVersion() {
        Replication.Rec good = rec(17, 1234, "value-1234");
        assertThat(RecordChecksum.isIntact(good)).as(t("an untouched record is intact", "손대지 않은 레코드는 온전해야 해요")).isTrue();
        for (int bit = 0; bit < 32; bit++) {
            Replication.Rec bad = new Replication.Rec(good.key() ^ (1 << bit), good.version(), good.value(), good.crc());
            assertThat(RecordChecksum.isIntact(bad)).as(t("key bit %d flipped, called intact", "키의 비트 %d가 뒤집혔는데 온전하다고 했어요"), bit).isFalse();
        }
        for (int bit = 0; bit < 64; bit++) {
            Replication.Rec bad = new Replication.Rec(good.key(), good.version() ^ (1L << bit), good.value(), good.crc());
            assertThat(RecordChecksum.isIntact(bad)).as(t("version bit %d flipped, called intact", "버전의 비트 %d가 뒤집혔는데 온전하다고 했어요"), bit).isFalse();
        }
        assertThat(RecordChecksum.isIntact(new Replication.Rec(17, 1234, "value-1235", good.crc())))
                .as(t("a changed value, called intact", "값이 바뀌었는데 온전하다고 했어요")).isFalse();
        assertThat(RecordChecksum.isIntact(new Replication.Rec(17, 1234, "value-1234", good.crc() ^ 4)))
                .as(t("a changed checksum, called intact", "체크섬이 바뀌었는데 온전하다고 했어요")).isFalse();
        assertThat(RecordChecksum.isIntact(new Replication.Rec(17, 1234, null, good.crc()))).as(t("a null value, called intact", "값이 null인데 온전하다고 했어요")).isFalse();
    }

    @Test
    void shouldKeepEveryReplicaFreeOfCorruptRecords() {
        Seeds.check("replication with your checksum validation", 3, seed -> {
            Replication.Result r = Replication.run(seed, RecordChecksum::isIntact, 0.02, 500);
            assertThat(r.corruptedFrames()).as(t("the network did corrupt frames", "네트워크는 실제로 프레임을 손상시켰어요")).isPositive();
            assertThat(r.corruptSlots()).as(t("records stored on the replicas that the writer never wrote", "쓰는 쪽이 쓴 적 없는데 복제본에 저장된 레코드")).isZero();
            assertThat(r.refusedByChecksum()).as(t("damaged records refused by your check", "직접 만든 검사가 거부한 손상 레코드")).isPositive();
            assertThat(r.keysPerReplica()).as(t("keys on each replica (40 written): intact records must be accepted", "복제본마다의 키 수(40개 씀): 온전한 레코드는 받아들여야 해요")).isEqualTo(40);
        });
    }
}
