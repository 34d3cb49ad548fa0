package dev.dbinternals.ch08.harness;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * A {@link Context} that forwards every call to another one: the base for a node that wraps
 * another node and changes one thing about the world it sees (drops some sends, counts them,
 * signs them), leaving the rest as it was.
 *
 * <p>Override only what changes; every other call, including {@link #discard}, reaches the
 * wrapped context unchanged. A hand-written anonymous {@code Context} that forwards by hand is
 * easy to get subtly wrong: it must forward each method, and silently keeps a default (such as
 * {@code discard}'s "count nothing") for any it forgets. {@code ForwardingContextTest} checks
 * that this class forwards every method {@code Context} declares.
 *
 * <pre>{@code
 * Context lossy = new ForwardingContext(ctx) {
 *     @Override
 *     public void send(Address to, byte[] message) {
 *         if (random().nextDouble() >= 0.1) {   // drop one send in ten, on purpose
 *             super.send(to, message);
 *         }
 *     }
 * };
 * inner.onMessage(lossy, from, message);
 * }</pre>
 *
 * <p>Two traps in that example. {@code random()} draws from the wrapped node's seeded stream, so
 * adding the wrapper shifts every later draw of the inner node: the same seed gives a different
 * run. And wrapping only {@code onMessage} lets the inner node's sends from {@code onStart} and
 * {@code onTimer} bypass the drop: hand {@code lossy} to those calls too.
 *
 * <p>Book: Chapter 8, "Distributed System Abstractions" (분산 시스템 추상화), its links. This is
 * the wrapper (a decorator) that ch08-links uses to build one link on another
 * ({@code LossyNode}, {@code AuthenticatedLink}). Not thread-safe, like the context it wraps.
 */
public class ForwardingContext implements Context {

    private final Context delegate;

    /** Forwards every call to {@code delegate}. */
    public ForwardingContext(Context delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /** The context calls are forwarded to. */
    protected final Context delegate() {
        return delegate;
    }

    @Override
    public Address self() {
        return delegate.self();
    }

    @Override
    public List<Address> nodes() {
        return delegate.nodes();
    }

    @Override
    public void send(Address to, byte[] message) {
        delegate.send(to, message);
    }

    @Override
    public TimerId setTimer(Duration delay, Object tag) {
        return delegate.setTimer(delay, tag);
    }

    @Override
    public void cancelTimer(TimerId timer) {
        delegate.cancelTimer(timer);
    }

    @Override
    public LocalClock clock() {
        return delegate.clock();
    }

    @Override
    public RandomGenerator random() {
        return delegate.random();
    }

    @Override
    public DurableStorage storage() {
        return delegate.storage();
    }

    @Override
    public void note(String text) {
        delegate.note(text);
    }

    @Override
    public void discard(String why) {
        delegate.discard(why);
    }
}
