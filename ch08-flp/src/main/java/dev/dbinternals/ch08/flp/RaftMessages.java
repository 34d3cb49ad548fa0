package dev.dbinternals.ch08.flp;

import dev.dbinternals.ch08.harness.codec.Codec;

/**
 * Wire messages of {@link RaftElectionNode}: the two RPCs of Raft's leader election with their
 * replies, reduced to what election needs (Ongaro and Ousterhout 2014, Figure 2, without logs).
 * Every message carries the sender's term: that is how a stale leader learns it is stale.
 */
final class RaftMessages {

    private RaftMessages() {
    }

    /** A candidate asks for a vote in {@code term}. */
    record RequestVote(long term) {
    }

    /** The answer to {@link RequestVote}: the voter's term and whether it granted its vote. */
    record Vote(long term, boolean granted) {
    }

    /** A leader's heartbeat in {@code term} (AppendEntries with no entries). */
    record AppendEntries(long term) {
    }

    /** The answer to {@link AppendEntries}: the follower's term and whether it accepted the sender as leader. */
    record AppendReply(long term, boolean success) {
    }

    static final Codec CODEC = Codec.builder()
            .register(1, RequestVote.class)
            .register(2, Vote.class)
            .register(3, AppendEntries.class)
            .register(4, AppendReply.class)
            .build();

    /** The term every message carries. */
    static long termOf(Object message) {
        if (message instanceof RequestVote m) {
            return m.term();
        }
        if (message instanceof Vote m) {
            return m.term();
        }
        if (message instanceof AppendEntries m) {
            return m.term();
        }
        return ((AppendReply) message).term();
    }
}
