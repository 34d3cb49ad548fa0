// Wrong solution for cascading-7: one attempt per request, no retry, so every lost frame is a lost request.
package dev.dbinternals.ch08.cascading.storm;

import dev.dbinternals.ch08.cascading.processing.Wire;
import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.harness.Node;
import java.time.Duration;
import dev.dbinternals.ch08.harness.TimerId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Exercise cascading-7: a client that keeps its goodput through a server's slowdown without
 * starting a retry storm. Book: Chapter 8, "Cascading Failures" (계단식 장애): retries of an
 * overloaded server make it worse; backoff, jitter and a circuit breaker are the defences.
 *
 * <p>Given: this node's users create requests at random times (the {@code ARRIVAL} timer), each
 * to be answered within {@link #DEADLINE} of its creation or given up. The server has one worker
 * and a bounded queue: it answers a {@link Wire.Request} with a {@link Wire.Response}, or at once
 * with a {@link Wire.Rejected} when its queue is full. Frames get lost and duplicated (read
 * them with {@code Wire.CODEC.receive(ctx, message)}), and for a while the server slows down. Send every attempt of a request with the request's id; call {@link #answered} once per
 * request. Use only {@code ctx}: its clock, its timers, its {@code random()}.
 *
 * <p>Graded over 1,000 seeds (README, exercise cascading-7, states the four properties).
 * Not thread-safe (one handler at a time).
 */
public final class ResilientClient implements Node {

    /** A request still unanswered this long after its creation is given up. */
    public static final Duration DEADLINE = Duration.ofMillis(200);

    // Retries: full jitter under a capped exponential ceiling, never past the request's deadline.
    private static final long BASE = Duration.ofMillis(5).toNanos();
    private static final long CAP = Duration.ofMillis(50).toNanos();
    // An attempt not answered this long after it was sent has failed (the answer may still come).
    private static final long ATTEMPT_TIMEOUT = Duration.ofMillis(60).toNanos();
    // Breaker: this many failures in a row open it; it stays open a random time in [OPEN, 2 OPEN),
    // so that clients that opened together do not send their trials together.
    private static final int FAILURES_TO_OPEN = 3;
    private static final long OPEN = Duration.ofMillis(20).toNanos();

    private static final Object ARRIVAL = "arrival";
    private final Address server;
    private final double ratePerSecond;
    private final List<long[]> answered = new ArrayList<>();
    private final List<Long> createdAt = new ArrayList<>();

    private enum State { CLOSED, OPEN, HALF_OPEN }

    private State state = State.CLOSED;
    private int failuresInARow;
    private long openUntil;

    /** A request in progress: its retry count and the timer that will act for it next. */
    private static final class Pending {
        final long id;
        final long createdNanos;
        int retries;
        TimerId timer;
        boolean trial;

        Pending(long id, long createdNanos) {
            this.id = id;
            this.createdNanos = createdNanos;
        }
    }

    private record Timeout(long id, int retries) {
    }

    private record Retry(long id) {
    }

    private final Map<Long, Pending> pending = new HashMap<>(); // looked up by id, never iterated

    /** A client of {@code server} whose users create {@code ratePerSecond} requests per second (Poisson). */
    public ResilientClient(Address server, double ratePerSecond) {
        this.server = server;
        this.ratePerSecond = ratePerSecond;
    }

    @Override
    public void onStart(Context ctx) {
        ctx.setTimer(nextArrival(ctx), ARRIVAL);
    }

    @Override
    public void onTimer(Context ctx, Object tag) {
        if (tag == ARRIVAL) {
            ctx.setTimer(nextArrival(ctx), ARRIVAL);
            long now = ctx.clock().monotonicNanos();
            createdAt.add(now);
            newRequest(ctx, createdAt.size(), now);
            return;
        }
        if (tag instanceof Timeout t) {
            Pending p = pending.get(t.id());
            if (p != null && p.retries == t.retries()) {
                failed(ctx, p);
            }
        } else if (tag instanceof Retry r) {
            Pending p = pending.get(r.id());
            if (p != null) {
                attempt(ctx, p);
            }
        }
    }

    /** A user created request {@code id} at {@code createdNanos} (this node's monotonic clock). */
    private void newRequest(Context ctx, long id, long createdNanos) {
        Pending p = new Pending(id, createdNanos);
        pending.put(id, p);
        attempt(ctx, p);
    }

    /** Sends the next attempt if the breaker lets it through; otherwise the request fails fast. */
    private void attempt(Context ctx, Pending p) {
        long now = ctx.clock().monotonicNanos();

        p.trial = state == State.HALF_OPEN;
        ctx.send(server, Wire.CODEC.encode(new Wire.Request(p.id, now, p.retries + 1, 0)));
        p.timer = null;
    }

    @Override
    public void onMessage(Context ctx, Address from, byte[] message) {
        Object m = Wire.CODEC.receive(ctx, message).orElse(null);
        long now = ctx.clock().monotonicNanos();
        if (m instanceof Wire.Response r) {
            Pending p = pending.remove(r.id());
            if (p == null) {
                return; // a duplicate, or an answer to a request already given up
            }

            if (now - p.createdNanos <= DEADLINE.toNanos()) {
                answered(p.id, p.createdNanos, now);
            }
        } else if (m instanceof Wire.Rejected r) {
            Pending p = pending.get(r.id());
            pending.remove(r.id()); // one shot: a refusal ends the request
        }
    }

    /** The current attempt failed: tell the breaker, then retry after a jittered wait if time is left. */
    private void failed(Context ctx, Pending p) {
        long now = ctx.clock().monotonicNanos();
        failure(ctx, now, p.trial);
        p.retries++;
        long ceiling = CAP;
        if (p.retries <= 10) {
            ceiling = Math.min(CAP, BASE << (p.retries - 1));
        }
        long wait = ctx.random().nextLong(ceiling + 1);
        if (now + wait >= p.createdNanos + DEADLINE.toNanos()) {
            pending.remove(p.id);
            return;
        }
        p.timer = ctx.setTimer(Duration.ofNanos(wait), new Retry(p.id));
    }

    private boolean allow(long now) {
        if (state == State.OPEN && now >= openUntil) {
            state = State.HALF_OPEN;
            return true; // the one trial
        }
        return state == State.CLOSED;
    }

    private void success() {
        failuresInARow = 0;
        state = State.CLOSED;
    }

    private void failure(Context ctx, long now, boolean trial) {
        failuresInARow++;
        if (trial || state == State.CLOSED && failuresInARow >= FAILURES_TO_OPEN) {
            state = State.OPEN;
            openUntil = now + OPEN + ctx.random().nextLong(OPEN);
        }
    }

    /** Call once per request, when a Response for it arrives in time. */
    private void answered(long id, long createdNanos, long nowNanos) {
        answered.add(new long[] {id, createdNanos, nowNanos});
    }

    /** For the test: {id, created, answered} of each answered request, in order. */
    public List<long[]> answeredRequests() {
        return List.copyOf(answered);
    }

    /** For the test: how many requests this node's users created in [fromNanos, toNanos). */
    public long createdBetween(long fromNanos, long toNanos) {
        return createdAt.stream().filter(t -> t >= fromNanos && t < toNanos).count();
    }

    private Duration nextArrival(Context ctx) {
        double meanNanos = 1e9 / ratePerSecond;
        return Duration.ofNanos(Math.max(1, (long) (-Math.log(1 - ctx.random().nextDouble()) * meanNanos)));
    }
}
