package dev.dbinternals.ch08.concurrency.remote;

import dev.dbinternals.ch08.concurrency.remote.CounterMessages.Get;
import dev.dbinternals.ch08.concurrency.remote.CounterMessages.Increment;
import dev.dbinternals.ch08.concurrency.remote.CounterMessages.Incremented;
import dev.dbinternals.ch08.concurrency.remote.CounterMessages.Put;
import dev.dbinternals.ch08.concurrency.remote.CounterMessages.PutIfVersion;
import dev.dbinternals.ch08.concurrency.remote.CounterMessages.Value;
import dev.dbinternals.ch08.concurrency.remote.CounterMessages.Written;
import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.harness.Node;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A counter that lives on one node: the only copy of the shared state, reachable only through
 * messages.
 *
 * <p>Book: Chapter 8, "Shared State in a Distributed System" (분산 시스템의 자원 공유): a client
 * cannot lock this memory or read it directly; it sends a request and may never learn whether
 * it arrived. The server handles one message at a time (its handlers are atomic), so the race
 * is not inside the server but between the messages of different clients, and between a
 * request and its retries.
 *
 * <p>With {@code dedup}, the server remembers the reply to every request id it has applied and
 * answers a retry with that reply instead of applying it again: together with a conditional
 * write, the fix. (A real server bounds this table, e.g. per client, last id only.)
 * Not thread-safe: a node is driven by its runtime, one event at a time.
 */
public final class CounterServer implements Node {

    private final boolean dedup;
    private long value;
    private long version;
    private long applied;
    private final Map<Long, byte[]> replies = new LinkedHashMap<>();

    public CounterServer(boolean dedup) {
        this.dedup = dedup;
    }

    public long value() {
        return value;
    }

    /** How many state changes the server made (double increments show up here). */
    public long applied() {
        return applied;
    }

    @Override
    public void onMessage(Context ctx, Address from, byte[] message) {
        Object m = CounterMessages.CODEC.receive(ctx, message).orElse(null);
        if (m == null) {
            return; // did not decode (corrupted): counted by Codec.receive through Context.discard
        }
        long requestId = requestId(m);
        if (dedup && replies.containsKey(requestId)) {
            ctx.note("retry of request " + requestId + ": answered from the reply table, not applied again");
            ctx.send(from, replies.get(requestId));
            return;
        }
        Object reply;
        if (m instanceof Get g) {
            reply = new Value(g.requestId(), value, version);
        } else if (m instanceof Put p) {
            set(p.value());
            reply = new Written(p.requestId(), true, value, version);
        } else if (m instanceof PutIfVersion p) {
            boolean ok = p.expectedVersion() == version;
            if (ok) {
                set(p.value());
            }
            reply = new Written(p.requestId(), ok, value, version);
        } else if (m instanceof Increment i) {
            set(value + i.delta());
            reply = new Incremented(i.requestId(), value);
        } else {
            ctx.note("unexpected message " + m);
            return;
        }
        byte[] bytes = CounterMessages.CODEC.encode(reply);
        if (dedup && !(m instanceof Get)) {
            replies.put(requestId, bytes);
        }
        ctx.send(from, bytes);
    }

    private void set(long v) {
        value = v;
        version++;
        applied++;
    }

    static long requestId(Object m) {
        if (m instanceof Get g) {
            return g.requestId();
        } else if (m instanceof Value v) {
            return v.requestId();
        } else if (m instanceof Put p) {
            return p.requestId();
        } else if (m instanceof PutIfVersion p) {
            return p.requestId();
        } else if (m instanceof Written w) {
            return w.requestId();
        } else if (m instanceof Increment i) {
            return i.requestId();
        } else if (m instanceof Incremented i) {
            return i.requestId();
        }
        throw new IllegalArgumentException("not a counter message: " + m);
    }
}
