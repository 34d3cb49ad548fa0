package dev.dbinternals.ch08.harness.explore;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Node;
import dev.dbinternals.ch08.harness.sim.Simulation;
import dev.dbinternals.ch08.harness.sim.Simulation.Pending;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A refinement of {@link ScheduleSearch}: the fingerprint of a whole driven run at one step, so that a
 * state reached again (by another order of the same events, say) is not explored again.
 *
 * <p>Book: Chapter 8, "Distributed System Abstractions" (분산 시스템 추상화): the state of a distributed
 * system is the nodes' states and the messages in flight.
 *
 * <p>The fingerprint holds: each node's {@link Fingerprinted#fingerprint()} (or that it is down), its
 * storage as it reads now and as a crash would leave it, the messages in flight as a multiset of
 * (sender, receiver, bytes) (their ids and due times left out), each node's live timers in the order
 * they come due, and the fault budget already used. It leaves out virtual time, the nodes' clocks and
 * their random streams: pruning is sound for nodes whose handlers neither read a clock nor draw
 * randomness, in a scenario without planned {@code at(...)} actions (they run by virtual time), with
 * invariants that read nothing outside the fingerprint, and may hide a bug otherwise.
 *
 * <p>Pruning with iterative deepening: a state first explored with {@code r} choices left covers every
 * schedule of at most {@code r} more choices from it, so a later visit with at most {@code r} left adds
 * nothing; with more left it is explored again. The table is started afresh for every bound, so that
 * "no schedule reached the bound" stays true of the bound it is said of. Stateless otherwise.
 */
final class StateFingerprint {

    private StateFingerprint() {
    }

    /** The fingerprint of {@code sim} now, with {@code pending} from its last {@code runUntilChoice}. */
    static Object of(Simulation sim, List<Pending> pending, int[] used) {
        List<Object> nodes = new ArrayList<>();
        for (Address a : sim.nodes()) {
            if (sim.isCrashed(a)) {
                nodes.add(List.of(a, "down", bytes(sim.durableState(a))));
                continue;
            }
            Node n = sim.node(a, Node.class);
            if (!(n instanceof Fingerprinted f)) {
                throw new IllegalArgumentException("withFingerprints() needs every node to implement Fingerprinted: " + a
                        + " (a " + n.getClass().getName() + ") does not");
            }
            Map<String, ByteBuffer> visible = new TreeMap<>();
            for (String key : sim.storage(a).keys()) {
                visible.put(key, ByteBuffer.wrap(sim.storage(a).get(key).orElseThrow()));
            }
            nodes.add(List.of(a, f.fingerprint(), visible, bytes(sim.durableState(a))));
        }
        Map<List<Object>, Integer> inFlight = new HashMap<>(); // a multiset: the order of arrival is the search's to choose
        Map<Address, List<Object>> timers = new TreeMap<>();
        for (Pending p : pending) {
            if (p.isMessage()) {
                inFlight.merge(List.of(p.from(), p.node(), ByteBuffer.wrap(p.bytes())), 1, Integer::sum);
            } else {
                timers.computeIfAbsent(p.node(), k -> new ArrayList<>()).add(p.timerTag());
            }
        }
        return List.of(nodes, inFlight, timers, List.of(used[0], used[1], used[2]));
    }

    private static Map<String, ByteBuffer> bytes(Map<String, byte[]> m) {
        Map<String, ByteBuffer> out = new TreeMap<>();
        m.forEach((k, v) -> out.put(k, ByteBuffer.wrap(v.clone())));
        return out;
    }

    /**
     * Whether {@code fingerprint} was explored before with at least {@code left} choices left; records
     * it with {@code left} otherwise.
     */
    static boolean seenBefore(Map<Object, Integer> seen, Object fingerprint, int left) {
        Integer before = seen.get(fingerprint);
        if (before != null && before >= left) {
            return true;
        }
        seen.put(fingerprint, left);
        return false;
    }
}
