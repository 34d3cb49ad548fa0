package dev.dbinternals.ch08.cascading.storm;

import dev.dbinternals.ch08.cascading.processing.Wire;
import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.harness.Node;
import dev.dbinternals.ch08.harness.exercise.NotDoneYet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Exercise cascading-7: a client that keeps its goodput through a server's slowdown without
 * starting a retry storm. Book: Chapter 8, "Cascading Failures" (계단식 장애): retries of an
 * overloaded server make it worse; backoff, jitter and a circuit breaker are the defences.
 *
 * <p>Given: this node's users create requests at random times (the {@code ARRIVAL} timer), each
 * to be answered within {@link #DEADLINE} of its creation or given up. The server has one worker
 * and a bounded queue: it answers a {@link Wire.Request} with a {@link Wire.Response}, or at once
 * with a {@link Wire.Rejected} when its queue is full. Frames get lost and duplicated (read
 * them with {@code Wire.CODEC.receive(ctx, message)}), and for a while the server slows down. Send every attempt of a request with the request's id, its attempt number (1, 2, …) and
 * the time you send it as {@code sentNanos}: the server takes a frame with the same id, attempt and
 * {@code sentNanos} as one it has seen for a network copy. Call {@link #answered} once per request. Use only {@code ctx}: its clock, its timers, its {@code random()}.
 *
 * <p>Graded over 1,000 seeds (README, exercise cascading-7, states the six properties).
 * Not thread-safe (one handler at a time).
 */
public final class ResilientClient implements Node {

    /** A request still unanswered this long after its creation is given up. */
    public static final Duration DEADLINE = Duration.ofMillis(200);

    private static final String FILE = "ch08-cascading/src/exercise/java/dev/dbinternals/ch08/cascading/storm/ResilientClient.java";
    private static final Object ARRIVAL = "arrival";
    private final Address server;
    private final double ratePerSecond;
    private final List<long[]> answered = new ArrayList<>();
    private final List<Long> createdAt = new ArrayList<>();

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
        throw new NotDoneYet("cascading-7", FILE, "handle the timers you set", "직접 건 타이머를 처리하세요.");
    }

    /** A user created request {@code id} at {@code createdNanos} (this node's monotonic clock). */
    private void newRequest(Context ctx, long id, long createdNanos) {
        throw new NotDoneYet("cascading-7", FILE,
                "get request " + id + " answered by " + server + " within DEADLINE, without adding to an overload",
                "요청 " + id + "에 대한 " + server + "의 응답을 DEADLINE 안에 받되, 과부하를 키우지 마세요.");
    }

    @Override
    public void onMessage(Context ctx, Address from, byte[] message) {
        throw new NotDoneYet("cascading-7", FILE, "handle the server's Response and Rejected", "서버의 Response와 Rejected를 처리하세요.");
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
