// Wrong solution for failures-3: replies are counted, not replicas, so one replica that repeats itself (or a duplicating network) wins the vote.
package dev.dbinternals.ch08.failuremodels.arbitrary;

import dev.dbinternals.ch08.harness.Address;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** A wrong solution of exercise failures-3: the first line says what it gets wrong. */
public final class Vote {

    /** One reply as it arrived: who sent it, and what it says. A replica may appear more than once. */
    public record Reply(Address replica, long value) {
    }

    private Vote() {
    }

    public static OptionalLong decide(List<Reply> replies, int f) {
        Map<Long, Integer> count = new LinkedHashMap<>();
        for (Reply r : replies) {
            if (count.merge(r.value(), 1, Integer::sum) >= f + 1) {
                return OptionalLong.of(r.value());
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
