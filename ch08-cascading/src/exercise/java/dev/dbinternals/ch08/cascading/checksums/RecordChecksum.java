package dev.dbinternals.ch08.cascading.checksums;

import dev.dbinternals.ch08.harness.exercise.NotDoneYet;

/**
 * Exercise cascading-5: checksum (체크섬) validation of replicated records.
 *
 * <p>The writer stamps each {@link Replication.Rec} with a CRC32C ({@link java.util.zip.CRC32C})
 * over: the key as 4 bytes big-endian, the version as 8 bytes big-endian, then the value's
 * UTF-8 bytes. Compute the same thing, and use it to tell intact records from damaged ones, so
 * a replica can refuse a record before it overwrites a good one. ({@link Replication} keeps its
 * own check private: this one is yours.)
 */
public final class RecordChecksum {

    private RecordChecksum() {
    }

    /** The CRC32C of (key, version, value) in the layout above, as an int. */
    public static int crc32c(int key, long version, String value) {
        throw new NotDoneYet("cascading-5", "ch08-cascading/src/exercise/java/dev/dbinternals/ch08/cascading/checksums/RecordChecksum.java",
                "return the CRC32C of the record's fields, in the layout the writer uses (the javadoc)",
                "레코드 필드의 CRC32C를 쓰는 쪽과 같은 배치(javadoc)로 계산해 돌려주세요.");
    }

    /** True when the record's stored checksum matches its contents (a null value is never intact). */
    public static boolean isIntact(Replication.Rec r) {
        throw new NotDoneYet("cascading-5", "ch08-cascading/src/exercise/java/dev/dbinternals/ch08/cascading/checksums/RecordChecksum.java",
                "tell a record that arrived as the writer made it from one with any field changed",
                "쓰는 쪽이 만든 그대로 도착한 레코드와 필드가 하나라도 바뀐 레코드를 구별하세요.");
    }
}
