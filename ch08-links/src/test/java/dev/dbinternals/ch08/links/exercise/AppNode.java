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
import java.util.List;
import java.util.function.Function;

/**
 * The application above a link node the reader wrote (links-7, links-8): it hands the link its
 * messages at planned times, from inside the node's own handlers, and records every send and
 * delivery as a {@link LinkEvent} for the property checkers. It also checks that every frame
 * reaching the node is one of the starter's records under the starter's wire format, and that a
 * frame carrying a payload carries one the sender's application sent to this node (no creation,
 * frame by frame).
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

    private final Simulation sim;
    private final Node link;
    private final Sender sender;
    private final List<Planned> plan;
    private final Codec wire;
    private final List<LinkEvent> history;
    private final List<String> badFrames;
    private final Function<Object, String> payloadOf;

    /** {@code payloadOf} gives the payload a decoded frame carries, or null for a frame that carries none (an ack). */
    AppNode(Simulation sim, Node link, Sender sender, List<Planned> plan, Codec wire, Function<Object, String> payloadOf,
            List<LinkEvent> history, List<String> badFrames) {
        this.sim = sim;
        this.link = link;
        this.sender = sender;
        this.plan = plan;
        this.wire = wire;
        this.history = history;
        this.badFrames = badFrames;
        this.payloadOf = payloadOf;
    }

    /** The delivery callback to give the reader's node: records the delivery. */
    static void delivered(Simulation sim, List<LinkEvent> history, Context ctx, Address from, String payload) {
        history.add(LinkEvent.deliver(sim.nowNanos(), from, ctx.self(), payload));
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
        try {
            String payload = payloadOf.apply(wire.decode(message));
            if (payload != null && history.stream().noneMatch(e -> e.kind() == LinkEvent.Kind.SEND
                    && e.from().equals(from) && e.to().equals(ctx.self()) && e.message().equals(payload))) {
                badFrames.add("a frame from " + from + " to " + ctx.self() + " at " + sim.now().toMillis()
                        + " ms carries '" + payload + "', which " + from + "'s application never sent to " + ctx.self());
            }
        } catch (CodecException e) {
            badFrames.add("a frame from " + from + " to " + ctx.self() + " at " + sim.now().toMillis() + " ms does not decode: " + e.getMessage());
        }
        link.onMessage(ctx, from, message);
    }

    @Override
    public void onTimer(Context ctx, Object tag) {
        if (tag instanceof SendNow s) {
            Planned p = plan.get(s.index());
            history.add(LinkEvent.send(sim.nowNanos(), ctx.self(), p.to(), p.payload()));
            sender.send(ctx, p.to(), p.payload());
        } else {
            link.onTimer(ctx, tag);
        }
    }
}
