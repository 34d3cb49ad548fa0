package dev.dbinternals.ch08.harness.codec;

/**
 * The codec's own error: a frame that is garbage, truncated, too big, of an unknown type,
 * fails its checksum, or a message that cannot be encoded. Unchecked, so a node can catch it
 * and drop the frame (what a real server does with a bad packet).
 *
 * <p>Book: Chapter 8, "Cascading Failures" (계단식 장애): corrupted data must be detected, not
 * processed. Immutable and thread-safe.
 */
public final class CodecException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CodecException(String message) {
        super(message);
    }

    public CodecException(String message, Throwable cause) {
        super(message, cause);
    }
}
