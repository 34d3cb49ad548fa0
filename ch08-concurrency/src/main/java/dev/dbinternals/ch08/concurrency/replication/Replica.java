package dev.dbinternals.ch08.concurrency.replication;

import dev.dbinternals.ch08.concurrency.replication.QuorumMessages.Read;
import dev.dbinternals.ch08.concurrency.replication.QuorumMessages.ReadReply;
import dev.dbinternals.ch08.concurrency.replication.QuorumMessages.Repair;
import dev.dbinternals.ch08.concurrency.replication.QuorumMessages.Write;
import dev.dbinternals.ch08.concurrency.replication.QuorumMessages.WriteAck;
import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.harness.Node;
import java.util.Map;
import java.util.TreeMap;

/**
 * One replica of a replicated register store: keeps, per key, the value with the highest
 * version it has seen (last write wins by version), so writes and repairs can arrive in any
 * order, twice, or late, and the replica still converges.
 *
 * <p>Book: Chapter 8, "State Consistency" (상태 일관성): replicas are allowed to differ for a
 * while; quorum reads and read repair are how the differences are found and removed.
 * Not thread-safe: driven by its runtime.
 */
public final class Replica implements Node {

    private final Map<String, Versioned> data = new TreeMap<>();

    public Versioned get(String key) {
        return data.getOrDefault(key, Versioned.NONE);
    }

    @Override
    public void onMessage(Context ctx, Address from, byte[] message) {
        Object m = QuorumMessages.CODEC.receive(ctx, message).orElse(null);
        if (m == null) {
            return; // did not decode (corrupted): counted by Codec.receive through Context.discard
        }
        if (m instanceof Write w) {
            apply(w.key(), new Versioned(w.value(), w.version()));
            ctx.send(from, QuorumMessages.CODEC.encode(new WriteAck(w.requestId())));
        } else if (m instanceof Read r) {
            Versioned v = get(r.key());
            ctx.send(from, QuorumMessages.CODEC.encode(new ReadReply(r.requestId(), r.key(), v.value(), v.version())));
        } else if (m instanceof Repair r) {
            if (apply(r.key(), new Versioned(r.value(), r.version()))) {
                ctx.note("read repair: " + r.key() + " brought up to version " + r.version());
            }
        }
    }

    private boolean apply(String key, Versioned v) {
        if (v.isNewerThan(get(key))) {
            data.put(key, v);
            return true;
        }
        return false;
    }
}
