package dev.dbinternals.ch08.failuremodels.omission;

import dev.dbinternals.ch08.failuremodels.Messages;
import dev.dbinternals.ch08.failuremodels.Messages.Update;
import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.harness.Node;
import java.time.Duration;

/**
 * A primary that pushes each update to its backup once and counts it as replicated the moment
 * it is sent.
 *
 * <p>Book: Chapter 8, "Omission Faults" (누락), whose example is, in paraphrase, a message that is
 * lost while the sender believes it was delivered, does not retransmit it, and goes on. Nothing
 * in {@link Context#send} reports a loss, so {@link #believedReplicated()} is a belief, not a
 * fact; compare it with {@link Backup#applied()}. The fix (acknowledgements and
 * retransmission) is the subject of {@code ch08-links}. Not thread-safe.
 */
final class FireAndForgetPrimary implements Node {

    private final Address backup;
    private final int updates;
    private final Duration every;
    private long seq;

    public FireAndForgetPrimary(Address backup, int updates, Duration every) {
        this.backup = backup;
        this.updates = updates;
        this.every = every;
    }

    @Override
    public void onStart(Context ctx) {
        ctx.setTimer(every, "next");
    }

    @Override
    public void onMessage(Context ctx, Address from, byte[] message) {
    }

    @Override
    public void onTimer(Context ctx, Object tag) {
        if (seq < updates) {
            seq++;
            ctx.send(backup, Messages.encode(new Update(seq, seq * 7)));
            ctx.setTimer(every, "next");
        }
    }

    /** Updates the primary has sent and therefore believes the backup holds. */
    public long believedReplicated() {
        return seq;
    }
}
