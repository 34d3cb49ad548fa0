package dev.dbinternals.ch08.links.ladder;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.links.check.LinkNode;

/**
 * A link between two processes, seen from one end: the application asks it to send, and it
 * delivers what arrives.
 *
 * <p>Book: Chapter 8, Distributed System Abstractions → Links (분산 시스템 추상화 → 링크). The
 * book builds stronger links from weaker ones: fair-loss ({@link FairLossLink}), with
 * acknowledgements ({@link AckingLink}), stubborn ({@link StubbornLink}) and perfect
 * ({@link PerfectLink}; {@link WindowedPerfectLink} goes further, with bounded memory, backpressure,
 * an adaptive timeout and restarts). Each implementation states the properties it guarantees.
 *
 * <p>A link is not a {@link dev.dbinternals.ch08.harness.Node}: a node owns one and forwards
 * its network events to it ({@link LinkNode} does exactly that), so the same link runs in the
 * simulation and over UDP. Not thread-safe: call it from the owning node's handlers only.
 */
public interface Link {

    /**
     * Asks the link to send {@code payload} to {@code to}.
     *
     * @return {@code false} if a bounded link is full and refuses the message (backpressure);
     *         the application should wait for {@link LinkListener#writable} and try again
     */
    boolean send(Context ctx, Address to, byte[] payload);

    /** Hands the link bytes the network delivered from {@code from} (maybe corrupted or duplicated). */
    void onFrame(Context ctx, Address from, byte[] frame);

    /** A timer fired; returns {@code true} if the tag belonged to this link. */
    default boolean onTimer(Context ctx, Object tag) {
        return false;
    }

    /** Called from the owning node's {@code onStart}, again after every restart. */
    default void onStart(Context ctx) {
    }

    /** Counters of what the link did, for tests, demos and benchmarks. */
    LinkStats stats();
}
