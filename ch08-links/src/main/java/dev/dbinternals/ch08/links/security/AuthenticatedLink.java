package dev.dbinternals.ch08.links.security;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.harness.ForwardingContext;
import dev.dbinternals.ch08.links.ladder.Link;
import dev.dbinternals.ch08.links.ladder.LinkStats;

/**
 * Any {@link Link} with every frame sealed by a {@link FrameAuthenticator}: frames it sends carry
 * an HMAC tag, and frames that arrive without a valid one are dropped before the link sees them.
 *
 * <p>Book: Chapter 8, Fallacies of distributed computing (분산 컴퓨팅의 오류), "the network is
 * secure". Around a perfect link it keeps no creation and reliable delivery against a
 * sender of forged frames that does not hold the key (Demo 12); replays are left to the inner
 * link's sequence numbers and dedup. Not thread-safe: use from the owning node's handlers.
 */
final class AuthenticatedLink implements Link {

    private final FrameAuthenticator auth;
    private final Link inner;
    private long rejected;

    public AuthenticatedLink(FrameAuthenticator auth, Link inner) {
        this.auth = auth;
        this.inner = inner;
    }

    /** The link inside. */
    public Link inner() {
        return inner;
    }

    /** Frames dropped because their tag did not verify. */
    public long rejected() {
        return rejected;
    }

    @Override
    public boolean send(Context ctx, Address to, byte[] payload) {
        return inner.send(sealing(ctx), to, payload);
    }

    @Override
    public void onFrame(Context ctx, Address from, byte[] bytes) {
        byte[] frame = auth.open(bytes);
        if (frame == null) {
            rejected++;
            return;
        }
        inner.onFrame(sealing(ctx), from, frame);
    }

    @Override
    public boolean onTimer(Context ctx, Object tag) {
        return inner.onTimer(sealing(ctx), tag);
    }

    @Override
    public void onStart(Context ctx) {
        inner.onStart(sealing(ctx));
    }

    @Override
    public LinkStats stats() {
        return inner.stats();
    }

    /** {@code ctx}, except that what the inner link sends is sealed first. */
    private Context sealing(Context ctx) {
        return new ForwardingContext(ctx) {
            @Override
            public void send(Address to, byte[] message) {
                ctx.send(to, auth.seal(message));
            }
        };
    }
}
