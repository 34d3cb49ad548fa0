package dev.dbinternals.ch08.flp;

import dev.dbinternals.ch08.flp.RaftElectionNode.Role;
import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.sim.Delay;
import dev.dbinternals.ch08.harness.sim.LinkFaults;
import dev.dbinternals.ch08.harness.sim.Simulation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Runs {@link RaftElectionNode}s on the harness simulation and reads the runs: who led in which
 * term and when, where two servers believed they led at the same time, and how many election
 * rounds a new leader took.
 *
 * <p>Book: Chapter 8, "System Synchrony" (시스템 동기성), the Raft example. The study notes say,
 * in paraphrase, that one can deliberately slow some processes to make a chosen one the leader.
 * What Raft actually says (Ongaro and Ousterhout 2014, §5.1–5.2): two servers can both believe
 * they lead (a stale leader in a minority partition, a leader of a higher term in the majority);
 * the stale one steps down as soon as it sees the higher term; at most one leader is elected per
 * term; randomised election timeouts make split votes rare. Stateless; every run builds its own
 * simulation from its seed.
 */
public final class RaftElection {

    /** Servers in every run. */
    public static final int SERVERS = 5;
    /** How often a leader sends heartbeats. */
    public static final Duration HEARTBEAT = Duration.ofMillis(50);
    /** Raft's example interval for randomised election timeouts (§5.2). */
    public static final ElectionTimeouts RANDOMISED = ElectionTimeouts.randomised(Duration.ofMillis(150), Duration.ofMillis(300));
    /** The baseline: everyone waits the same 150 ms. */
    public static final ElectionTimeouts FIXED = ElectionTimeouts.fixed(Duration.ofMillis(150));
    /** One-way message delay on every link: this variation is all that separates servers with fixed timeouts. */
    public static final Delay NETWORK_DELAY = Delay.uniform(Duration.ofMillis(1), Duration.ofMillis(10));

    private RaftElection() {
    }

    /** A role change at a simulated time. */
    public record RoleChange(long nanos, Address node, long term, Role role, String why) {
    }

    /** A server that led {@code term} from {@code fromNanos} until {@code toNanos} ({@link Long#MAX_VALUE}: still leading). */
    public record LeaderInterval(Address node, long term, long fromNanos, long toNanos) {

        public boolean overlaps(LeaderInterval o) {
            return fromNanos < o.toNanos && o.fromNanos < toNanos;
        }
    }

    /** A running cluster: the simulation, its servers and every role change so far. Not thread-safe. */
    public static final class Cluster {
        private final Simulation sim;
        private final List<Address> nodes = new ArrayList<>();
        private final List<RoleChange> changes = new ArrayList<>();

        Cluster(long seed, ElectionTimeouts timeouts, boolean startWithLeaderP0, boolean trace) {
            sim = new Simulation(seed);
            sim.trace().setEnabled(trace);
            sim.trace().setPayloadFormat(RaftMessages.CODEC::describe);
            RaftElectionNode.Observer observer = (node, term, role, why) ->
                    changes.add(new RoleChange(sim.nowNanos(), node, term, role, why));
            for (int i = 0; i < SERVERS; i++) {
                boolean leader = startWithLeaderP0 && i == 0;
                long term = startWithLeaderP0 ? 1 : 0;
                nodes.add(sim.addNode("p" + i, () -> new RaftElectionNode(timeouts, HEARTBEAT, observer, term, leader)));
                if (leader) {
                    changes.add(new RoleChange(0, nodes.get(0), 1, Role.LEADER, "starts as the leader of term 1"));
                }
            }
            sim.network().setDefaults(LinkFaults.none().withDelay(NETWORK_DELAY));
        }

        public Simulation simulation() {
            return sim;
        }

        public List<Address> nodes() {
            return List.copyOf(nodes);
        }

        public List<RoleChange> changes() {
            return List.copyOf(changes);
        }

        public RaftElectionNode node(Address a) {
            return sim.node(a, RaftElectionNode.class);
        }

