package dev.dbinternals.ch08.concurrency.replication;

/**
 * The ring-epoch check every storage node runs on every request: the fix for divergent ring views.
 *
 * <p>Book: Chapter 8, "State Consistency" (상태 일관성). {@link #admit} is what the demos'
 * storage nodes run; it is package-private so that exercise conc-6 ({@code RingEpochCheck})
 * cannot pass by calling it. A storage node takes any {@link Policy}.
 */
public final class EpochGuard {

    private EpochGuard() {
    }

    /**
     * Whether a node whose ring is at {@code nodeEpoch} may serve a request routed with
     * {@code requestEpoch}: only if the sender's view is not older. (A sender ahead of the node
     * is allowed here: the node will learn the new ring by gossip; a stricter store would make
     * the node catch up first.)
     */
    static boolean admit(long nodeEpoch, long requestEpoch) {
        return requestEpoch >= nodeEpoch;
    }

    /** Functional form, so storage nodes can be given the reader's own check. */
    @FunctionalInterface
    public interface Policy {
        boolean admit(long nodeEpoch, long requestEpoch);
    }
}
