package dev.dbinternals.ch08.cascading.checksums;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbinternals.ch08.harness.sim.Seeds;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("exercise")
@DisplayName("cascading-5: checksum validation of replicated records")
class RecordChecksumExerciseTest {

    @Test
    void shouldAgreeWithTheWritersChecksumLayout() {
        Seeds.check("crc layout", 5, seed -> {
            SplittableRandom r = new SplittableRandom(seed);
            for (int i = 0; i < 200; i++) {
                int key = r.nextInt();
                long version = r.nextLong();
                String value = "value-" + r.nextInt(1_000_000) + (i % 3 == 0 ? "-한글" : "");
                assertThat(RecordChecksum.crc32c(key, version, value)).as("crc of (%d, %d, %s)", key, version, value)
                        .isEqualTo(Replication.crc32c(key, version, value));
            }
        });
    }

    @Test
    void shouldDetectEverySingleBitFlipInKeyAndVersion() {
        Replication.Rec good = Replication.Rec.of(17, 1234, "value-1234");
        assertThat(RecordChecksum.isIntact(good)).as("an untouched record is intact").isTrue();
        for (int bit = 0; bit < 32; bit++) {
            Replication.Rec bad = new Replication.Rec(good.key() ^ (1 << bit), good.version(), good.value(), good.crc());
            assertThat(RecordChecksum.isIntact(bad)).as("key bit %d flipped", bit).isFalse();
        }
        for (int bit = 0; bit < 64; bit++) {
            Replication.Rec bad = new Replication.Rec(good.key(), good.version() ^ (1L << bit), good.value(), good.crc());
            assertThat(RecordChecksum.isIntact(bad)).as("version bit %d flipped", bit).isFalse();
        }
        assertThat(RecordChecksum.isIntact(new Replication.Rec(17, 1234, "value-1235", good.crc())))
                .as("a changed value").isFalse();
        assertThat(RecordChecksum.isIntact(new Replication.Rec(17, 1234, null, good.crc()))).as("a null value").isFalse();
    }

    @Test
    void shouldKeepEveryReplicaFreeOfCorruptRecords() {
        Seeds.check("replication with your checksum validation", 3, seed -> {
            Replication.Result r = Replication.run(seed, RecordChecksum::isIntact, 0.02, 500);
            assertThat(r.corruptedFrames()).as("the network did corrupt frames").isPositive();
            assertThat(r.corruptSlots()).as("corrupt records stored on any replica").isZero();
            assertThat(r.refusedByChecksum()).as("damaged records refused by your check").isPositive();
        });
    }
}
