package dev.dbinternals.ch08.links.check;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.harness.ForwardingContext;
import dev.dbinternals.ch08.harness.Node;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Wraps a node so that each message it sends is dropped with probability {@code loss}: loss
 * injection for the real UDP runtime, where loopback almost never loses anything by itself.
 * Drops are drawn from the node's own seeded {@link Context#random()}, so the decision does not
 * depend on timing; {@link #dropNext(int)} scripts a loss instead (the next sends, whatever they
 * are). Thread-confined like the node it wraps; {@link #dropped()} and {@link #dropNext(int)}
 * may be used from any thread.
 */
public final class LossyNode implements Node {

    private final Node inner;
    private final double loss;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicInteger scripted = new AtomicInteger();

    public LossyNode(Node inner, double loss) {
        if (!(loss >= 0 && loss < 1)) {
            throw new IllegalArgumentException("loss must be in [0, 1), got " + loss);
        }
        this.inner = inner;
        this.loss = loss;
    }

    public Node inner() {
        return inner;
    }

    public <T extends Node> T inner(Class<T> type) {
        return type.cast(inner);
    }

    /** The next {@code n} messages this node sends are dropped, as if lost on the wire. */
    public void dropNext(int n) {
        scripted.set(n);
    }

    /** Messages this node tried to send that were dropped on purpose. */
    public long dropped() {
        return dropped.get();
    }

    @Override
    public void onStart(Context ctx) {
        inner.onStart(wrap(ctx));
    }

    @Override
    public void onMessage(Context ctx, Address from, byte[] message) {
        inner.onMessage(wrap(ctx), from, message);
    }

    @Override
    public void onTimer(Context ctx, Object tag) {
        inner.onTimer(wrap(ctx), tag);
    }

    private Context wrap(Context ctx) {
        return new ForwardingContext(ctx) {
            @Override
            public void send(Address to, byte[] message) {
                if (scripted.getAndUpdate(n -> Math.max(0, n - 1)) > 0 || loss > 0 && ctx.random().nextDouble() < loss) {
                    dropped.incrementAndGet();
                    return;
                }
                ctx.send(to, message);
            }
        };
    }
}
