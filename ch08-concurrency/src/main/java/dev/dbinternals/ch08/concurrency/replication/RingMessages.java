package dev.dbinternals.ch08.concurrency.replication;

import dev.dbinternals.ch08.harness.codec.Codec;
import java.util.List;

/**
 * Messages between ring clients and storage nodes; every request carries the sender's ring epoch.
 *
 * <p>Book: Chapter 8, "State Consistency" (상태 일관성), divergent ring views (링 상태 불일치).
 */
public final class RingMessages {

    private RingMessages() {
    }

    public record Store(long requestId, String key, long value, long epoch) {
    }

    public record Fetch(long requestId, String key, long epoch) {
    }

    public record Stored(long requestId) {
    }

    /** {@code found} false: this node has nothing for the key. */
    public record Fetched(long requestId, boolean found, long value) {
    }

    /** The request was routed with an older ring than the node's: here is the node's ring; route again. */
    public record StaleRing(long requestId, long epoch, List<String> members) {
    }

    public static final Codec CODEC = Codec.builder()
            .register(21, Store.class).register(22, Fetch.class).register(23, Stored.class)
            .register(24, Fetched.class).register(25, StaleRing.class).withChecksum().build();
}
