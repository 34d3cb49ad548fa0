package dev.dbinternals.ch08.failuremodels.arbitrary;

import dev.dbinternals.ch08.harness.Address;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Exercise failures-3, reference solution: one vote per replica, decide at {@code f + 1}; expose
 * replicas that contradict themselves or the decided value.
 *
 * <p>Why {@code f + 1}: with at most {@code f} faulty replicas, any {@code f + 1} replicas
 * include a correct one, so a value that many replicas report is a correct replica's value.
 * Why that exposes the others: the correct replicas all compute that value, so a replica that
 * replied anything else is faulty. Before a decision a lone different reply proves nothing (it
 * may be the correct one), but two different replies from one replica always do.
 */
public final class Vote {

    /** One reply as it arrived: who sent it, and what it says. A replica may appear more than once. */
    public record Reply(Address replica, long value) {
    }

    private Vote() {
    }

    public static OptionalLong decide(List<Reply> replies, int f) {
        Map<Address, Long> firstReply = new TreeMap<>();
        for (Reply r : replies) {
            firstReply.putIfAbsent(r.replica(), r.value());
        }
        Map<Long, Integer> count = new LinkedHashMap<>();
        for (long v : firstReply.values()) {
            if (count.merge(v, 1, Integer::sum) >= f + 1) {
                return OptionalLong.of(v);
            }
        }
        return OptionalLong.empty();
    }

    public static Set<Address> faulty(List<Reply> replies, int f) {
        Map<Address, Set<Long>> said = new TreeMap<>();
        for (Reply r : replies) {
            said.computeIfAbsent(r.replica(), k -> new TreeSet<>()).add(r.value());
        }
        OptionalLong decided = decide(replies, f);
        Set<Address> out = new TreeSet<>();
        said.forEach((replica, values) -> {
            if (values.size() > 1 || decided.isPresent() && values.iterator().next() != decided.getAsLong()) {
                out.add(replica);
            }
        });
        return out;
    }
}
