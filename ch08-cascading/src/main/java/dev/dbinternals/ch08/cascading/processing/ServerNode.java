package dev.dbinternals.ch08.cascading.processing;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.harness.Node;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Objects;

/**
 * A server with one worker, a bounded queue in front of it and a fixed service time.
 *
 * <p>Book: Chapter 8, "Processing" (프로세싱). In paraphrase: processing cannot be assumed to
 * start as soon as the message is delivered; the message may wait in the remote server's
 * queue until the messages that arrived before it are processed. The receiving side (this node's
 * {@code onMessage}) only enqueues: reception and processing are decoupled (분리), which is
 * why a burst can be absorbed, and also why a queue can hide an overload until latency
 * explodes.
 *
 * <p>Guarantees: at most {@code queueCapacity} requests wait (plus the one in service); a
 * request that finds the queue full gets a {@link Wire.Rejected} right away, so the sender
 * learns about the overload in one round trip instead of after a timeout. Requests are served
 * in arrival order, one at a time, each taking {@code serviceTime} (times the slowdown), so
 * throughput is at most {@code 1 / serviceTime} no matter how long the queue is.
 *
 * <p>Measures what Little's law (L = λW) talks about: the time-weighted number of requests
 * in the server (waiting or in service), the arrival count, and the time each one spent inside.
 *
 * <p>Not thread-safe (a node runs on its runtime's thread).
 */
public final class ServerNode implements Node {

    /** No limit: the queue grows as long as requests come faster than they are served. */
    public static final int UNBOUNDED = Integer.MAX_VALUE;

    private static final Object DONE = "service-done";

    /** What a server looks like; immutable. */
    public record Config(int queueCapacity, Duration serviceTime) {
        public Config {
            Objects.requireNonNull(serviceTime, "serviceTime");
            if (queueCapacity < 0) {
                throw new IllegalArgumentException("queue capacity must be >= 0 (0 = no waiting room), got " + queueCapacity);
            }
            if (serviceTime.isNegative() || serviceTime.isZero()) {
                throw new IllegalArgumentException("service time must be positive, got " + serviceTime);
            }
        }
    }

    /** Counters of one server; a snapshot. */
    public record Stats(long accepted, long rejected, long completed, int maxInSystem,
                        long inSystemAreaNanos, long residenceSumNanos, long observedNanos) {

        /** Time-averaged number of requests inside (waiting + in service): L of Little's law. */
        public double averageInSystem() {
            return observedNanos == 0 ? 0 : (double) inSystemAreaNanos / observedNanos;
        }

        /** Mean time a completed request spent inside, in nanoseconds: W of Little's law. */
        public double meanResidenceNanos() {
            return completed == 0 ? 0 : (double) residenceSumNanos / completed;
        }

        /** Accepted requests per second over the observed time: λ of Little's law. */
        public double arrivalRatePerSecond() {
            return observedNanos == 0 ? 0 : accepted * 1e9 / observedNanos;
        }
    }

    private record Waiting(Address from, Wire.Request request, long arrivedNanos) {
    }

    private final Config config;
    private final ArrayDeque<Waiting> queue = new ArrayDeque<>();
    private double slowdown = 1.0;
    private boolean serving;
    private Context ctx;
    private long startNanos = -1;
    private long lastChangeNanos;
    private long area;
    private long accepted;
    private long rejected;
    private long completed;
    private long residenceSum;
    private int maxInSystem;

    public ServerNode(Config config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    @Override
    public void onStart(Context ctx) {
        this.ctx = ctx;
        startNanos = ctx.clock().monotonicNanos();
        lastChangeNanos = startNanos;
    }

    @Override
    public void onMessage(Context ctx, Address from, byte[] message) {
        Wire.Request r = Wire.CODEC.receive(ctx, message, Wire.Request.class).orElse(null);
        if (r == null) {
            return; // a corrupted or foreign frame: the harness counted it (Context.discard), never crash on it
        }
        long now = ctx.clock().monotonicNanos();
        // the one in service occupies the worker, not the waiting room
        int waiting = serving ? queue.size() - 1 : queue.size();
        if (waiting >= config.queueCapacity() && serving) {
            rejected++;
            ctx.send(from, Wire.CODEC.encode(new Wire.Rejected(r.id(), r.sentNanos(), r.attempt(), queue.size())));
            return;
        }
        accumulate(now);
        queue.add(new Waiting(from, r, now));
        accepted++;
        maxInSystem = Math.max(maxInSystem, queue.size());
        if (!serving) {
            startService();
        }
    }

    @Override
    public void onTimer(Context ctx, Object tag) {
        if (tag != DONE) {
            return;
        }
        long now = ctx.clock().monotonicNanos();
        accumulate(now);
        Waiting w = queue.poll();
        serving = false;
        completed++;
        residenceSum += now - w.arrivedNanos();
        long wait = now - w.arrivedNanos() - serviceNanos();
        ctx.send(w.from(), Wire.CODEC.encode(
                new Wire.Response(w.request().id(), w.request().sentNanos(), w.request().attempt(), Math.max(0, wait))));
        if (!queue.isEmpty()) {
            startService();
        }
    }

    private void startService() {
        serving = true;
        ctx.setTimer(Duration.ofNanos(serviceNanos()), DONE);
    }

    private long serviceNanos() {
        return slowdown == 1.0 ? config.serviceTime().toNanos() : (long) (config.serviceTime().toNanos() * slowdown);
    }

    private void accumulate(long now) {
        area += (long) queue.size() * (now - lastChangeNanos);
        lastChangeNanos = now;
    }

    /**
     * Makes every service from now on take {@code factor} times longer (a degraded disk, a noisy
     * neighbour). For fault plans: {@code sim.at(t, () -> sim.node(a, ServerNode.class).setSlowdown(4))}.
     */
    public void setSlowdown(double factor) {
        if (!(factor >= 1.0 && factor <= 1e6)) {
            throw new IllegalArgumentException("slowdown must be in [1, 1000000], got " + factor);
        }
        this.slowdown = factor;
    }

    public Config config() {
        return config;
    }

    /** Requests inside now: waiting plus the one in service. */
    public int inSystem() {
        return queue.size();
    }

    /** A snapshot of the counters, with the area under the in-system curve brought up to {@code nowNanos} (true time). */
    public Stats stats() {
        long observed = ctx == null ? 0 : ctx.clock().monotonicNanos() - startNanos;
        long areaNow = ctx == null ? 0 : area + (long) queue.size() * (ctx.clock().monotonicNanos() - lastChangeNanos);
        return new Stats(accepted, rejected, completed, maxInSystem, areaNow, residenceSum, observed);
    }
}
