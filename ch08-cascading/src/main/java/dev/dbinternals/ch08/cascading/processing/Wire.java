package dev.dbinternals.ch08.cascading.processing;

import dev.dbinternals.ch08.harness.codec.Codec;

/**
 * The messages of the queueing and retry simulations, and their codec.
 *
 * <p>Book: Chapter 8, "Processing" (프로세싱): a request is bytes on the wire, waits in the
 * receiver's queue, and only then is processed. The sender stamps each request with its own
 * monotonic clock and the server echoes the stamp, so the sender measures latency with its own
 * clock (never another node's, see "Clocks and Time" / 클럭과 시간).
 */
public final class Wire {

    private Wire() {
    }

    /** A unit of work for a server. {@code key} routes it; {@code attempt} is 1 for the first try. */
    public record Request(long id, long sentNanos, int attempt, int key) {
    }

    /** The server finished the request; {@code waitNanos} is how long it sat in the queue. */
    public record Response(long id, long sentNanos, int attempt, long waitNanos) {
    }

    /** The server's queue was full: the request was refused without being queued. */
    public record Rejected(long id, long sentNanos, int attempt, int queueLength) {
    }

    /** The codec for the records above. Immutable and thread-safe. */
    public static final Codec CODEC = Codec.builder()
            .register(1, Request.class)
            .register(2, Response.class)
            .register(3, Rejected.class)
            .build();
}
