package dev.dbinternals.ch08.concurrency.replication;

import dev.dbinternals.ch08.harness.history.HistoryRecorder;
import dev.dbinternals.ch08.concurrency.replication.RingMessages.Fetch;
import dev.dbinternals.ch08.concurrency.replication.RingMessages.Fetched;
import dev.dbinternals.ch08.concurrency.replication.RingMessages.StaleRing;
import dev.dbinternals.ch08.concurrency.replication.RingMessages.Store;
import dev.dbinternals.ch08.concurrency.replication.RingMessages.Stored;
import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.harness.Node;
import java.time.Duration;
import java.util.List;

/**
 * A client that routes each request to the key's owner according to ITS OWN view of the ring,
 * and, when a node answers that the view is stale, adopts the node's ring and routes again.
 *
 * <p>Book: Chapter 8, "State Consistency" (상태 일관성), divergent ring views. Records a
 * Jepsen-style register history ({@code :write}, {@code :read} returning {@code nil} when the
 * owner it asked had nothing). Not thread-safe: driven by its runtime.
 */
public final class RingClient implements Node {

    private final List<QuorumClient.Step> script;
    private final HistoryRecorder history;
    private final long process;
    private Ring view;
    private QuorumClient.Step step;
    private long current = -1;
    private long nextRequest;
    private int reroutes;

    public RingClient(Ring view, List<QuorumClient.Step> script, HistoryRecorder history, long process) {
        this.view = view;
        this.script = List.copyOf(script);
        this.history = history;
        this.process = process;
    }

    public Ring view() {
        return view;
    }

    public int reroutes() {
        return reroutes;
    }

    @Override
    public void onStart(Context ctx) {
        for (int i = 0; i < script.size(); i++) {
            ctx.setTimer(script.get(i).at(), i);
        }
    }

    @Override
    public void onTimer(Context ctx, Object tag) {
        if (tag instanceof Integer i) {
            step = script.get(i);
            history.invoke(process, step.write() ? "write" : "read", step.write() ? step.value() : null);
            send(ctx);
        }
    }

    private void send(Context ctx) {
        current = nextRequest++ * 100 + process;
        Address owner = Address.of(view.owner(step.key()));
        Object m = step.write() ? new Store(current, step.key(), step.value(), view.epoch()) : new Fetch(current, step.key(), view.epoch());
        ctx.note((step.write() ? "write " : "read ") + step.key() + " → " + owner + " (ring epoch " + view.epoch() + ")");
        ctx.send(owner, RingMessages.CODEC.encode(m));
    }

    @Override
    public void onMessage(Context ctx, Address from, byte[] message) {
        Object m = RingMessages.CODEC.receive(ctx, message).orElse(null);
        if (m == null) {
            return; // did not decode (corrupted): counted by Codec.receive through Context.discard
        }
        if (m instanceof StaleRing s && s.requestId() == current && s.epoch() > view.epoch()) {
            view = new Ring(s.epoch(), s.members());
            reroutes++;
            send(ctx);
        } else if (m instanceof Stored s && s.requestId() == current) {
            history.ok(process, "write", step.value());
            current = -1;
        } else if (m instanceof Fetched f && f.requestId() == current) {
            history.ok(process, "read", f.found() ? f.value() : null);
            current = -1;
        }
    }

    static Duration ms(long ms) {
        return Duration.ofMillis(ms);
    }
}
