package dev.dbinternals.ch08.failuremodels.clocks;

import dev.dbinternals.ch08.failuremodels.Messages;
import dev.dbinternals.ch08.failuremodels.Messages.Stamped;
import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.harness.Node;
import dev.dbinternals.ch08.harness.sim.Delay;
import dev.dbinternals.ch08.harness.sim.LinkFaults;
import dev.dbinternals.ch08.harness.sim.Simulation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Events that cause one another, stamped by clocks that disagree, collected in one place and
 * sorted three ways.
 *
 * <p>Book: Chapter 8, "Clocks and Time" (클럭과 시간), which says, in paraphrase, not to order
 * events by timestamps from other participants unless their clocks are known to be precise. A token goes
 * round nodes N1..Nk; each node, on receiving it, records an event <em>caused by</em> the
 * previous one (it happened after it, in every sense) and reports it to a collector. Each
 * node's wall clock has its own offset and drift. The collector then orders the events by
 * <ul>
 *   <li>the sender's wall-clock timestamp: wrong whenever the cause's clock is ahead of the
 *       effect's by at least the time between cause and effect;</li>
 *   <li>arrival order at the collector: wrong whenever a report overtakes an earlier one;</li>
 *   <li>a Lamport clock (a counter that jumps past every counter it receives): never puts an
 *       effect before its cause. It still orders concurrent events arbitrarily, and it says
 *       nothing about real time.</li>
 * </ul>
 * Not thread-safe.
 */
public final class CausalChain {

    /** A stamped event as the collector received it. */
    public record Received(Stamped event, long arrivalIndex) {
    }

    /** How many cause/effect pairs each ordering put the wrong way round. */
    public record Outcome(int pairs, int invertedByWallClock, int invertedByArrival, int invertedByLamport,
                          List<Received> received, Simulation sim) {
    }

    /** A node of the ring: on the token, record an event caused by the previous one, report it, pass the token. */
    static final class Relay implements Node {
        private final Address next;
        private final Address collector;
        private final int hops;
        private long lamport;
        private long seq;

        Relay(Address next, Address collector, int hops) {
            this.next = next;
            this.collector = collector;
            this.hops = hops;
        }

        @Override
        public void onStart(Context ctx) {
            if (ctx.self().name().equals("N1")) {
                ctx.setTimer(Duration.ofMillis(5), "begin");
            }
        }

        @Override
        public void onTimer(Context ctx, Object tag) {
            emit(ctx, "", 0);
        }

        @Override
        public void onMessage(Context ctx, Address from, byte[] bytes) {
            if (Messages.decode(bytes) instanceof Stamped s) {
                lamport = Math.max(lamport, s.lamport()); // the receive rule: jump past what we heard
                emit(ctx, s.origin(), s.seq());
            }
        }

        private void emit(Context ctx, String causeOrigin, long causeSeq) {
            lamport++;
            Stamped e = new Stamped(ctx.self().name(), ++seq, ctx.clock().wallMillis(), lamport, causeOrigin, causeSeq);
            byte[] bytes = Messages.encode(e);
            ctx.send(collector, bytes);
            // along a single chain the Lamport clock equals the number of events so far
            if (e.lamport() < hops) {
                ctx.send(next, bytes);
            }
        }
    }

    /** Writes down reports in arrival order. */
    static final class Collector implements Node {
        final List<Received> received = new ArrayList<>();

        @Override
        public void onMessage(Context ctx, Address from, byte[] bytes) {
            if (Messages.decode(bytes) instanceof Stamped s) {
                received.add(new Received(s, received.size()));
            }
        }
    }

    private CausalChain() {
    }

    /**
     * Runs a chain of {@code hops} events around {@code nodes} nodes whose clocks are off by up
     * to {@code maxOffset} (uniform, per node) and drift up to 100 ppm.
     */
    public static Outcome run(int nodes, int hops, Duration maxOffset, long seed) {
        Simulation sim = new Simulation(seed);
        sim.trace().setPayloadFormat(Messages.CODEC::describe);
        // reports to the collector take 1..40 ms, the token 2..10 ms per hop: reports overtake each other
        sim.network().setDefaults(LinkFaults.none().withDelay(Delay.uniform(Duration.ofMillis(2), Duration.ofMillis(10))));
        Address collector = Address.of("collector");
        SplittableRandom knobs = new SplittableRandom(seed ^ 0xC10CL);
        List<Address> ring = new ArrayList<>();
        for (int i = 1; i <= nodes; i++) {
            ring.add(Address.of("N" + i));
        }
        for (int i = 0; i < nodes; i++) {
            Address next = ring.get((i + 1) % nodes);
            sim.addNode(ring.get(i), () -> new Relay(next, collector, hops));
            long off = maxOffset.isZero() ? 0 : knobs.nextLong(-maxOffset.toNanos(), maxOffset.toNanos() + 1);
            sim.clock(ring.get(i)).setOffset(Duration.ofNanos(off));
            sim.clock(ring.get(i)).setDriftPpm(knobs.nextDouble(-100, 100));
        }
        sim.addNode(collector, Collector::new);
        for (Address a : ring) {
            sim.network().set(a, collector, LinkFaults.none().withDelay(Delay.uniform(Duration.ofMillis(1), Duration.ofMillis(40))));
        }
        sim.runUntilQuiet(Duration.ofSeconds(60));
        List<Received> got = sim.node(collector, Collector.class).received;
        // rebuild the true chain from the cause links (not from any clock): root, its effect, ...
        Map<String, Received> byCause = new HashMap<>();
        Received root = null;
        for (Received r : got) {
            if (r.event().causeOrigin().isEmpty()) {
                root = r;
            } else {
                byCause.put(r.event().causeOrigin() + "#" + r.event().causeSeq(), r);
            }
        }
        List<Received> byChain = new ArrayList<>();
        for (Received r = root; r != null; r = byCause.get(r.event().origin() + "#" + r.event().seq())) {
            byChain.add(r);
        }
        int wall = 0;
        int arrival = 0;
        int lamport = 0;
        for (int k = 1; k < byChain.size(); k++) {
            Stamped cause = byChain.get(k - 1).event();
            Stamped effect = byChain.get(k).event();
            if (effect.wallMillis() <= cause.wallMillis()) {
                wall++; // a tie is no better: the order is a coin toss
            }
            if (byChain.get(k).arrivalIndex() < byChain.get(k - 1).arrivalIndex()) {
                arrival++;
            }
            if (effect.lamport() <= cause.lamport()) {
                lamport++;
            }
        }
        return new Outcome(byChain.size() - 1, wall, arrival, lamport, List.copyOf(got), sim);
    }
}
