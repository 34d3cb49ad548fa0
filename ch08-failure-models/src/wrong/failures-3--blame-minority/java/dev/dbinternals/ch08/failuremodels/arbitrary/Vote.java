// Wrong solution for failures-3: whoever disagrees with the most common answer so far is blamed, even before any value has f + 1 votes.
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
        Map<Address, Long> first = new TreeMap<>();
        for (Reply r : replies) {
            first.putIfAbsent(r.replica(), r.value());
        }
        Map<Long, Integer> count = new LinkedHashMap<>();
        first.values().forEach(v -> count.merge(v, 1, Integer::sum));
        long majority = count.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(0L);
        Set<Address> out = new TreeSet<>();
        first.forEach((replica, v) -> {
            if (v != majority) {
                out.add(replica);
            }
        });
        return out;
    }
}
