// Wrong solution for cascading-5: the module's Replication validates records, so its public validation answers the exercise (the one it offers checks nothing).
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
        c.update(ByteBuffer.allocate(12).putInt(key).putLong(version).array()); // ByteBuffer is big-endian
        c.update(value.getBytes(StandardCharsets.UTF_8));
        return (int) c.getValue();
    }

    public static boolean isIntact(Replication.Rec r) {
        return Replication.noValidation().test(r); // the replication code already validates records
    }
}
