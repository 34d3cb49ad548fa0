package dev.dbinternals.ch08.cascading.breaker;

import dev.dbinternals.ch08.cascading.processing.LatencyStats;
import dev.dbinternals.ch08.cascading.processing.Wire;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.harness.Node;
import dev.dbinternals.ch08.harness.TimerId;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * A front-end service with a fixed pool of workers, half of whose requests need a downstream
 * dependency, optionally guarded by a {@link CircuitBreaker}.
 *
 * <p>Book: Chapter 8, "Cascading Failures" (계단식 장애): a failure that cannot be isolated
 * spreads. When the dependency dies, every request that needs it holds a worker until its
 * timeout; the pool runs dry, the queue fills, and requests that never needed the dependency
 * (key 1) wait or are refused too: the failure has climbed one level. A breaker turns those
 * waits into immediate fallbacks and keeps the workers for the requests it can still serve.
 *
 * <p>Requests come as {@link Wire.Request}: key 0 needs the dependency, any other key is
 * served locally in {@code localWork}. Answers go back as {@link Wire.Response} (served) or
 * {@link Wire.Rejected} (queue full, dependency failed or breaker open).
 *
 * <p>Not thread-safe (a node runs on its runtime's thread).
 */
public final class Frontend implements Node {

    /** Settings; immutable. {@code breaker} builds a breaker from the node's clock, or is null for none. */
    public record Config(Address dependency, int workers, int queueCapacity, Duration localWork, Duration timeout,
                         Function<LongSupplier, CircuitBreaker> breaker, Duration bucket) {
        public Config {
            Objects.requireNonNull(dependency, "dependency");
            if (workers < 1 || queueCapacity < 0) {
                throw new IllegalArgumentException("need >= 1 worker and queue capacity >= 0, got " + workers + " and " + queueCapacity);
            }
            Objects.requireNonNull(localWork, "localWork");
            Objects.requireNonNull(timeout, "timeout");
            Objects.requireNonNull(bucket, "bucket");
        }
    }

    private record Job(Address from, Wire.Request request, long arrived) {
    }

    private record Done(Job job) {
    }

    private record Timeout(long downstreamId) {
    }

    private final Config config;
    private final ArrayDeque<Job> queue = new ArrayDeque<>();
    private final Map<Long, Job> waitingOnDependency = new HashMap<>(); // looked up by id, never iterated
    private final Map<Long, TimerId> timeouts = new HashMap<>();
    private final LatencyStats localLatency = new LatencyStats();
    private CircuitBreaker breaker;
    private Context ctx;
    private long start;
    private int busy;
    private long nextDownstreamId;
    private long localServed;
    private long dependencyServed;
    private long fastFailed;
    private long timedOut;
    private long localRejected;
    private int maxQueue;
    private int[] queuePerBucket = new int[64];

    public Frontend(Config config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    @Override
    public void onStart(Context ctx) {
        this.ctx = ctx;
        this.start = ctx.clock().monotonicNanos();
        if (config.breaker() != null) {
            breaker = config.breaker().apply(() -> ctx.clock().monotonicNanos());
        }
    }

    @Override
    public void onMessage(Context ctx, Address from, byte[] message) {
        Object m = Wire.CODEC.receive(ctx, message).orElse(null);
        if (m == null) {
            return; // a corrupted or foreign frame: the harness counted it (Context.discard)
        }
        long now = ctx.clock().monotonicNanos();
        if (m instanceof Wire.Request r) {
            Job j = new Job(from, r, now);
            if (busy < config.workers()) {
                begin(j);
            } else if (queue.size() < config.queueCapacity()) {
                queue.add(j);
                noteQueue(queue.size(), now);
            } else {
                if (r.key() != 0) {
                    localRejected++;
                }
                ctx.send(from, Wire.CODEC.encode(new Wire.Rejected(r.id(), r.sentNanos(), r.attempt(), queue.size())));
            }
        } else if (m instanceof Wire.Response r) {
            Job j = waitingOnDependency.remove(r.id());
            if (j == null) {
                return; // answered after our timeout: the work downstream was wasted
            }
            ctx.cancelTimer(timeouts.remove(r.id()));
            if (breaker != null) {
                breaker.onSuccess();
            }
            dependencyServed++;
            reply(j, true);
        }
    }

    private void begin(Job j) {
        busy++;
        if (j.request().key() != 0) {
            ctx.setTimer(config.localWork(), new Done(j));
            return;
        }
        if (breaker != null && !breaker.tryAcquirePermission()) {
            fastFailed++; // shed at once: no worker held, no load sent to a dependency that is down
            reply(j, false);
            return;
        }
        long id = nextDownstreamId++;
        waitingOnDependency.put(id, j);
        timeouts.put(id, ctx.setTimer(config.timeout(), new Timeout(id)));
        ctx.send(config.dependency(), Wire.CODEC.encode(new Wire.Request(id, ctx.clock().monotonicNanos(), 1, 0)));
    }

    @Override
    public void onTimer(Context ctx, Object tag) {
        if (tag instanceof Done d) {
            localServed++;
            localLatency.record(ctx.clock().monotonicNanos() - d.job().arrived());
            reply(d.job(), true);
        } else if (tag instanceof Timeout t) {
            Job j = waitingOnDependency.remove(t.downstreamId());
            timeouts.remove(t.downstreamId());
            if (j != null) {
                timedOut++;
                if (breaker != null) {
                    breaker.onFailure();
                }
                reply(j, false);
            }
        }
    }

    private void reply(Job j, boolean ok) {
        Wire.Request r = j.request();
        ctx.send(j.from(), Wire.CODEC.encode(ok ? new Wire.Response(r.id(), r.sentNanos(), r.attempt(), 0)
                : new Wire.Rejected(r.id(), r.sentNanos(), r.attempt(), queue.size())));
        busy--;
        Job next = queue.poll();
        if (next != null) {
            begin(next);
        }
    }

    private void noteQueue(int q, long now) {
        maxQueue = Math.max(maxQueue, q);
        int b = (int) ((now - start) / config.bucket().toNanos());
        if (b >= queuePerBucket.length) {
            queuePerBucket = Arrays.copyOf(queuePerBucket, Math.max(b + 1, queuePerBucket.length * 2));
        }
        queuePerBucket[b] = Math.max(queuePerBucket[b], q);
    }

    /** Latency inside the front end of requests that did not need the dependency (queue wait + work). */
    public LatencyStats localLatency() {
        return localLatency;
    }

    public long localServed() {
        return localServed;
    }

    public long localRejected() {
        return localRejected;
    }

    public long dependencyServed() {
        return dependencyServed;
    }

    public long fastFailed() {
        return fastFailed;
    }

    public long timedOut() {
        return timedOut;
    }

    public int maxQueue() {
        return maxQueue;
    }

    /** The longest queue seen in each bucket since the start. */
    public int[] maxQueuePerBucket(int buckets) {
        return Arrays.copyOf(queuePerBucket, buckets);
    }

    /** The breaker, or null when running without one. */
    public CircuitBreaker breaker() {
        return breaker;
    }
}
