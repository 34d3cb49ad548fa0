package dev.dbinternals.ch08.links;

/**
 * Where a test wants the receiver to die: at one {@link Step} of its handler, for one message.
 *
 * <p>The simulation crashes nodes from outside, between events, while this plan lets a test
 * stop the node in the <em>middle</em> of its handler: when the handler reaches the planned
 * step it returns at once and the node plays dead, the test runs the simulation until
 * {@link #fired()} and then calls {@code sim.crash(node)} before anything else happens. What
 * the handler put in storage without syncing is then lost, exactly as in a real crash.
 * Not thread-safe; shared between a test and one simulated node.
 */
public final class CrashPlan {

    /** The steps of a receiver's handler, in order. */
    public enum Step {
        /** The message arrived; nothing done yet. */
        BEFORE_PROCESSING,
        /** The effect is applied (written, not yet synced in the atomic version); dedup state not yet persisted. */
        AFTER_PROCESSING_BEFORE_PERSIST,
        /** Effect and dedup state are durable; the acknowledgement has not been sent. */
        AFTER_PERSIST_BEFORE_ACK
    }

    private final Step step;
    private final long seq;
    private boolean fired;

    private CrashPlan(Step step, long seq) {
        this.step = step;
        this.seq = seq;
    }

    /** A plan that never crashes. */
    public static CrashPlan never() {
        return new CrashPlan(null, -1);
    }

    /** Crash when the handler for message number {@code seq} reaches {@code step} (the first time only). */
    public static CrashPlan at(Step step, long seq) {
        return new CrashPlan(step, seq);
    }

    /** Called by the node at each step; true means "die here". */
    public boolean reached(Step s, long messageSeq) {
        if (!fired && s == step && messageSeq == seq) {
            fired = true;
            return true;
        }
        return false;
    }

    public boolean fired() {
        return fired;
    }

    @Override
    public String toString() {
        return step == null ? "never" : step + " of message #" + seq;
    }
}
