// Wrong solution for links-7: sending each message a few times is enough to get it through a lossy network.
package dev.dbinternals.ch08.links.exercise;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.harness.Node;
import dev.dbinternals.ch08.harness.codec.Codec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Exercise links-7, a wrong solution (see the first line): sends each message and then retransmits it only a few times, so a message whose
 * copies are all lost is never delivered, and none is delivered again after the last try.
 */
public final class StubbornLinkNode implements Node {

    public static final Duration PERIOD = Duration.ofMillis(10);

    public record Data(String payload) {
    }

    public static final Codec CODEC = Codec.builder().register(1, Data.class).withChecksum().build();

    public interface Upper {
        void deliver(Context ctx, Address from, String payload);
    }

    private record Outgoing(Address to, byte[] frame, int[] tries) {
    }

    private static final String TICK = "stubborn-retransmit";

    private final Upper upper;
    private final List<Outgoing> everySent = new ArrayList<>(); // never shrinks: the sender cannot know what arrived
    private boolean armed;

    public StubbornLinkNode(Upper upper) {
        this.upper = upper;
    }

    public void send(Context ctx, Address to, String payload) {
        Outgoing o = new Outgoing(to, CODEC.encode(new Data(payload)), new int[] {1});
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
            everySent.stream().filter(o -> o.tries()[0]++ < 5).forEach(o -> ctx.send(o.to(), o.frame()));
            ctx.setTimer(PERIOD, TICK);
        }
    }
}
