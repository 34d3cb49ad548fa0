package dev.dbinternals.ch08.failuremodels.crash;

import dev.dbinternals.ch08.failuremodels.Messages;
import dev.dbinternals.ch08.failuremodels.Messages.Ack;
import dev.dbinternals.ch08.failuremodels.Messages.Read;
import dev.dbinternals.ch08.failuremodels.Messages.ReadReply;
import dev.dbinternals.ch08.failuremodels.Messages.Write;
import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.harness.Node;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

/**
 * A client of a register replicated on a <em>fixed</em> list of processes: a write or read
 * completes when a majority of that list has answered; a read returns the highest version.
 * It asks every process it can reach, and counts only the list's answers.
 *
 * <p>Book: Chapter 8, "Crash Faults" (충돌), which says, in paraphrase, that most algorithms use a
 * predefined list of processes and define their failure semantics by how many failures they
 * tolerate. With
 * {@code n = 2f + 1} members, any two majorities share a member, so a read meets the latest
 * acknowledged write as long as at most {@code f} members ever fail (crash-stop) or every member
 * that comes back still holds what it acknowledged (crash-recovery with durable state). A
 * member that returns <em>blank</em> is neither: it is a failed process plus a new one wearing
 * its name, and counting it as correct breaks the intersection. Replies from processes not in
 * the list are ignored, however many there are.
 *
 * <p>Runs a script of operations one after another, each no earlier than its start time on
 * this node's monotonic clock. Not thread-safe.
 */
public final class QuorumClient implements Node {

    /** One operation of the script: a write of {@code value} or a read, starting at {@code at}. */
    public record Op(Duration at, boolean write, String key, long value) {
        public static Op write(Duration at, String key, long value) {
            return new Op(at, true, key, value);
        }

        public static Op read(Duration at, String key) {
            return new Op(at, false, key, 0);
        }
    }

    /** What an operation returned: {@code completed} false if no majority answered in time. */
    public record Result(Op op, boolean completed, boolean found, long value, List<Address> quorum) {
        /** In English: the client's trace note (trace data stays in one language). */
        @Override
        public String toString() {
            if (!completed) {
                return (op.write() ? "write " + op.key() + "=" + op.value() : "read " + op.key())
                        + ": no majority answered (blocked)";
            }
            return op.write() ? "write " + op.key() + "=" + op.value() + " acknowledged by " + quorum
                    : "read " + op.key() + " = " + (found ? String.valueOf(value) : "(nothing)") + " from " + quorum;
        }

        /** The same, in the language in effect, for a demo's narration. */
        public String text() {
            if (!completed) {
                return t(toString(), (op.write() ? "쓰기 " + op.key() + "=" + op.value() : "읽기 " + op.key())
                        + ": 과반수가 답하지 않았다(막힘)");
            }
            return t(toString(), op.write() ? "쓰기 " + op.key() + "=" + op.value() + ", 확인 응답: " + quorum
                    : "읽기 " + op.key() + " = " + (found ? String.valueOf(value) : "(없음)") + ", 응답: " + quorum);
        }
    }

    private final List<Address> members;
    private final List<Op> script;
    private final Duration retry;
    private final Duration opTimeout;
    private final List<Result> results = new ArrayList<>();
    private final Set<Address> ignored = new TreeSet<>();
    private final Map<Address, ReadReply> replies = new LinkedHashMap<>();
    private long startNanos;
    private int index;
    private boolean inProgress;
    private long requestId;
    private long opStarted;
    private long version;

    public QuorumClient(List<Address> members, List<Op> script, Duration retry, Duration opTimeout) {
        this.members = List.copyOf(members);
        this.script = List.copyOf(script);
        this.retry = Objects.requireNonNull(retry);
        this.opTimeout = Objects.requireNonNull(opTimeout);
    }

    private int majority() {
        return members.size() / 2 + 1;
    }

    @Override
    public void onStart(Context ctx) {
        startNanos = ctx.clock().monotonicNanos();
        scheduleNext(ctx);
    }

    private void scheduleNext(Context ctx) {
        if (index >= script.size()) {
            return;
        }
        long elapsed = ctx.clock().monotonicNanos() - startNanos;
        long wait = Math.max(0, script.get(index).at().toNanos() - elapsed);
        ctx.setTimer(Duration.ofNanos(wait), "start");
    }

    @Override
    public void onTimer(Context ctx, Object tag) {
        if ("start".equals(tag)) {
            inProgress = true;
            requestId++;
            replies.clear();
            opStarted = ctx.clock().monotonicNanos();
            if (script.get(index).write()) {
                version++;
            }
            sendToMissing(ctx);
            ctx.setTimer(retry, "retry");
        } else if ("retry".equals(tag) && inProgress) {
            if (ctx.clock().monotonicNanos() - opStarted >= opTimeout.toNanos()) {
                finish(ctx, false);
                return;
            }
            sendToMissing(ctx);
            ctx.setTimer(retry, "retry");
        }
    }

    private void sendToMissing(Context ctx) {
        Op op = script.get(index);
        Object m = op.write() ? new Write(requestId, op.key(), op.value(), version) : new Read(requestId, op.key());
        // Asks every process it can reach (as a client behind a load balancer would), but only
        // the fixed list's answers will count.
        for (Address node : ctx.nodes()) {
            if (!node.equals(ctx.self()) && !replies.containsKey(node)) {
                ctx.send(node, Messages.encode(m));
            }
        }
    }

    @Override
    public void onMessage(Context ctx, Address from, byte[] bytes) {
        if (!inProgress) {
            return;
        }
        Object m = Messages.decode(bytes);
        long id = m instanceof Ack a ? a.requestId() : m instanceof ReadReply r ? r.requestId() : -1;
        if (id != requestId) {
            return;
        }
        if (!members.contains(from)) {
            ignored.add(from); // a process the algorithm does not know does not count
            return;
        }
        replies.put(from, m instanceof ReadReply r ? r : new ReadReply(id, "", false, 0, 0));
        if (replies.size() >= majority()) {
            finish(ctx, true);
        }
    }

    private void finish(Context ctx, boolean completed) {
        Op op = script.get(index);
        ReadReply best = null;
        for (ReadReply r : replies.values()) {
            if (r.found() && (best == null || r.version() > best.version())) {
                best = r;
            }
        }
        boolean found = op.write() || best != null;
        long value = op.write() ? op.value() : best == null ? 0 : best.value();
        results.add(new Result(op, completed, completed && found, completed ? value : 0, List.copyOf(replies.keySet())));
        ctx.note(results.get(results.size() - 1).toString());
        inProgress = false;
        index++;
        scheduleNext(ctx);
    }

    public List<Result> results() {
        return Collections.unmodifiableList(results);
    }

    /** Processes that answered but are not in the fixed list, so did not count. */
    public Set<Address> ignored() {
        return Collections.unmodifiableSet(ignored);
    }

    public boolean done() {
        return results.size() == script.size();
    }
}
