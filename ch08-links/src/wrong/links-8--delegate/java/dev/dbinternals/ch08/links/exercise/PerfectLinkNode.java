// Wrong solution for links-8: the main PerfectLink is a perfect link, so the node can hand everything to it.
package dev.dbinternals.ch08.links.exercise;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.harness.Node;
import dev.dbinternals.ch08.harness.codec.Codec;
import dev.dbinternals.ch08.links.ladder.PerfectLink;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

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
    private int sent;

    public PerfectLinkNode(Upper upper) {
        link = new PerfectLink(Duration.ofMillis(20), (ctx, from, p) -> upper.deliver(ctx, from, new String(p, StandardCharsets.UTF_8)));
    }

    public void send(Context ctx, Address to, String payload) {
        sent++;
        link.send(ctx, to, payload.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void onMessage(Context ctx, Address from, byte[] message) {
        link.onFrame(ctx, from, message);
    }

    @Override
    public void onTimer(Context ctx, Object tag) {
        link.onTimer(ctx, tag);
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
