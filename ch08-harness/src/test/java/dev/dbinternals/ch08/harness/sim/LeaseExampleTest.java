package dev.dbinternals.ch08.harness.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.harness.Node;
import dev.dbinternals.ch08.harness.codec.Codec;
import dev.dbinternals.ch08.harness.sim.TraceEvent.Kind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A worked example written from the README alone, as a reader would: a leader lease.
 *
 * <p>Book: Chapter 8, "Clocks and Time" (클럭과 시간) and "Failure Detection" (장애 검출): a
 * lease is only safe if its holder stops believing in it before the granter hands it to
 * someone else; that depends on measuring with a monotonic clock, from when the request was
 * sent (not when the grant arrived), with a margin for drift. Safety here: no two clients
 * believe they are the leader at the same true time. The checker reads the trace.
 *
 * <p>To see it fail, count the lease from when the grant arrives ({@code FROM_SEND = false}):
 * a slow grant makes the client's lease outlive the granter's, and Seeds.check prints the
 * failing seed with the command that replays it.
 */
class LeaseExampleTest {

    static final long LEASE = Duration.ofMillis(30).toNanos();
    static final boolean FROM_SEND = true;

    record Acquire(long req) {
    }

    record Granted(long req) {
    }

    static final Codec CODEC = Codec.builder().register(1, Acquire.class).register(2, Granted.class).withChecksum().build();

    /** Hands the lease to one client at a time; after a (re)start it grants nothing for one lease. */
    static final class Granter implements Node {
        Address holder;
        long expires;    // monotonic
        long quietUntil; // monotonic: a restarted granter has forgotten who holds the lease

        @Override
        public void onStart(Context ctx) {
            quietUntil = ctx.clock().monotonicNanos() + LEASE;
        }

        @Override
        public void onMessage(Context ctx, Address from, byte[] m) {
            Acquire a = CODEC.receive(ctx, m, Acquire.class).orElse(null);
            if (a == null) {
                return; // corrupted: the checksum caught it (and receive counted it)
            }
            long now = ctx.clock().monotonicNanos();
            if (now < quietUntil || (holder != null && !holder.equals(from) && now < expires)) {
                return; // busy: the client retries
            }
            holder = from;
            expires = now + LEASE;
            ctx.send(from, CODEC.encode(new Granted(a.req())));
        }
    }

    /** Asks for the lease every 7 ms; leader from the grant until its own lease ends. */
    static final class Client implements Node {
        final Address granter;
        long req;
        long sentAt;
        boolean leader;

        Client(Address granter) {
            this.granter = granter;
        }

        @Override
        public void onStart(Context ctx) {
            ctx.setTimer(Duration.ofMillis(7), "try");
        }

        @Override
        public void onTimer(Context ctx, Object tag) {
            if (tag.equals("try")) {
                if (!leader) {
                    req++;
                    sentAt = ctx.clock().monotonicNanos();
                    ctx.send(granter, CODEC.encode(new Acquire(req)));
                }
                ctx.setTimer(Duration.ofMillis(7), "try");
            } else if (tag.equals(req)) {
                leader = false;
                ctx.note("not leader");
            }
        }

        @Override
        public void onMessage(Context ctx, Address from, byte[] m) {
            Granted g = CODEC.receive(ctx, m, Granted.class).orElse(null);
            if (g == null) {
                return;
            }
            if (leader || g.req() != req) {
                return; // a duplicate or a late answer to an older request
            }
            long now = ctx.clock().monotonicNanos();
            long start = FROM_SEND ? sentAt : now;
            long until = start + LEASE - LEASE / 10; // 10% margin for clock drift
            if (until <= now) {
                return; // the grant took too long to come: it may have expired already
            }
            leader = true;
            ctx.note("leader");
            ctx.setTimer(Duration.ofNanos(until - now), req);
        }
    }

    static Simulation run(long seed) {
        Simulation sim = new Simulation(seed);
        sim.trace().setPayloadFormat(CODEC::describe); // traces and diagrams show Acquire[req=3], not hex
        Address g = sim.addNode("G", Granter::new);
        List<Address> clients = List.of(sim.addNode("C1", () -> new Client(g)), sim.addNode("C2", () -> new Client(g)),
                sim.addNode("C3", () -> new Client(g)));
        sim.network().setDefaults(LinkFaults.none().withLoss(0.1).withDuplication(0.1).withCorruption(0.05)
                .withDelay(Delay.longTailed(Duration.ofMillis(1), Duration.ofMillis(6))));
        SplittableRandom plan = new SplittableRandom(seed); // the fault plan, from the seed too
        for (Address c : clients) {
            sim.clock(c).setDriftPpm(plan.nextDouble(-2000, 2000));
        }
        sim.clock(g).setDriftPpm(plan.nextDouble(-2000, 2000));
        sim.at(Duration.ofMillis(plan.nextLong(50, 150)), () -> sim.crash(g));
        sim.at(Duration.ofMillis(plan.nextLong(150, 200)), () -> sim.restart(g));
        sim.runFor(Duration.ofMillis(400));
        return sim;
    }

    /** Leadership intervals in true time, from the clients' notes: [node, from, to]. */
    static void assertNoTwoLeadersAtOnce(Simulation sim) {
        List<Object[]> intervals = new ArrayList<>();
        for (Address c : sim.nodes()) {
            Long since = null;
            for (TraceEvent e : sim.trace().forNode(c)) {
                if (e.kind() == Kind.NOTE && e.detail().equals("leader")) {
                    since = e.timeNanos();
                } else if (e.kind() == Kind.NOTE && e.detail().equals("not leader") && since != null) {
                    intervals.add(new Object[] {c, since, e.timeNanos()});
                    since = null;
                }
            }
            if (since != null) {
                intervals.add(new Object[] {c, since, Long.MAX_VALUE});
            }
        }
        for (Object[] x : intervals) {
            for (Object[] y : intervals) {
                if (x != y && !x[0].equals(y[0])) {
                    assertThat((long) x[1] >= (long) y[2] || (long) y[1] >= (long) x[2])
                            .as("%s leader %s..%s overlaps %s leader %s..%s", x[0], Trace.formatNanos((long) x[1]),
                                    Trace.formatNanos((long) x[2]), y[0], Trace.formatNanos((long) y[1]), Trace.formatNanos((long) y[2]))
                            .isTrue();
                }
            }
        }
        assertThat(intervals).as("someone was leader at some point").isNotEmpty();
    }

    @Test
    void shouldNeverHaveTwoLeadersAtOnceUnderLossDelayDriftAndAGranterCrash() {
        Seeds.check("leader lease", 200, seed -> assertNoTwoLeadersAtOnce(run(seed)));
    }
}
