// Wrong solution for conc-7: the version is written in the machine's little-endian order, not the big-endian order the frame format says.
package dev.dbinternals.ch08.concurrency.exercises;

import dev.dbinternals.ch08.concurrency.replication.Schema;
import dev.dbinternals.ch08.concurrency.replication.SchemaFrame.SchemaMismatchException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/** Exercise conc-7. */
public final class SchemaVersionedFrame {

    private SchemaVersionedFrame() {
    }

    public static byte[] wrap(Schema schema, byte[] row) {
        return ByteBuffer.allocate(4 + row.length).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(schema.version()).put(row).array();
    }

    public static byte[] unwrap(Schema schema, byte[] frame) {
        int version = ByteBuffer.wrap(frame).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt();
        if (version != schema.version()) {
            throw new SchemaMismatchException(version, schema.version());
        }
        return Arrays.copyOfRange(frame, 4, frame.length);
    }
}
