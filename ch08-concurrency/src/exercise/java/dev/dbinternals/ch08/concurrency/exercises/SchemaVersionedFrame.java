package dev.dbinternals.ch08.concurrency.exercises;

import dev.dbinternals.ch08.concurrency.replication.Schema;
import dev.dbinternals.ch08.concurrency.replication.SchemaFrame.SchemaMismatchException;
import dev.dbinternals.ch08.harness.exercise.NotDoneYet;

/**
 * Exercise conc-7: reject rows encoded with another schema version.
 *
 * <p>Book: Chapter 8, "State Consistency" (상태 일관성). A frame is the schema version as a
 * 4-byte big-endian int followed by the encoded row ({@code ByteBuffer.putInt} order).
 * {@link #wrap} builds one; {@link #unwrap} returns the row bytes if the frame's version equals
 * {@code schema.version()}, and otherwise throws {@link SchemaMismatchException} (constructor:
 * frame version, local version), never decoding with the wrong schema.
 */
public final class SchemaVersionedFrame {

    private SchemaVersionedFrame() {
    }

    public static byte[] wrap(Schema schema, byte[] row) {
        throw new NotDoneYet("conc-7", "ch08-concurrency/src/exercise/java/dev/dbinternals/ch08/concurrency/exercises/SchemaVersionedFrame.java", "prefix the row with the schema version (4 bytes)",
                "행 앞에 스키마 버전(4바이트)을 붙이도록 구현하세요.");
    }

    public static byte[] unwrap(Schema schema, byte[] frame) {
        throw new NotDoneYet("conc-7", "ch08-concurrency/src/exercise/java/dev/dbinternals/ch08/concurrency/exercises/SchemaVersionedFrame.java",
                "return the row if the frame's schema version matches, else throw SchemaMismatchException",
                "프레임의 스키마 버전이 맞으면 행을 돌려주고, 아니면 SchemaMismatchException을 던지도록 구현하세요.");
    }
}
