package dev.dbinternals.ch08.harness.demo;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.harness.Node;
import dev.dbinternals.ch08.harness.explore.Fingerprinted;
import dev.dbinternals.ch08.harness.sim.Delay;
import dev.dbinternals.ch08.harness.sim.LinkFaults;
import dev.dbinternals.ch08.harness.sim.Nemesis;
import dev.dbinternals.ch08.harness.sim.Simulation;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * A counter incremented exactly once per request, across lost, duplicated and retransmitted
 * messages and a crash of the counter's node — the worked example of the schedule search
 * ({@code explore.ScheduleSearch}, demo {@code search}), with a seeded bug.
 *
 * <p>Book: Chapter 8, "Exactly-once delivery" (정확히 한 번 전달) and "Crash Faults" (충돌): the
 * sender retransmits until acknowledged, so the receiver must deduplicate; and what the receiver
 * deduplicates with must survive a crash as long as the effect it guards does.
 *
 * <p>The {@link Client} sends {@code INC 1}, {@code INC 2}, ... one at a time, each until its
 * {@code ACK} comes back (retransmitting every 5 ms). The {@link Counter} applies an increment whose
 * id it has not seen, keeps the count in durable storage and acknowledges every copy. The bug: with
 * {@code durableDedup} false it keeps the ids it has seen in memory only, so after a crash and a
 * restart a retransmission (or a late duplicate) of an applied increment is applied again. The fix
 * stores the seen ids with the count, in one sync. Invariant: the count never exceeds the number of
 * increments the client issued.
 *
 * <p>Not thread-safe (nodes never need to be).
 */
public final class ExactlyOnceCounter {

    /** The client's address. */
    public static final Address CLIENT = Address.of("C");
    /** The counter's address. */
    public static final Address COUNTER = Address.of("R");
    /** The invariant's name. */
    public static final String INVARIANT = "count <= increments issued";

    private ExactlyOnceCounter() {
    }

    /** Sends {@code INC 1..n} one at a time, each until acknowledged. */
    public static final class Client implements Node, Fingerprinted {
        private final int increments;
        private int current; // the increment on its way; increments + 1 once all are acknowledged

        public Client(int increments) {
            this.increments = increments;
        }

        @Override
        public void onStart(Context ctx) {
            current = 1;
            send(ctx);
        }

        @Override
        public void onMessage(Context ctx, Address from, byte[] message) {
            String m = new String(message, StandardCharsets.UTF_8);
            if (m.equals("ACK " + current)) { // acks of earlier increments (duplicates) are ignored
                current++;
                if (current <= increments) {
                    send(ctx);
                }
            }
        }

        @Override
        public void onTimer(Context ctx, Object tag) {
            if (tag.equals(current) && current <= increments) { // no ack in time: retransmit
                send(ctx);
            }
        }

        private void send(Context ctx) {
            ctx.send(COUNTER, ("INC " + current).getBytes(StandardCharsets.UTF_8));
            ctx.setTimer(Duration.ofMillis(5), current);
        }

        /** How many distinct increments the client has sent so far. */
        public int issued() {
            return Math.min(current, increments);
        }

        @Override
        public Object fingerprint() {
            return current;
        }
    }

    /** Applies each increment once (by its id) to a durable count, and acknowledges every copy. */
    public static final class Counter implements Node, Fingerprinted {
        private final boolean durableDedup;
        private final TreeSet<Integer> seen = new TreeSet<>();

        /** {@code durableDedup} false is the bug: the seen ids live in memory only. */
        public Counter(boolean durableDedup) {
            this.durableDedup = durableDedup;
        }

        @Override
        public void onStart(Context ctx) {
            if (durableDedup) {
                ctx.storage().get("seen").ifPresent(b -> {
                    for (String id : new String(b, StandardCharsets.UTF_8).split(",")) {
                        if (!id.isEmpty()) {
                            seen.add(Integer.parseInt(id));
                        }
                    }
                });
            }
        }

        @Override
        public void onMessage(Context ctx, Address from, byte[] message) {
            String m = new String(message, StandardCharsets.UTF_8);
            if (!m.startsWith("INC ")) {
                ctx.discard("not an increment");
                return;
            }
            int id = Integer.parseInt(m.substring(4));
            if (seen.add(id)) {
                ctx.storage().put("count", Integer.toString(count(ctx.storage().get("count").orElse(null)) + 1).getBytes(StandardCharsets.UTF_8));
                if (durableDedup) { // the fix: the ids go to disk with the count, in the same sync
                    StringBuilder ids = new StringBuilder();
                    seen.forEach(s -> ids.append(s).append(','));
                    ctx.storage().put("seen", ids.toString().getBytes(StandardCharsets.UTF_8));
                }
                ctx.storage().sync();
            }
            ctx.send(from, ("ACK " + id).getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public Object fingerprint() {
            return List.copyOf(seen);
        }
    }

    /** The count as stored on {@code R} (0 before the first increment). */
    public static int count(Simulation sim) {
        return count(sim.storage(COUNTER).get("count").orElse(null));
    }

    private static int count(byte[] stored) {
        return stored == null ? 0 : Integer.parseInt(new String(stored, StandardCharsets.UTF_8));
    }

    /**
     * The two nodes and the invariant, on a simulation with no fault of its own: what the search drives.
     * Handlers take no virtual time, so a crash the search chooses falls between two handlers.
     */
    public static Supplier<Simulation> scenario(boolean durableDedup, int increments) {
        return () -> {
            Simulation sim = new Simulation(1);
            sim.setHandlerTime(Duration.ZERO);
            return build(sim, durableDedup, increments);
        };
    }

    private static Simulation build(Simulation sim, boolean durableDedup, int increments) {
        sim.addNode(CLIENT, () -> new Client(increments));
        sim.addNode(COUNTER, () -> new Counter(durableDedup));
        sim.invariant(INVARIANT, () -> count(sim) <= sim.node(CLIENT, Client.class).issued());
        return sim;
    }

    /**
     * The same two nodes under random faults instead of a search: loss 10 %, duplication 10 %, delays
     * of 1 to 3 ms on every link, and a {@link Nemesis} drawn from {@code seed} (partitions anywhere;
     * crashes, pauses and clock steps of {@code R}) for one second, then two quiet seconds. Returns the
     * invariant broken, or null.
     */
    public static String randomRun(long seed, boolean durableDedup, int increments) {
        Simulation sim = build(new Simulation(seed), durableDedup, increments);
        sim.trace().setEnabled(false);
        sim.network().setDefaults(LinkFaults.none().withLoss(0.1).withDuplication(0.1)
                .withDelay(Delay.uniform(Duration.ofMillis(1), Duration.ofMillis(3))));
        Nemesis.random(seed).targets(Set.of(COUNTER)).plan(sim, Duration.ofSeconds(1));
        try {
            sim.runFor(Duration.ofSeconds(3));
            return null;
        } catch (dev.dbinternals.ch08.harness.sim.InvariantViolation v) {
            return v.invariant();
        }
    }
}
