package dev.dbinternals.ch08.cascading.storm;

import dev.dbinternals.ch08.cascading.backoff.BackoffPolicy;
import dev.dbinternals.ch08.cascading.breaker.CircuitBreaker;
import dev.dbinternals.ch08.cascading.processing.Wire;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.harness.Node;
import dev.dbinternals.ch08.harness.TimerId;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A client of a cluster that retries failed requests on the next server: with no delay, with a
 * {@link BackoffPolicy}, and optionally behind one {@link CircuitBreaker} per server.
 *
 * <p>Book: Chapter 8, "Cascading Failures" (계단식 장애). In paraphrase: clients keep
 * retrying, the overloaded server is busy with the new requests, and constant retries make
 * things worse.
 * Each attempt that times out still costs the server a full service (it cannot know the
 * client gave up), so retries multiply the load exactly when there is no capacity to spare.
 *
 * <p>New requests arrive as a Poisson process (open loop: users do not wait for each other).
 * A request succeeds when an answer comes within {@code timeout}; otherwise, or on
 * {@link Wire.Rejected}, it is retried on the next server until {@code maxAttempts}.
 *
 * <p>A retry budget ({@code retryBudget} &gt; 0) caps the amplification itself: each new request
 * earns {@code retryBudget} of a retry token (at most 10 saved), each retry spends one, and a
 * failure with no token left is not retried. With 0.1, retries add at most ~10% to the load,
 * however bad things get.
 *
 * <p>Not thread-safe (a node runs on its runtime's thread).
 */
public final class RetryingClient implements Node {

    /** Settings; immutable. {@code breaker} null means no circuit breakers. */
    public record Config(List<Address> servers, int home, double ratePerSecond, Duration duration, Duration timeout,
                         int maxAttempts, BackoffPolicy backoff, CircuitBreaker.Config breaker, double retryBudget,
                         Duration bucket) {
        public Config {
            servers = List.copyOf(servers);
            Objects.requireNonNull(backoff, "backoff");
            if (servers.isEmpty() || home < 0 || home >= servers.size()) {
                throw new IllegalArgumentException("home must index one of " + servers.size() + " servers, got " + home);
            }
            if (!(retryBudget >= 0 && retryBudget <= 10)) {
                throw new IllegalArgumentException("retry budget must be in [0, 10] retries per request (0 = no budget), got "
                        + retryBudget);
            }
            if (maxAttempts < 1 || maxAttempts > 100) {
                throw new IllegalArgumentException("max attempts must be in [1, 100], got " + maxAttempts);
            }
        }
    }

    private static final Object TICK = "tick";

    private record Pending(long id, int attempt, long firstSent, long lastDelay) {
    }

    private record Timeout(long id, int attempt) {
    }

    private record Retry(long id) {
    }

    private final Config config;
    private final Map<Long, Pending> pending = new HashMap<>(); // looked up by id, never iterated
    private final Map<Long, TimerId> timers = new HashMap<>();
    private final Map<Long, Integer> serverOf = new HashMap<>(); // which server the current attempt went to
    private CircuitBreaker[] breakers;
    private Context ctx;
    private long start;
    private long nextId;
    private long requests;
    private long attempts;
    private long succeeded;
    private long gaveUp;
    private long shed;
    private double tokens;
    private long[] okPerBucket;
    private long[] attemptsPerBucket;

    public RetryingClient(Config config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    @Override
    public void onStart(Context ctx) {
        this.ctx = ctx;
        start = ctx.clock().monotonicNanos();
        int buckets = (int) (config.duration().toNanos() / config.bucket().toNanos()) + 1;
        okPerBucket = new long[buckets];
        attemptsPerBucket = new long[buckets];
        if (config.breaker() != null) {
            breakers = new CircuitBreaker[config.servers().size()];
            for (int i = 0; i < breakers.length; i++) {
                breakers[i] = config.breaker().build(() -> ctx.clock().monotonicNanos());
            }
        }
        ctx.setTimer(nextGap(), TICK);
    }

    private Duration nextGap() {
        double mean = 1e9 / config.ratePerSecond();
        return Duration.ofNanos(Math.max(1, (long) (-StrictMath.log(1.0 - ctx.random().nextDouble()) * mean)));
    }

    private long since() {
        return ctx.clock().monotonicNanos() - start;
    }

    @Override
    public void onTimer(Context ctx, Object tag) {
        if (tag == TICK) {
            if (since() >= config.duration().toNanos()) {
                return;
            }
            long id = nextId++;
            requests++;
            tokens = Math.min(10, tokens + config.retryBudget());
            Pending p = new Pending(id, 1, ctx.clock().monotonicNanos(), 0);
            pending.put(id, p);
            attempt(p);
            ctx.setTimer(nextGap(), TICK);
        } else if (tag instanceof Timeout t) {
            Pending p = pending.get(t.id());
            if (p != null && p.attempt() == t.attempt()) {
                timers.remove(t.id());
                failed(p);
            }
        } else if (tag instanceof Retry r) {
            Pending p = pending.get(r.id());
            if (p != null) {
                attempt(p);
            }
        }
    }

    /** Sends attempt {@code p.attempt()} to the first server, from the preferred one on, that its breaker lets through. */
    private void attempt(Pending p) {
        int n = config.servers().size();
        int preferred = (config.home() + p.attempt() - 1) % n;
        int chosen = -1;
        for (int k = 0; k < n && chosen < 0; k++) {
            int s = (preferred + k) % n;
            if (breakers == null || breakers[s].tryAcquirePermission()) {
                chosen = s;
            }
        }
        if (chosen < 0) {
            shed++; // every breaker is open: fail fast, send nothing
            pending.remove(p.id());
            return;
        }
        attempts++;
        bump(attemptsPerBucket);
        serverOf.put(p.id(), chosen);
        timers.put(p.id(), ctx.setTimer(config.timeout(), new Timeout(p.id(), p.attempt())));
        ctx.send(config.servers().get(chosen),
                Wire.CODEC.encode(new Wire.Request(p.id(), ctx.clock().monotonicNanos(), p.attempt(), 0)));
    }

    private void failed(Pending p) {
        Integer s = serverOf.remove(p.id());
        if (breakers != null && s != null) {
            breakers[s].onFailure();
        }
        if (p.attempt() >= config.maxAttempts()) {
            gaveUp++;
            pending.remove(p.id());
            return;
        }
        if (config.retryBudget() > 0) {
            if (tokens < 1) {
                gaveUp++;
                pending.remove(p.id());
                return;
            }
            tokens -= 1;
        }
        long delay = config.backoff().delayNanos(p.attempt(), p.lastDelay(), ctx.random());
        Pending next = new Pending(p.id(), p.attempt() + 1, p.firstSent(), delay);
        pending.put(p.id(), next);
        if (delay == 0) {
            attempt(next);
        } else {
            ctx.setTimer(Duration.ofNanos(delay), new Retry(p.id()));
        }
    }

    @Override
    public void onMessage(Context ctx, Address from, byte[] message) {
        Object m = Wire.CODEC.receive(ctx, message).orElse(null);
        if (m == null) {
            return; // a corrupted or foreign frame: the harness counted it (Context.discard)
        }
        long id;
        int attempt;
        boolean ok;
        if (m instanceof Wire.Response r) {
            id = r.id();
            attempt = r.attempt();
            ok = true;
        } else if (m instanceof Wire.Rejected r) {
            id = r.id();
            attempt = r.attempt();
            ok = false;
        } else {
            return;
        }
        Pending p = pending.get(id);
        if (p == null || p.attempt() != attempt || !timers.containsKey(id)) {
            return; // the answer to an attempt we already gave up on: wasted work
        }
        ctx.cancelTimer(timers.remove(id));
        if (ok) {
            Integer s = serverOf.remove(id);
            if (breakers != null && s != null) {
                breakers[s].onSuccess();
            }
            pending.remove(id);
            succeeded++;
            bump(okPerBucket);
        } else {
            failed(p);
        }
    }

    private void bump(long[] buckets) {
        int b = (int) (since() / config.bucket().toNanos());
        if (b < buckets.length) {
            buckets[b]++;
        }
    }

    public long requests() {
        return requests;
    }

    public long attempts() {
        return attempts;
    }

    public long succeeded() {
        return succeeded;
    }

    public long gaveUp() {
        return gaveUp;
    }

    /** Requests failed fast because every server's breaker was open. */
    public long shed() {
        return shed;
    }

    public long[] okPerBucket() {
        return okPerBucket.clone();
    }

    public long[] attemptsPerBucket() {
        return attemptsPerBucket.clone();
    }
}
