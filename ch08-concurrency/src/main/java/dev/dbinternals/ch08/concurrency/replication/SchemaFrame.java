package dev.dbinternals.ch08.concurrency.replication;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

import java.nio.ByteBuffer;

/**
 * The fix for schema disagreement: every encoded row travels with the schema version it was
 * encoded with, and a node whose schema differs rejects it instead of guessing.
 *
 * <p>Book: Chapter 8, "State Consistency" (상태 일관성). {@link #wrap} and {@link #unwrap} are
 * what the demos' nodes run; they are package-private so that exercise conc-7
 * ({@code SchemaVersionedFrame}) cannot pass by calling them. A replica takes any
 * {@link Unwrapper}. Stateless.
 */
public final class SchemaFrame {

    private SchemaFrame() {
    }

    /** Thrown when a frame was encoded with another schema version than the receiver's. */
    public static final class SchemaMismatchException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public SchemaMismatchException(int frameVersion, int localVersion) {
            super(t("frame encoded with schema version " + frameVersion + ", this node has version " + localVersion,
                    "프레임을 인코딩한 스키마 버전은 " + frameVersion + "인데 이 노드의 버전은 " + localVersion + "이다"));
        }
    }

    /** The schema version (4 bytes), then the row. */
    static byte[] wrap(Schema schema, byte[] row) {
        return ByteBuffer.allocate(4 + row.length).putInt(schema.version()).put(row).array();
    }

    /** The row, if the frame's schema version is {@code schema}'s; otherwise {@link SchemaMismatchException}. */
    static byte[] unwrap(Schema schema, byte[] frame) {
        if (frame.length < 4) {
            throw new IllegalArgumentException("a frame needs a 4-byte schema version, got " + frame.length + " bytes");
        }
        ByteBuffer buf = ByteBuffer.wrap(frame);
        int version = buf.getInt();
        if (version != schema.version()) {
            throw new SchemaMismatchException(version, schema.version());
        }
        byte[] row = new byte[buf.remaining()];
        buf.get(row);
        return row;
    }

    /** Functional form, so nodes can be given the reader's own check. */
    @FunctionalInterface
    public interface Unwrapper {
        byte[] unwrap(Schema schema, byte[] frame);
    }
}
