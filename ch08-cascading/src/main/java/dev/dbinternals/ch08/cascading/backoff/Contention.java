package dev.dbinternals.ch08.cascading.backoff;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.harness.Node;
import dev.dbinternals.ch08.harness.codec.Codec;
import dev.dbinternals.ch08.harness.sim.Simulation;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * N clients contending for one resource, retrying with a {@link BackoffPolicy}: the
 * experiment behind backoff (백오프) and jitter (지터).
 *
 * <p>Book: Chapter 8, "Cascading Failures" (계단식 장애). In paraphrase: clients that all use
 * the same backoff strategy can still produce substantial load together; jitter keeps them
 * from retrying at the same moment once the backoff period is over.
 *
 * <p>The resource is a single-writer record guarded by compare-and-set: a write holds it for
 * {@code writeTime}; an attempt arriving while another write is in progress fails with a
 * conflict and the client backs off. All clients start at the same instant (a deploy, a
 * cache expiry, a partition healing), which is the worst case for synchronised retries.
 * Deterministic per seed; nodes are not thread-safe, {@link #run} is stateless.
 */
public final class Contention {

    private Contention() {
    }

    /** Client → resource: try to write ({@code retry} 0 is the first try). */
    public record Attempt(int retry) {
    }

    /** Resource → client: written, or conflict. */
    public record Outcome(boolean ok) {
    }

    static final Codec CODEC = Codec.builder().register(1, Attempt.class).register(2, Outcome.class).build();

    /** The contended resource: succeeds only when no other write is in progress. */
    public static final class Resource implements Node {
        private final long writeNanos;
        private long busyUntil = Long.MIN_VALUE;
        private long calls;

        public Resource(Duration writeTime) {
            this.writeNanos = writeTime.toNanos();
        }

        @Override
        public void onMessage(Context ctx, Address from, byte[] message) {
            calls++;
            long now = ctx.clock().monotonicNanos();
            boolean ok = now >= busyUntil;
            if (ok) {
                busyUntil = now + writeNanos;
            }
            ctx.send(from, CODEC.encode(new Outcome(ok)));
        }

        public long calls() {
            return calls;
        }
    }

    /** A client that wants one successful write and retries conflicts with its policy. */
    public static final class Client implements Node {
        private static final Object RETRY = "retry";
        private final Address resource;
        private final BackoffPolicy policy;
        private int retry;
        private long previousDelay;
        private long doneAtNanos = -1;
        private long start;

        public Client(Address resource, BackoffPolicy policy) {
            this.resource = resource;
            this.policy = policy;
        }

        @Override
        public void onStart(Context ctx) {
            start = ctx.clock().monotonicNanos();
            ctx.send(resource, CODEC.encode(new Attempt(0)));
        }

        @Override
        public void onMessage(Context ctx, Address from, byte[] message) {
            if (CODEC.decode(message, Outcome.class).ok()) {
                doneAtNanos = ctx.clock().monotonicNanos() - start;
                return;
            }
            retry++;
            previousDelay = policy.delayNanos(retry, previousDelay, ctx.random());
            ctx.setTimer(Duration.ofNanos(previousDelay), RETRY);
        }

        @Override
        public void onTimer(Context ctx, Object tag) {
            ctx.send(resource, CODEC.encode(new Attempt(retry)));
        }

        public boolean done() {
            return doneAtNanos >= 0;
        }
    }

    /** Total calls to the resource, and when the last client succeeded (or -1 if not all did). */
    public record Result(String policy, int clients, long calls, long completionNanos, boolean allDone) {
        /** Calls per client: 1 is the minimum, anything above is work wasted on conflicts. */
        public double callsPerClient() {
            return (double) calls / clients;
        }
    }

    /** Runs {@code clients} clients with {@code policy} until all succeed or {@code limit} passes. */
    public static Result run(long seed, BackoffPolicy policy, int clients, Duration writeTime, Duration limit) {
        Simulation sim = build(seed, policy, clients, writeTime, false);
        return finish(sim, policy, clients, limit);
    }

    /**
     * The same run with the trace on, for diagrams: returns the simulation after every client
     * succeeded (or {@code limit} passed). Keep {@code clients} small: every message is recorded.
     */
    public static Simulation traced(long seed, BackoffPolicy policy, int clients, Duration writeTime, Duration limit) {
        Simulation sim = build(seed, policy, clients, writeTime, true);
        finish(sim, policy, clients, limit);
        return sim;
    }

    private static Simulation build(long seed, BackoffPolicy policy, int clients, Duration writeTime, boolean trace) {
        Objects.requireNonNull(policy, "policy");
        if (clients < 1) {
            throw new IllegalArgumentException("at least one client, got " + clients);
        }
        Simulation sim = new Simulation(seed);
        sim.setHandlerTime(Duration.ZERO);
        sim.trace().setEnabled(trace);
        sim.trace().setPayloadFormat(CODEC::describe);
        Address r = sim.addNode("resource", () -> new Resource(writeTime));
        for (int i = 0; i < clients; i++) {
            sim.addNode("client-" + (i + 1), () -> new Client(r, policy));
        }
        return sim;
    }

    private static Result finish(Simulation sim, BackoffPolicy policy, int clients, Duration limit) {
        Address r = sim.nodes().get(0);
        List<Address> cs = sim.nodes().subList(1, sim.nodes().size());
        boolean all = sim.runUntil(() -> {
            for (Address c : cs) {
                if (!sim.node(c, Client.class).done()) {
                    return false;
                }
            }
            return true;
        }, limit);
        long last = 0;
        for (Address c : cs) {
            last = Math.max(last, sim.node(c, Client.class).doneAtNanos);
        }
        return new Result(policy.name(), clients, sim.node(r, Resource.class).calls(), all ? last : -1, all);
    }
}