        /** Servers that are alive and believe they lead now. */
        public List<Address> leadersNow() {
            return nodes.stream().filter(a -> !sim.isCrashed(a) && node(a).role() == Role.LEADER).toList();
        }

        /** Every leadership, from the role changes: it ends at the server's next role change (or a crash, if {@code crashes} say so). */
        public List<LeaderInterval> leaderIntervals() {
            List<LeaderInterval> out = new ArrayList<>();
            for (int i = 0; i < changes.size(); i++) {
                RoleChange c = changes.get(i);
                if (c.role() != Role.LEADER) {
                    continue;
                }
                long end = Long.MAX_VALUE;
                for (int j = i + 1; j < changes.size(); j++) {
                    if (changes.get(j).node().equals(c.node())) {
                        end = changes.get(j).nanos();
                        break;
                    }
                }
                out.add(new LeaderInterval(c.node(), c.term(), c.nanos(), end));
            }
            return out;
        }

        /** Terms in which more than one server became leader (election safety says: none). */
        public TreeMap<Long, Set<Address>> termsWithTwoLeaders() {
            TreeMap<Long, Set<Address>> byTerm = new TreeMap<>();
            for (RoleChange c : changes) {
                if (c.role() == Role.LEADER) {
                    byTerm.computeIfAbsent(c.term(), t -> new TreeSet<>()).add(c.node());
                }
            }
            byTerm.values().removeIf(s -> s.size() < 2);
            return byTerm;
        }
    }

    /** Five followers in term 0 that elect a leader by themselves. */
    private static Cluster boot(long seed, ElectionTimeouts timeouts, boolean trace) {
        return new Cluster(seed, timeouts, false, trace);
    }

    /**
     * The partition scenario: a leader is elected; a partition cuts it off with one follower; the
     * majority elects a leader of a higher term while the old one still believes it leads; the
     * partition heals and the stale leader steps down.
     *
     * @param stale       the leader cut off in the minority
     * @param newer       the leader the majority elected (higher term)
     * @param overlapFrom when both believed they led, from
     * @param overlapTo   to (when the stale leader stepped down)
     * @param stepDown    the stale leader's role change after the heal, with its reason
     */
    public record PartitionRun(Cluster cluster, Address follower, long partitionNanos, long healNanos,
                               LeaderInterval stale, LeaderInterval newer, long overlapFrom, long overlapTo,
                               RoleChange stepDown) {
    }

    /** How long after the majority's new leader the partition stays (so the overlap is visible). */
    static final Duration PARTITION_AFTER_NEW_LEADER = Duration.ofMillis(500);

    /** Runs the partition scenario with randomised timeouts; throws if a step did not happen (the caller reports the seed). */
    public static PartitionRun partitionRun(long seed, boolean trace) {
        Cluster c = boot(seed, RANDOMISED, trace);
        Simulation sim = c.simulation();
        if (!sim.runUntil(() -> c.leadersNow().size() == 1, Duration.ofSeconds(10))) {
            throw new IllegalStateException("seed " + seed + ": no leader within 10 s of boot");
        }
        sim.runFor(Duration.ofMillis(300)); // a few heartbeats: everyone follows the leader
        List<Address> leaders = c.leadersNow();
        if (leaders.size() != 1) {
            throw new IllegalStateException("seed " + seed + ": expected one leader before the partition, found " + leaders);
        }
        Address old = leaders.get(0);
        Address follower = c.nodes().stream().filter(a -> !a.equals(old)).findFirst().orElseThrow();
        Set<Address> minority = Set.of(old, follower);
        Set<Address> majority = new HashSet<>(c.nodes());
        majority.removeAll(minority);
        long partitionAt = sim.nowNanos();
        long oldTerm = c.node(old).currentTerm();
        sim.network().partition(minority, majority);
        if (!sim.runUntil(() -> majority.stream().anyMatch(a -> c.node(a).role() == Role.LEADER), Duration.ofSeconds(10))) {
            throw new IllegalStateException("seed " + seed + ": the majority elected no leader within 10 s");
        }
        sim.runFor(PARTITION_AFTER_NEW_LEADER);
        long healAt = sim.nowNanos();
        sim.network().heal();
        sim.runFor(Duration.ofSeconds(1));

        List<LeaderInterval> intervals = c.leaderIntervals();
        LeaderInterval stale = intervals.stream()
                .filter(i -> i.node().equals(old) && i.term() == oldTerm && i.fromNanos() < partitionAt).findFirst().orElseThrow();
        LeaderInterval newer = intervals.stream()
                .filter(i -> majority.contains(i.node()) && i.term() > oldTerm && i.fromNanos() >= partitionAt).findFirst().orElseThrow();
        Optional<RoleChange> down = c.changes().stream()
                .filter(r -> r.node().equals(old) && r.nanos() >= partitionAt && r.role() != Role.LEADER).findFirst();
        return new PartitionRun(c, follower, partitionAt, healAt, stale, newer,
                Math.max(stale.fromNanos(), newer.fromNanos()), Math.min(stale.toNanos(), newer.toNanos()), down.orElse(null));
    }

