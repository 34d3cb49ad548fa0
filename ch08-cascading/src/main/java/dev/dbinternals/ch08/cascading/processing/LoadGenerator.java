package dev.dbinternals.ch08.cascading.processing;

import dev.dbinternals.ch08.cascading.hotspots.KeySampler;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.harness.Node;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * A producer of requests: open loop at a fixed or Poisson rate, optionally with bursts, with
 * credit-based backpressure, or with a {@link RateController} that slows down on rejections.
 *
 * <p>Book: Chapter 8, "Processing" (프로세싱). Three producers a reader should tell apart:
 * <ul>
 *   <li><b>open loop</b>: sends at its own pace whatever the consumer does; if that pace is
 *   above the consumer's service rate, the queue fills and stays full;</li>
 *   <li><b>credit-based backpressure</b> (크레딧 기반 백프레셔): may have at most {@code window}
 *   requests outstanding, one credit coming back with each answer, so it sends exactly as fast
 *   as the consumer serves; work it cannot send yet stays at the source (counted as
 *   {@code heldBack}), where the producer can slow down, instead of waiting in a remote queue;</li>
 *   <li><b>reject and slow down</b>: a {@link RateController} lowers the rate on each
 *   {@link Wire.Rejected}.</li>
 * </ul>
 *
 * <p>With credits, held-back work is sent as credits come back, also after the generator stopped
 * producing new work at the end of {@code duration}: the source works through its backlog.
 *
 * <p>Latency is measured with this node's monotonic clock from the send to the answer, so it
 * includes both network legs, the wait in the server's queue and the service.
 *
 * <p>Not thread-safe (a node runs on its runtime's thread).
 */
public final class LoadGenerator implements Node {

    private static final Object TICK = "tick";

    /** How a generator behaves. Immutable; every {@code with*} returns a copy. */
    public record Config(double ratePerSecond, boolean poisson, Duration duration, IntFunction<Address> route,
                         KeySampler keys, List<Burst> bursts, int creditWindow,
                         Supplier<? extends RateController> rateController) {

        public Config {
            if (!(ratePerSecond > 0 && ratePerSecond <= 1e7)) {
                throw new IllegalArgumentException("rate must be in (0, 10^7] requests per second, got " + ratePerSecond);
            }
            Objects.requireNonNull(duration, "duration");
            Objects.requireNonNull(route, "route");
            Objects.requireNonNull(keys, "keys");
            bursts = List.copyOf(bursts);
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException("duration must be positive, got " + duration);
            }
            if (creditWindow < 0) {
                throw new IllegalArgumentException("credit window must be >= 0 (0 = no credits, open loop), got " + creditWindow);
            }
        }

        /** Sends to {@code target} at {@code ratePerSecond}, evenly spaced, for {@code duration}. */
        public static Config openLoop(Address target, double ratePerSecond, Duration duration) {
            Objects.requireNonNull(target, "target");
            return new Config(ratePerSecond, false, duration, k -> target, KeySampler.single(), List.of(), 0, null);
        }

        /** Exponentially distributed gaps (a Poisson process) instead of even spacing. */
        public Config withPoisson(boolean on) {
            return new Config(ratePerSecond, on, duration, route, keys, bursts, creditWindow, rateController);
        }

        public Config withBursts(Burst... b) {
            return new Config(ratePerSecond, poisson, duration, route, keys, List.of(b), creditWindow, rateController);
        }

        /** Credit-based backpressure: at most {@code window} requests outstanding. */
        public Config withCreditWindow(int window) {
            return new Config(ratePerSecond, poisson, duration, route, keys, bursts, window, rateController);
        }

        /** Rate adjusted by a controller (a fresh one per node instance); the configured rate is ignored. */
        public Config withRateController(Supplier<? extends RateController> controller) {
            return new Config(ratePerSecond, poisson, duration, route, keys, bursts, creditWindow, controller);
        }

        /** Keys drawn from {@code sampler}, each routed by {@code route}. */
        public Config withKeys(KeySampler sampler, IntFunction<Address> route) {
            return new Config(ratePerSecond, poisson, duration, route, sampler, bursts, creditWindow, rateController);
        }

    }

    private final Config config;
    private final LatencyStats latency = new LatencyStats();
    private long[] keyCounts;
    private RateController controller;
    private Context ctx;
    private long start;
    private long nextId;
    private long sent;
    private long answered;
    private long rejected;
    private long heldBack;
    private long maxHeldBack;
    private int outstanding;
    private boolean stopped;

    public LoadGenerator(Config config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    @Override
    public void onStart(Context ctx) {
        this.ctx = ctx;
        this.start = ctx.clock().monotonicNanos();
        this.controller = config.rateController() == null ? null : config.rateController().get();
        ctx.setTimer(Duration.ZERO, TICK); // the first request leaves at once
    }

    @Override
    public void onTimer(Context ctx, Object tag) {
        long since = ctx.clock().monotonicNanos() - start;
        if (since >= config.duration().toNanos()) {
            stopped = true;
            return;
        }
        if (config.creditWindow() > 0 && outstanding >= config.creditWindow()) {
            heldBack++; // no credit: the work waits at the source, which can slow down
            maxHeldBack = Math.max(maxHeldBack, heldBack);
        } else {
            send(ctx);
        }
        ctx.setTimer(Duration.ofNanos(gapNanos(ctx.random(), since)), TICK);
    }

    private void send(Context ctx) {
        int key = config.keys().next(ctx.random());
        if (keyCounts == null) {
            keyCounts = new long[config.keys().keys()];
        }
        keyCounts[key]++;
        long id = nextId++;
        outstanding++;
        sent++;
        ctx.send(config.route().apply(key),
                Wire.CODEC.encode(new Wire.Request(id, ctx.clock().monotonicNanos(), 1, key)));
    }

    private long gapNanos(RandomGenerator random, long since) {
        double rate = controller != null ? controller.ratePerSecond() : config.ratePerSecond();
        for (Burst b : config.bursts()) {
            if (b.covers(since)) {
                rate *= b.multiplier();
            }
        }
        double mean = 1e9 / rate;
        if (!config.poisson()) {
            return Math.max(1, (long) mean);
        }
        // inverse transform with StrictMath, so a replay does not depend on the JDK's Math
        return Math.max(1, (long) (-StrictMath.log(1.0 - random.nextDouble()) * mean));
    }

    @Override
    public void onMessage(Context ctx, Address from, byte[] message) {
        Object m = Wire.CODEC.receive(ctx, message).orElse(null);
        if (m == null) {
            return; // a corrupted or foreign frame: the harness counted it (Context.discard)
        }
        long now = ctx.clock().monotonicNanos();
        if (m instanceof Wire.Response r) {
            answered++;
            latency.record(now - r.sentNanos());
            if (controller != null) {
                controller.onAccepted();
            }
        } else if (m instanceof Wire.Rejected) {
            rejected++;
            if (controller != null) {
                controller.onRejected();
            }
        } else {
            return;
        }
        outstanding--;
        if (config.creditWindow() > 0 && heldBack > 0 && outstanding < config.creditWindow()) {
            heldBack--; // a credit came back: the oldest held-back unit of work may go now
            send(ctx);
        }
    }

    public LatencyStats latency() {
        return latency;
    }

    public long sent() {
        return sent;
    }

    public long answered() {
        return answered;
    }

    public long rejected() {
        return rejected;
    }

    public long maxHeldBack() {
        return maxHeldBack;
    }

    /** Requests sent per key: the "past load" a coordinator plans with. */
    public long[] keyCounts() {
        return keyCounts == null ? new long[config.keys().keys()] : keyCounts.clone();
    }

}
