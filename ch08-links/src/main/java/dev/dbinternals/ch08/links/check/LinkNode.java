package dev.dbinternals.ch08.links.check;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.harness.Node;
import dev.dbinternals.ch08.links.ladder.Link;
import dev.dbinternals.ch08.links.ladder.LinkListener;
import dev.dbinternals.ch08.links.ladder.Payloads;
import java.time.Duration;
import java.util.BitSet;
import java.util.function.Function;

/**
 * A process that owns one {@link Link} and runs a simple workload over it: send messages
 * {@code m1 … mN} to one peer (all at once, as fast as the link accepts them, or one per
 * interval) and record every delivery in a {@link LinkLog}.
 *
 * <p>It forwards network events to the link and honours backpressure: when the link refuses a
 * message the node stops and resumes on {@link LinkListener#writable}, so the application never
 * queues more than the link's window. Messages are generated lazily, so a run of a million
 * messages holds at most a window of them. Not thread-safe (one node, one handler at a time).
 */
public class LinkNode implements Node, LinkListener {

    /**
     * What the node sends.
     *
     * @param to          the peer, or {@code null} for a node that only receives
     * @param messages    how many messages ({@code m1 … mN})
     * @param payloadSize bytes per message (names are padded with dots)
     * @param interval    {@link Duration#ZERO} to send as fast as the link accepts, else one message per interval
     */
    public record Workload(Address to, long messages, int payloadSize, Duration interval) {
        public static Workload none() {
            return new Workload(null, 0, 0, Duration.ZERO);
        }

        public static Workload burst(Address to, long messages) {
            return new Workload(to, messages, 0, Duration.ZERO);
        }

        public Workload withInterval(Duration d) {
            return new Workload(to, messages, payloadSize, d);
        }
    }

    private static final Object NEXT = new Object() {
        @Override
        public String toString() {
            return "next-message";
        }
    };

    private final Link link;
    private final Workload workload;
    private final LinkLog log;
    private long next = 1;
    private long deliveredCount;
    private long bytesDelivered;
    private long lastNumber;
    private final BitSet seenNumbers = new BitSet();
    private long distinct;
    private long gapsOrRepeats;
    private boolean narrate;

    public LinkNode(Function<LinkListener, Link> linkFactory, Workload workload, LinkLog log) {
        this.link = linkFactory.apply(this);
        this.workload = workload;
        this.log = log;
    }

    /** Writes a note into the trace for each message sent and delivered (for small demos). */
    public LinkNode narrated() {
        this.narrate = true;
        return this;
    }

    @Override
    public void onStart(Context ctx) {
        link.onStart(ctx);
        if (workload.to() == null || workload.messages() == 0) {
            return;
        }
        if (workload.interval().isZero()) {
            pump(ctx);
        } else {
            ctx.setTimer(Duration.ZERO, NEXT);
        }
    }

    private void pump(Context ctx) {
        while (next <= workload.messages()) {
            if (!sendOne(ctx)) {
                return;
            }
        }
    }

    private boolean sendOne(Context ctx) {
        byte[] payload = Payloads.numbered(next, workload.payloadSize());
        log.sent(ctx, workload.to(), payload); // before the link sees it: see LinkLog.retract
        if (!link.send(ctx, workload.to(), payload)) {
            log.retract(ctx, workload.to(), payload);
            return false;
        }
        if (narrate) {
            ctx.note("send " + Payloads.describe(payload));
        }
        next++;
        return true;
    }

    @Override
    public void onMessage(Context ctx, Address from, byte[] message) {
        link.onFrame(ctx, from, message);
    }

    @Override
    public void onTimer(Context ctx, Object tag) {
        if (tag == NEXT) {
            if (next <= workload.messages() && sendOne(ctx) && next <= workload.messages()) {
                ctx.setTimer(workload.interval(), NEXT);
            }
            return;
        }
        link.onTimer(ctx, tag);
    }

    @Override
    public void delivered(Context ctx, Address from, byte[] payload) {
        deliveredCount++;
        bytesDelivered += payload.length;
        long n = Payloads.number(payload);
        if (n >= 0 && n < Integer.MAX_VALUE && !seenNumbers.get((int) n)) {
            seenNumbers.set((int) n);
            distinct++;
        }
        if (n != lastNumber + 1) {
            gapsOrRepeats++;
        }
        lastNumber = n;
        if (narrate) {
            ctx.note("deliver " + Payloads.describe(payload));
        }
        log.delivered(ctx, from, payload);
    }

    @Override
    public void writable(Context ctx, Address peer) {
        if (workload.interval().isZero()) {
            pump(ctx);
        } else if (next <= workload.messages()) {
            ctx.setTimer(Duration.ZERO, NEXT);
        }
    }

    public Link link() {
        return link;
    }

    /** The link, as the type it was built with. */
    public <L extends Link> L link(Class<L> type) {
        return type.cast(link);
    }

    public long deliveredCount() {
        return deliveredCount;
    }

    /**
     * Deliveries whose number was not one more than the previous delivery's: 0 for a FIFO
     * perfect link with one sender. Cheap enough for million-message runs that keep no log.
     */
    public long gapsOrRepeats() {
        return gapsOrRepeats;
    }

    /** Distinct messages delivered (a stubborn link delivers each many times). */
    public long distinctDelivered() {
        return distinct;
    }

    public long bytesDelivered() {
        return bytesDelivered;
    }

    /** True once every message of the workload has been handed to the link. */
    public boolean doneSending() {
        return next > workload.messages();
    }
}
