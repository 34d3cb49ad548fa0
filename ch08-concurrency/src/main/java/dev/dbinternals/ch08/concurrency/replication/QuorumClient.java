package dev.dbinternals.ch08.concurrency.replication;

import dev.dbinternals.ch08.harness.history.HistoryRecorder;
import dev.dbinternals.ch08.concurrency.replication.QuorumMessages.Read;
import dev.dbinternals.ch08.concurrency.replication.QuorumMessages.ReadReply;
import dev.dbinternals.ch08.concurrency.replication.QuorumMessages.Repair;
import dev.dbinternals.ch08.concurrency.replication.QuorumMessages.Write;
import dev.dbinternals.ch08.concurrency.replication.QuorumMessages.WriteAck;
import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.harness.Node;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A client (coordinator) of the replicated store: sends each request to all N replicas and
 * answers after W acknowledgements (write) or R replies (read). With read repair on, every
 * reply of a read, even one arriving after the read answered, is compared with the newest
 * copy seen, and stale replicas are sent the newest.
 *
 * <p>Book: Chapter 8, "State Consistency" (상태 일관성): quorum reads and read-time repair.
 * Operations run at scripted virtual times, one at a time; each is recorded in a Jepsen-style
 * history (key {@code x} → register). Not thread-safe: driven by its runtime.
 */
public final class QuorumClient implements Node {

    /** One scripted operation: at {@code at}, write {@code value} to {@code key}, or read it ({@code value} ignored). */
    public record Step(Duration at, boolean write, String key, long value) {
        public static Step write(Duration at, String key, long value) {
            return new Step(at, true, key, value);
        }

        public static Step read(Duration at, String key) {
            return new Step(at, false, key, 0);
        }
    }

    private final List<Address> replicas;
    private final Quorums quorums;
    private final boolean readRepair;
    private final ReadRepair.Planner planner;
    private final List<Step> script;
    private final HistoryRecorder history;
    private final long process;

    private long nextRequest;
    private long writes;
    private long current = -1;
    private Step step;
    private int acks;
    private boolean answered;
    private final Map<Long, Map<Address, Versioned>> readReplies = new LinkedHashMap<>();
    private final Map<Long, String> readKeys = new LinkedHashMap<>();
    private int completed;

    public QuorumClient(List<Address> replicas, Quorums quorums, boolean readRepair, ReadRepair.Planner planner, List<Step> script,
                        HistoryRecorder history, long process) {
        this.replicas = List.copyOf(replicas);
        this.quorums = quorums;
        this.readRepair = readRepair;
        this.planner = planner;
        this.script = List.copyOf(script);
        this.history = history;
        this.process = process;
    }

    /** Operations answered (or given up) so far. */
    public int completed() {
        return completed;
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
            start(ctx, script.get(i));
        } else if (tag instanceof Long id && id == current && !answered) {
            // no quorum in time: a write may still have reached some replicas (unknown), a read simply failed
            answered = true;
            completed++;
            if (step.write()) {
                history.info(process, "write", step.value());
            } else {
                history.fail(process, "read", null);
            }
        }
    }

    private void start(Context ctx, Step s) {
        step = s;
        current = nextRequest++ * 100 + process;
        acks = 0;
        answered = false;
        Object message;
        if (s.write()) {
            history.invoke(process, "write", s.value());
            // one writer at a time in these scenarios, so a per-client sequence (tagged with the client) is a fine version
            message = new Write(current, s.key(), s.value(), ++writes * 100 + process);
        } else {
            history.invoke(process, "read", null);
            readReplies.put(current, new LinkedHashMap<>());
            readKeys.put(current, s.key());
            message = new Read(current, s.key());
        }
        byte[] bytes = QuorumMessages.CODEC.encode(message);
        for (Address r : replicas) {
            ctx.send(r, bytes);
        }
        ctx.setTimer(Duration.ofMillis(500), current);
    }

    @Override
    public void onMessage(Context ctx, Address from, byte[] message) {
        Object m = QuorumMessages.CODEC.receive(ctx, message).orElse(null);
        if (m == null) {
            return; // did not decode (corrupted): counted by Codec.receive through Context.discard
        }
        if (m instanceof WriteAck a && a.requestId() == current && !answered && ++acks >= quorums.w()) {
            answered = true;
            completed++;
            history.ok(process, "write", step.value());
        } else if (m instanceof ReadReply r && readReplies.containsKey(r.requestId())) {
            Map<Address, Versioned> replies = readReplies.get(r.requestId());
            replies.put(from, new Versioned(r.value(), r.version()));
            ReadRepair.Plan plan = planner.plan(replies);
            if (r.requestId() == current && !answered && replies.size() >= quorums.r()) {
                answered = true;
                completed++;
                history.ok(process, "read", plan.newest().version() == 0 ? null : plan.newest().value());
            }
            if (readRepair && (answered || r.requestId() != current)) {
                String key = readKeys.get(r.requestId());
                plan.repairs().forEach((replica, newest) ->
                        ctx.send(replica, QuorumMessages.CODEC.encode(new Repair(key, newest.value(), newest.version()))));
            }
        }
    }
}
