// Wrong solution for links-7: the main StubbornLink is a stubborn link, so the node can hand everything to it.
package dev.dbinternals.ch08.links.exercise;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.harness.Node;
import dev.dbinternals.ch08.harness.codec.Codec;
import dev.dbinternals.ch08.links.ladder.StubbornLink;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

public final class StubbornLinkNode implements Node {

    public static final Duration PERIOD = Duration.ofMillis(10);

    public record Data(String payload) {
    }

    public static final Codec CODEC = Codec.builder().register(1, Data.class).withChecksum().build();

    public interface Upper {
        void deliver(Context ctx, Address from, String payload);
    }

    private final StubbornLink link;

    public StubbornLinkNode(Upper upper) {
        link = new StubbornLink(PERIOD, (ctx, from, p) -> upper.deliver(ctx, from, new String(p, StandardCharsets.UTF_8)));
    }

    public void send(Context ctx, Address to, String payload) {
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
}