    /**
     * One re-election: p0 leads term 1 and the others follow; p0 crashes at {@link #CRASH_AT};
     * the others elect a new leader. {@code rounds} is the number of terms it took (the winner's
     * term minus 1: 1 means the first election won); a run that reaches {@code cap} terms without
     * a leader stops there and says so.
     */
    public record Reelection(long seed, ElectionTimeouts timeouts, int rounds, boolean capped, long millisToLeader) {
    }

    /** When p0, the leader, crashes in a re-election run. */
    public static final Duration CRASH_AT = Duration.ofMillis(500);

    /** Runs one re-election with {@code timeouts}; at most {@code cap} election rounds. */
    public static Reelection reelection(long seed, ElectionTimeouts timeouts, int cap) {
        if (cap < 1) {
            throw new IllegalArgumentException("cap must be at least 1, got " + cap);
        }
        Cluster c = new Cluster(seed, timeouts, true, false);
        Simulation sim = c.simulation();
        sim.runFor(CRASH_AT);
        sim.crash(c.nodes().get(0));
        long crashed = sim.nowNanos();
        // a leader of term > 1, or every live server past the cap (no one can still win a term <= cap + 1)
        sim.runUntil(() -> !c.leadersNow().isEmpty()
                || c.nodes().stream().skip(1).allMatch(a -> c.node(a).currentTerm() > cap + 1), Duration.ofMinutes(10));
        Optional<LeaderInterval> winner = c.leaderIntervals().stream()
                .filter(i -> i.term() > 1 && i.term() <= cap + 1).findFirst();
        if (winner.isEmpty()) {
            return new Reelection(seed, timeouts, cap, true, -1);
        }
        return new Reelection(seed, timeouts, (int) winner.get().term() - 1, false,
                (winner.get().fromNanos() - crashed) / 1_000_000);
    }

    /**
     * Random partitions for the election-safety test: every 200–800 ms a new random split of the
     * servers (or a heal), for {@code duration}; the choices come from the seed.
     */
    public static Cluster randomPartitions(long seed, Duration duration, boolean trace) {
        Cluster c = boot(seed, RANDOMISED, trace);
        Simulation sim = c.simulation();
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + 11);
        long t = 0;
        while (true) {
            t += Duration.ofMillis(200 + r.nextInt(601)).toNanos();
            if (t >= duration.toNanos()) {
                break;
            }
            boolean heal = r.nextInt(3) == 0;
            Set<Address> side = new HashSet<>();
            for (Address a : c.nodes()) {
                if (r.nextBoolean()) {
                    side.add(a);
                }
            }
            Set<Address> rest = new HashSet<>(c.nodes());
            rest.removeAll(side);
            sim.at(Duration.ofNanos(t), () -> {
                sim.network().heal();
                if (!heal && !side.isEmpty() && !rest.isEmpty()) {
                    sim.network().partition(side, rest);
                }
            });
        }
        sim.runFor(duration);
        return c;
    }
}
