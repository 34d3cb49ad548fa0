package dev.dbinternals.ch08.failuremodels.arbitrary;

import dev.dbinternals.ch08.harness.Address;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/**
 * Counts the replies to one request, one vote per replica, and decides once {@code f + 1}
 * different replicas reported the same value.
 *
 * <p>Book: Chapter 8, "Arbitrary Faults" (임의의 장애): in paraphrase, aircraft control systems
 * do not take a subcomponent's answer at face value but cross-check it with others. Property: if at most
 * {@code f} replicas are faulty, a decided value was reported by at least one correct replica,
 * so it is the correct value when the correct replicas agree (deterministic, same state). If
 * all correct replicas answer, at least {@code f + 1} of them exist when {@code n >= 2f + 1},
 * so the tally decides. It does <em>not</em> make replicas agree on anything: agreement with
 * unsigned messages needs {@code n >= 3f + 1} (Lamport, Shostak and Pease 1982;
 * {@link OralMessages} enumerates the smallest case). Not thread-safe.
 */
final class Tally {

    private final int f;
    private final Map<Long, Set<Address>> votes = new LinkedHashMap<>();
    private final Set<Address> voted = new TreeSet<>();

    public Tally(int f) {
        if (f < 0) {
            throw new IllegalArgumentException("f must be >= 0, got " + f);
        }
        this.f = f;
    }

    /** Records {@code replica}'s reply (only its first counts); returns the decision, if there is one now. */
    public OptionalLong offer(Address replica, long value) {
        if (voted.add(replica)) {
            votes.computeIfAbsent(value, v -> new TreeSet<>()).add(replica);
        }
        return decision();
    }

    /** A value reported by {@code f + 1} different replicas, if any. */
    public OptionalLong decision() {
        for (Map.Entry<Long, Set<Address>> e : votes.entrySet()) {
            if (e.getValue().size() >= f + 1) {
                return OptionalLong.of(e.getKey());
            }
        }
        return OptionalLong.empty();
    }
}
