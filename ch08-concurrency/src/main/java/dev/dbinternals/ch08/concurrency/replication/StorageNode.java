package dev.dbinternals.ch08.concurrency.replication;

import dev.dbinternals.ch08.concurrency.replication.RingMessages.Fetch;
import dev.dbinternals.ch08.concurrency.replication.RingMessages.Fetched;
import dev.dbinternals.ch08.concurrency.replication.RingMessages.StaleRing;
import dev.dbinternals.ch08.concurrency.replication.RingMessages.Store;
import dev.dbinternals.ch08.concurrency.replication.RingMessages.Stored;
import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.harness.Node;
import java.util.Map;
import java.util.TreeMap;

/**
 * A storage node that owns part of the key space according to its ring view.
 *
 * <p>Book: Chapter 8, "State Consistency" (상태 일관성), divergent ring views. Without the epoch
 * check it serves whatever it is sent: a write routed by a stale view is stored on a node that
 * no longer owns the key, and a read routed by a stale view finds nothing although the data
 * exists elsewhere. With {@code checkEpoch}, a request carrying an older epoch than the node's
 * is rejected with the node's ring ({@link EpochGuard}), so the sender learns the new view and
 * routes again. Not thread-safe: driven by its runtime.
 */
public final class StorageNode implements Node {

    private final Ring ring;
    private final boolean checkEpoch;
    private final EpochGuard.Policy guard;
    private final Map<String, Long> data = new TreeMap<>();

    public StorageNode(Ring ring, boolean checkEpoch, EpochGuard.Policy guard) {
        this.ring = ring;
        this.checkEpoch = checkEpoch;
        this.guard = guard;
    }

    public StorageNode(Ring ring, boolean checkEpoch) {
        this(ring, checkEpoch, EpochGuard::admit);
    }

    public Map<String, Long> data() {
        return Map.copyOf(data);
    }

    @Override
    public void onMessage(Context ctx, Address from, byte[] message) {
        Object m = RingMessages.CODEC.receive(ctx, message).orElse(null);
        if (m == null) {
            return; // did not decode (corrupted): counted by Codec.receive through Context.discard
        }
        long requestId;
        long epoch;
        if (m instanceof Store s) {
            requestId = s.requestId();
            epoch = s.epoch();
        } else if (m instanceof Fetch f) {
            requestId = f.requestId();
            epoch = f.epoch();
        } else {
            return;
        }
        if (checkEpoch && !guard.admit(ring.epoch(), epoch)) {
            ctx.note("rejected request " + requestId + ": routed with ring epoch " + epoch + ", mine is " + ring.epoch());
            ctx.send(from, RingMessages.CODEC.encode(new StaleRing(requestId, ring.epoch(), ring.members())));
            return;
        }
        if (m instanceof Store s) {
            data.put(s.key(), s.value());
            ctx.send(from, RingMessages.CODEC.encode(new Stored(requestId)));
        } else if (m instanceof Fetch f) {
            Long v = data.get(f.key());
            ctx.send(from, RingMessages.CODEC.encode(new Fetched(requestId, v != null, v == null ? 0 : v)));
        }
    }
}
