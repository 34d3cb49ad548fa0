// Wrong solution for cascading-5: a checksum over the value alone lets a record with a flipped version bit through, and that record wins last-writer-wins everywhere.
package dev.dbinternals.ch08.cascading.checksums;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * Exercise cascading-5 (reference solution): CRC32C over (key, version, value). Thread-safe.
 */
public final class RecordChecksum {

    private RecordChecksum() {
    }

    public static int crc32c(int key, long version, String value) {
        CRC32C c = new CRC32C();
        c.update(value.getBytes(StandardCharsets.UTF_8));
        return (int) c.getValue();
    }

    public static boolean isIntact(Replication.Rec r) {
        return r.value() != null && crc32c(r.key(), r.version(), r.value()) == r.crc();
    }
}
