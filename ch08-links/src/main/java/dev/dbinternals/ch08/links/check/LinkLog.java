package dev.dbinternals.ch08.links.check;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.links.ladder.Payloads;
import java.util.ArrayList;
import java.util.List;

/**
 * The application-level history of a run: every message an application handed to its link and
 * every message a link delivered, in the order they happened. This is what the perfect-link
 * properties talk about (the network below may lose or duplicate frames; the link above must not).
 *
 * <p>It observes the nodes from outside, like the trace: nodes append, checkers read after the
 * run. Thread-safe (the UDP runtime runs nodes on several threads).
 */
public final class LinkLog {

    private final List<LinkEvent> events = new ArrayList<>();
    private final boolean keepEvents;
    private long delivers;

    /** A log that keeps every event, for the checkers. */
    public LinkLog() {
        this(true);
    }

    /** With {@code keepEvents == false} the log only counts, so million-message runs use no memory for it. */
    public LinkLog(boolean keepEvents) {
        this.keepEvents = keepEvents;
    }

    public synchronized void sent(Context ctx, Address to, byte[] payload) {
        if (keepEvents) {
            events.add(LinkEvent.send(ctx.clock().monotonicNanos(), ctx.self(), to, Payloads.describe(payload)));
        }
    }

    /**
     * Takes back the most recent {@link #sent} of this message: the link refused it. Logging
     * before handing the message to the link (and retracting on refusal) keeps the log causal
     * in the real runtime, where the receiver's thread may deliver before the sender's
     * {@code send} call has even returned.
     */
    public synchronized void retract(Context ctx, Address to, byte[] payload) {
        if (keepEvents) {
            String m = Payloads.describe(payload);
            for (int i = events.size() - 1; i >= 0; i--) {
                LinkEvent e = events.get(i);
                if (e.kind() == LinkEvent.Kind.SEND && e.from().equals(ctx.self()) && e.to().equals(to) && e.message().equals(m)) {
                    events.remove(i);
                    return;
                }
            }
        }
    }

    public synchronized void delivered(Context ctx, Address from, byte[] payload) {
        delivers++;
        if (keepEvents) {
            events.add(LinkEvent.deliver(ctx.clock().monotonicNanos(), from, ctx.self(), Payloads.describe(payload)));
        }
    }

    public synchronized List<LinkEvent> events() {
        return List.copyOf(events);
    }

    public synchronized long deliverCount() {
        return delivers;
    }
}
