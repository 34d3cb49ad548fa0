package dev.dbinternals.ch08.cascading.storm;

import dev.dbinternals.ch08.cascading.backoff.BackoffPolicy;
import dev.dbinternals.ch08.cascading.breaker.CircuitBreaker;
import dev.dbinternals.ch08.cascading.processing.ServerNode;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.sim.Simulation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A cluster of three servers and three groups of clients; one server pauses briefly (a GC
 * pause) and the clients' retries decide whether the cluster recovers: the experiment behind
 * the retry-storm demo ("Cascading Failures" / 계단식 장애). Deterministic per seed; stateless.
 */
public final class RetryStorm {

    private RetryStorm() {
    }

    /** One strategy of the clients. */
    public record Strategy(String name, int maxAttempts, BackoffPolicy backoff, CircuitBreaker.Config breaker,
                           double retryBudget) {
        /** A strategy without a retry budget. */
        public Strategy(String name, int maxAttempts, BackoffPolicy backoff, CircuitBreaker.Config breaker) {
            this(name, maxAttempts, backoff, breaker, 0);
        }
    }

    /** Totals over all clients, and goodput/attempts per bucket (summed over clients). */
    public record Result(String strategy, long requests, long attempts, long succeeded, long gaveUp, long shed,
                         long[] okPerBucket, long[] attemptsPerBucket, long serverRejected) {

        /** Attempts per request: the amplification (증폭) retries cause. */
        public double amplification() {
            return requests == 0 ? 0 : (double) attempts / requests;
        }

        /** Successful requests per second within buckets [from, to). */
        public double goodput(int from, int to, Duration bucket) {
            long s = 0;
            for (int i = from; i < to && i < okPerBucket.length; i++) {
                s += okPerBucket[i];
            }
            return s / ((to - from) * bucket.toNanos() / 1e9);
        }
    }

    public static final Duration BUCKET = Duration.ofMillis(100);

    /**
     * Each server: 1 ms per request (1000/s), queue 300. Clients: 600/s per server (60% load),
     * timeout 50 ms. Server-1 pauses for {@code pause} at 1 s; the run lasts {@code length}.
     */
    public static Result run(long seed, Strategy strategy, Duration pause, Duration length) {
        Simulation sim = new Simulation(seed);
        sim.setHandlerTime(Duration.ZERO);
        sim.trace().setEnabled(false);
        List<Address> servers = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            servers.add(sim.addNode("server-" + i, () -> new ServerNode(new ServerNode.Config(300, Duration.ofMillis(1)))));
        }
        List<Address> clients = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            int home = i;
            clients.add(sim.addNode("clients-" + (i + 1), () -> new RetryingClient(new RetryingClient.Config(servers, home, 600,
                    length, Duration.ofMillis(50), strategy.maxAttempts(), strategy.backoff(), strategy.breaker(), strategy.retryBudget(), BUCKET))));
        }
        if (!pause.isZero()) {
            sim.at(Duration.ofSeconds(1), () -> sim.pause(servers.get(0), pause));
        }
        sim.runFor(length.plusMillis(500));
        long req = 0;
        long att = 0;
        long ok = 0;
        long gave = 0;
        long shed = 0;
        long[] okB = null;
        long[] attB = null;
        for (Address c : clients) {
            RetryingClient rc = sim.node(c, RetryingClient.class);
            req += rc.requests();
            att += rc.attempts();
            ok += rc.succeeded();
            gave += rc.gaveUp();
            shed += rc.shed();
            okB = add(okB, rc.okPerBucket());
            attB = add(attB, rc.attemptsPerBucket());
        }
        long rejected = 0;
        for (Address s : servers) {
            rejected += sim.node(s, ServerNode.class).stats().rejected();
        }
        return new Result(strategy.name(), req, att, ok, gave, shed, okB, attB, rejected);
    }

    private static long[] add(long[] acc, long[] x) {
        if (acc == null) {
            return x.clone();
        }
        for (int i = 0; i < acc.length; i++) {
            acc[i] += x[i];
        }
        return acc;
    }
}
