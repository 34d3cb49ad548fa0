// Wrong solution for links-8: the main PerfectLink is the answer, as long as its frames travel inside the starter's records.
package dev.dbinternals.ch08.links.exercise;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.harness.DurableStorage;
import dev.dbinternals.ch08.harness.LocalClock;
import dev.dbinternals.ch08.harness.Node;
import dev.dbinternals.ch08.harness.TimerId;
import dev.dbinternals.ch08.harness.codec.Codec;
import dev.dbinternals.ch08.links.ladder.PerfectLink;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.random.RandomGenerator;

public final class PerfectLinkNode implements Node {

    public record Data(long seq, String payload) {
    }

    public record Ack(long seq) {
    }

    public static final Codec CODEC = Codec.builder().register(1, Data.class).register(2, Ack.class).withChecksum().build();

    public interface Upper {
        void deliver(Context ctx, Address from, String payload);
    }

    private final PerfectLink link;

    public PerfectLinkNode(Upper upper) {
        link = new PerfectLink(Duration.ofMillis(20), (ctx, from, p) -> upper.deliver(ctx, from, new String(p, StandardCharsets.UTF_8)));
    }

    /** The real context, with every frame the link sends wrapped in a Data record. */
    private static Context tunnel(Context ctx) {
        return new Context() {
            public Address self() { return ctx.self(); }
            public List<Address> nodes() { return ctx.nodes(); }
            public void send(Address to, byte[] frame) { ctx.send(to, CODEC.encode(new Data(0, Base64.getEncoder().encodeToString(frame)))); }
            public TimerId setTimer(Duration delay, Object tag) { return ctx.setTimer(delay, tag); }
            public void cancelTimer(TimerId timer) { ctx.cancelTimer(timer); }
            public LocalClock clock() { return ctx.clock(); }
            public RandomGenerator random() { return ctx.random(); }
            public DurableStorage storage() { return ctx.storage(); }
            public void note(String text) { ctx.note(text); }
        };
    }

    public void send(Context ctx, Address to, String payload) {
        link.send(tunnel(ctx), to, payload.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void onMessage(Context ctx, Address from, byte[] message) {
        CODEC.receive(ctx, message, Data.class).ifPresent(d -> link.onFrame(tunnel(ctx), from, Base64.getDecoder().decode(d.payload())));
    }

    @Override
    public void onTimer(Context ctx, Object tag) {
        link.onTimer(tunnel(ctx), tag);
    }

    public long nConsecutive(Address from) {
        return link.receiverState(from).nConsecutive();
    }

    public int remembered(Address from) {
        return link.receiverState(from).buffered();
    }

    public int unacknowledged() {
        return link.allAcknowledged() ? 0 : 1;
    }
}
