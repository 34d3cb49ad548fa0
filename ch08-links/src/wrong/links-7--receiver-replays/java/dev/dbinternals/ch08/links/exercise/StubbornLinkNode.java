// Wrong solution for links-7: "infinitely often" is the receiver's business, so the sender need only get each message through once, and the receiver delivers its copy again every period.
package dev.dbinternals.ch08.links.exercise;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.harness.Node;
import dev.dbinternals.ch08.harness.codec.Codec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Exercise links-7, a wrong solution (see the first line): the sender retransmits each message
 * 20 times and stops; the receiver keeps every message that arrived and delivers each again
 * every {@link #PERIOD}, with no copy arriving (and none at all if the 21 copies were lost).
 */
public final class StubbornLinkNode implements Node {

    public static final Duration PERIOD = Duration.ofMillis(10);

    public record Data(String payload) {
    }

    public static final Codec CODEC = Codec.builder().register(1, Data.class).withChecksum().build();

    public interface Upper {
        void deliver(Context ctx, Address from, String payload);
    }

    private static final class Outgoing {
        final Address to;
        final byte[] frame;
        int tries;

        Outgoing(Address to, byte[] frame) {
            this.to = to;
            this.frame = frame;
        }
    }

    private record Arrived(Address from, String payload) {
    }

    private static final String TICK = "stubborn-retransmit";

    private final Upper upper;
    private final List<Outgoing> outgoing = new ArrayList<>();
    private final Set<Arrived> arrived = new LinkedHashSet<>();
    private boolean armed;

    public StubbornLinkNode(Upper upper) {
        this.upper = upper;
    }

    public void send(Context ctx, Address to, String payload) {
        Outgoing o = new Outgoing(to, CODEC.encode(new Data(payload)));
        outgoing.add(o);
        ctx.send(o.to, o.frame);
        arm(ctx);
    }

    private void arm(Context ctx) {
        if (!armed) {
            ctx.setTimer(PERIOD, TICK);
            armed = true;
        }
    }

    @Override
    public void onMessage(Context ctx, Address from, byte[] message) {
        CODEC.receive(ctx, message, Data.class).ifPresent(d -> {
            upper.deliver(ctx, from, d.payload());
            arrived.add(new Arrived(from, d.payload()));
            arm(ctx);
        });
    }

    @Override
    public void onTimer(Context ctx, Object tag) {
        if (TICK.equals(tag)) {
            outgoing.stream().filter(o -> o.tries++ < 20).forEach(o -> ctx.send(o.to, o.frame));
            arrived.forEach(a -> upper.deliver(ctx, a.from(), a.payload())); // replayed from memory
            ctx.setTimer(PERIOD, TICK);
        }
    }
}
