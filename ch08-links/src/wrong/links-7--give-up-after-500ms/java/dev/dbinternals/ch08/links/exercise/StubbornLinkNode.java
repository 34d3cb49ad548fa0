// Wrong solution for links-7: a message retransmitted for half a second has surely arrived, so the sender may give it up then, as a TCP user timeout gives up a connection.
package dev.dbinternals.ch08.links.exercise;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.harness.Node;
import dev.dbinternals.ch08.harness.codec.Codec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Exercise links-7, a wrong solution (see the first line): retransmits every message every {@link #PERIOD}, but drops
 * it 500 ms after it was first sent, so no copy of it arrives after that.
 */
public final class StubbornLinkNode implements Node {

    public static final Duration PERIOD = Duration.ofMillis(10);

    public record Data(String payload) {
    }

    public static final Codec CODEC = Codec.builder().register(1, Data.class).withChecksum().build();

    public interface Upper {
        void deliver(Context ctx, Address from, String payload);
    }

    private record Outgoing(Address to, byte[] frame, long sentAtNanos) {
    }

    private static final Duration GIVE_UP = Duration.ofMillis(500);

    private static final String TICK = "stubborn-retransmit";

    private final Upper upper;
    private final List<Outgoing> everySent = new ArrayList<>();
    private boolean armed;

    public StubbornLinkNode(Upper upper) {
        this.upper = upper;
    }

    public void send(Context ctx, Address to, String payload) {
        Outgoing o = new Outgoing(to, CODEC.encode(new Data(payload)), ctx.clock().monotonicNanos());
        everySent.add(o);
        ctx.send(o.to(), o.frame());
        if (!armed) { // one timer for all messages
            ctx.setTimer(PERIOD, TICK);
            armed = true;
        }
    }

    @Override
    public void onMessage(Context ctx, Address from, byte[] message) {
        CODEC.receive(ctx, message, Data.class).ifPresent(d -> upper.deliver(ctx, from, d.payload()));
    }

    @Override
    public void onTimer(Context ctx, Object tag) {
        if (TICK.equals(tag)) {
            everySent.removeIf(o -> ctx.clock().monotonicNanos() - o.sentAtNanos() > GIVE_UP.toNanos());
            everySent.forEach(o -> ctx.send(o.to(), o.frame()));
            ctx.setTimer(PERIOD, TICK);
        }
    }
}
