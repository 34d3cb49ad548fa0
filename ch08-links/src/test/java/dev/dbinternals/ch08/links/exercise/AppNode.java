package dev.dbinternals.ch08.links.exercise;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.harness.Node;
import dev.dbinternals.ch08.harness.codec.Codec;
import dev.dbinternals.ch08.harness.codec.CodecException;
import dev.dbinternals.ch08.harness.sim.Simulation;
import dev.dbinternals.ch08.links.check.LinkEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The application above a link node the reader wrote (links-7, links-8): it hands the link its
 * messages at planned times, from inside the node's own handlers, and records every send and
 * delivery as a {@link LinkEvent} for the property checkers. It also checks that every frame
 * reaching the node is one of the starter's records under the starter's wire format, and that a
 * frame carrying a payload carries one the sender's application sent to this node (no creation,
 * frame by frame). It also notes which deliveries the link made while handling an arriving frame
 * that carries the delivered payload ({@link Log#onArrival}): a stubborn link's later deliveries
 * must come from copies still arriving, not from a copy the receiver kept and replays.
 */
final class AppNode implements Node {

    /** How the application reaches the reader's link. */
    interface Sender {
        void send(Context ctx, Address to, String payload);
    }

    /** One planned send: at {@code at}, hand {@code payload} to the link for {@code to}. */
    record Planned(Duration at, Address to, String payload) {
    }

    private record SendNow(int index) {
    }

    /** What one run records, shared by its nodes. */
    static final class Log {
        /** Every send and delivery, in order. */
        final List<LinkEvent> history = new ArrayList<>();
        /** The deliveries made while the receiving node handled an arriving frame carrying that payload. */
        final List<LinkEvent> onArrival = new ArrayList<>();
        /** Frames that break the wire format or carry a payload never sent, described for the failure message. */
        final List<String> badFrames = new ArrayList<>();
        private final Set<List<Object>> sent = new HashSet<>(); // (from, to, payload): a frame check that does not scan the history
        private final Map<Address, String> arriving = new HashMap<>(); // node -> payload of the frame it is handling
    }

    private final Simulation sim;
    private final Node link;
    private final Sender sender;
    private final List<Planned> plan;
    private final Codec wire;
    private final Log log;
    private final Function<Object, String> payloadOf;

    /** {@code payloadOf} gives the payload a decoded frame carries, or null for a frame that carries none (an ack). */
    AppNode(Simulation sim, Node link, Sender sender, List<Planned> plan, Codec wire, Function<Object, String> payloadOf,
            Log log) {
        this.sim = sim;
        this.link = link;
        this.sender = sender;
        this.plan = plan;
        this.wire = wire;
        this.log = log;
        this.payloadOf = payloadOf;
    }

    /** The delivery callback to give the reader's node: records the delivery. */
    static void delivered(Simulation sim, Log log, Context ctx, Address from, String payload) {
        LinkEvent e = LinkEvent.deliver(sim.nowNanos(), from, ctx.self(), payload);
        log.history.add(e);
        if (payload.equals(log.arriving.get(ctx.self()))) {
            log.onArrival.add(e);
        }
    }

    /** The reader's node inside. */
    <T extends Node> T link(Class<T> type) {
        return type.cast(link);
    }

    @Override
    public void onStart(Context ctx) {
        for (int i = 0; i < plan.size(); i++) {
            ctx.setTimer(plan.get(i).at(), new SendNow(i));
        }
        link.onStart(ctx);
    }

    @Override
    public void onMessage(Context ctx, Address from, byte[] message) {
        String payload = null;
        try {
            payload = payloadOf.apply(wire.decode(message));
            if (payload != null && !log.sent.contains(List.of(from, ctx.self(), payload))) {
                log.badFrames.add("a frame from " + from + " to " + ctx.self() + " at " + sim.now().toMillis()
                        + " ms carries '" + payload + "', which " + from + "'s application never sent to " + ctx.self());
            }
        } catch (CodecException e) {
            log.badFrames.add("a frame from " + from + " to " + ctx.self() + " at " + sim.now().toMillis() + " ms does not decode: " + e.getMessage());
        }
        if (payload != null) {
            log.arriving.put(ctx.self(), payload);
        }
        try {
            link.onMessage(ctx, from, message);
        } finally {
            log.arriving.remove(ctx.self());
        }
    }

    @Override
    public void onTimer(Context ctx, Object tag) {
        if (tag instanceof SendNow s) {
            Planned p = plan.get(s.index());
            log.history.add(LinkEvent.send(sim.nowNanos(), ctx.self(), p.to(), p.payload()));
            log.sent.add(List.of(ctx.self(), p.to(), p.payload()));
            sender.send(ctx, p.to(), p.payload());
        } else {
            link.onTimer(ctx, tag);
        }
    }
}
