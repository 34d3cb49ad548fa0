package dev.dbinternals.ch08.concurrency.replication;

import dev.dbinternals.ch08.harness.codec.Codec;

/**
 * Messages between quorum clients and replicas.
 *
 * <p>Book: Chapter 8, "State Consistency" (상태 일관성).
 */
public final class QuorumMessages {

    private QuorumMessages() {
    }

    /** Store {@code value} under {@code key} if {@code version} is newer than what the replica has. */
    public record Write(long requestId, String key, long value, long version) {
    }

    public record WriteAck(long requestId) {
    }

    public record Read(long requestId, String key) {
    }

    /** A replica's copy: {@code version} 0 means it has nothing for the key. */
    public record ReadReply(long requestId, String key, long value, long version) {
    }

    /** Read repair: bring a stale replica up to {@code version}. */
    public record Repair(String key, long value, long version) {
    }

    public static final Codec CODEC = Codec.builder()
            .register(11, Write.class).register(12, WriteAck.class).register(13, Read.class)
            .register(14, ReadReply.class).register(15, Repair.class).withChecksum().build();
}
