package dev.dbinternals.ch08.failuremodels.masking;

import dev.dbinternals.ch08.failuremodels.Messages;
import dev.dbinternals.ch08.failuremodels.arbitrary.Replica;
import dev.dbinternals.ch08.failuremodels.Messages.Answer;
import dev.dbinternals.ch08.failuremodels.Messages.Query;
import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.harness.Node;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A client of a replicated read-only service that hides (or does not hide) a crashed replica,
 * depending on its {@link Strategy}. Sends a request every {@code every}, open loop.
 *
 * <p>Book: Chapter 8, "Handling Failures" at the end of "Failure Models" (장애 처리). In
 * paraphrase: failures can be masked by forming process groups with redundancy, so that the user
 * does not notice one process failing; and there may be a performance penalty, since normal
 * execution relies on responsive processes and error handling falls back to a slower path.
 * {@link Strategy#FAILOVER} is that slower path; {@link Strategy#FAN_OUT} does not take it, at
 * the price of sending every request to every replica. Not thread-safe.
 */
public final class MaskingClient implements Node {

    /** How requests use the replicas. */
    public enum Strategy {
        /** Only the first replica: no redundancy. A crash is an error the user sees. */
        PRIMARY_ONLY,
        /** One replica at a time; on timeout, switch to the next one for good and resend. */
        FAILOVER,
        /** Every replica at once; the first correct answer wins. */
        FAN_OUT,
        /** The current replica first; if no answer within the hedge delay, also the next one. */
        HEDGED
    }

    /** A finished request: answered or failed, its latency, and how many messages it cost. */
    public record Outcome(long id, boolean answered, long latencyNanos, int messages) {
    }

    private final class Request {
        final long id;
        final long x;
        final long start;
        int messages;
        int attempts;
        Address target;

        Request(long id, long x, long start) {
            this.id = id;
            this.x = x;
            this.start = start;
        }
    }

    private final List<Address> replicas;
    private final Strategy strategy;
    private final int requests;
    private final Duration every;
    private final Duration timeout;
    private final Duration hedgeDelay;
    private final Map<Long, Request> open = new LinkedHashMap<>();
    private final List<Outcome> outcomes = new ArrayList<>();
    private int current;
    private long nextId;

    public MaskingClient(List<Address> replicas, Strategy strategy, int requests, Duration every, Duration timeout,
                         Duration hedgeDelay) {
        this.replicas = List.copyOf(replicas);
        this.strategy = strategy;
        this.requests = requests;
        this.every = every;
        this.timeout = timeout;
        this.hedgeDelay = hedgeDelay;
    }

    @Override
    public void onStart(Context ctx) {
        ctx.setTimer(every, "new");
    }

    @Override
    public void onTimer(Context ctx, Object tag) {
        if ("new".equals(tag)) {
            if (nextId < requests) {
                Request r = new Request(++nextId, 1 + ctx.random().nextInt(1000), ctx.clock().monotonicNanos());
                open.put(r.id, r);
                if (strategy == Strategy.FAN_OUT) {
                    replicas.forEach(a -> send(ctx, r, a));
                    ctx.setTimer(timeout, r.id);
                } else {
                    send(ctx, r, replicas.get(strategy == Strategy.PRIMARY_ONLY ? 0 : current));
                    r.attempts = 1;
                    ctx.setTimer(strategy == Strategy.HEDGED ? hedgeDelay : timeout, r.id);
                }
                ctx.setTimer(every, "new");
            }
            return;
        }
        Request r = open.get((Long) tag);
        if (r == null) {
            return; // answered already
        }
        switch (strategy) {
            case PRIMARY_ONLY, FAN_OUT -> finish(ctx, r, false);
            case FAILOVER -> {
                if (r.attempts >= replicas.size()) {
                    finish(ctx, r, false);
                    return;
                }
                // the slow path: give up on this replica, for this and later requests
                if (r.target.equals(replicas.get(current))) {
                    current = (current + 1) % replicas.size();
                }
                Address next = replicas.get(current);
                if (next.equals(r.target)) {
                    next = replicas.get((current + 1) % replicas.size());
                }
                send(ctx, r, next);
                r.attempts++;
                ctx.setTimer(timeout, r.id);
            }
            case HEDGED -> {
                if (r.attempts >= replicas.size()) {
                    finish(ctx, r, false);
                    return;
                }
                send(ctx, r, replicas.get((current + r.attempts) % replicas.size()));
                r.attempts++;
                ctx.setTimer(r.attempts >= replicas.size() ? timeout : hedgeDelay, r.id);
            }
            default -> throw new IllegalStateException();
        }
    }

    private void send(Context ctx, Request r, Address to) {
        r.messages++;
        r.target = to;
        ctx.send(to, Messages.encode(new Query(r.id, r.x)));
    }

    @Override
    public void onMessage(Context ctx, Address from, byte[] bytes) {
        if (Messages.decode(bytes) instanceof Answer a) {
            Request r = open.get(a.requestId());
            if (r != null && a.value() == Replica.correct(r.x)) {
                if (strategy == Strategy.HEDGED && !from.equals(replicas.get(current))) {
                    current = replicas.indexOf(from); // the hedge answered: prefer it from now on
                }
                finish(ctx, r, true);
            }
        }
    }

    private void finish(Context ctx, Request r, boolean answered) {
        open.remove(r.id);
        outcomes.add(new Outcome(r.id, answered, ctx.clock().monotonicNanos() - r.start, r.messages));
    }

    public List<Outcome> outcomes() {
        return Collections.unmodifiableList(outcomes);
    }
}
