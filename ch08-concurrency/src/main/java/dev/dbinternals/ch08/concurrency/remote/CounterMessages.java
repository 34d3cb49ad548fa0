package dev.dbinternals.ch08.concurrency.remote;

import dev.dbinternals.ch08.harness.codec.Codec;

/**
 * The wire protocol of the remote counter: a client reaches the shared state only through
 * these messages (분산 시스템의 자원 공유). Every request carries a request id: the server can
 * use it to recognise a retry, and the client to match a reply to its request.
 *
 * <p>Book: Chapter 8, "Shared State in a Distributed System" (분산 시스템의 자원 공유).
 */
public final class CounterMessages {

    private CounterMessages() {
    }

    /** Read the value and its version. */
    public record Get(long requestId) {
    }

    /** The value and its version, answering a {@link Get}. */
    public record Value(long requestId, long value, long version) {
    }

    /** Blind write: set the value, whatever it is now (the "write" of read-then-write). */
    public record Put(long requestId, long value) {
    }

    /** Conditional write: set the value only if the version is still {@code expectedVersion}. */
    public record PutIfVersion(long requestId, long value, long expectedVersion) {
    }

    /** Answer to {@link Put} and {@link PutIfVersion}: whether it applied, and the value and version now. */
    public record Written(long requestId, boolean applied, long value, long version) {
    }

    /** Add {@code delta} on the server: one message, but not idempotent. */
    public record Increment(long requestId, long delta) {
    }

    /** Answer to {@link Increment}: the value after it. */
    public record Incremented(long requestId, long value) {
    }

    /** The codec both sides use (with a checksum: a corrupted frame must not become another request). */
    public static final Codec CODEC = Codec.builder()
            .register(1, Get.class).register(2, Value.class).register(3, Put.class).register(4, PutIfVersion.class)
            .register(5, Written.class).register(6, Increment.class).register(7, Incremented.class)
            .withChecksum().build();
}
