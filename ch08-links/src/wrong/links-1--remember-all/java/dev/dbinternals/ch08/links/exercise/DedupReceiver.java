// Wrong solution for links-1: remembering every number ever seen is fine, so memory grows with the messages received.
package dev.dbinternals.ch08.links.exercise;

import dev.dbinternals.ch08.harness.Address;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

public final class DedupReceiver {

    private final Map<Address, Set<Long>> seen = new TreeMap<>();

    public boolean firstDelivery(Address from, long seq) {
        return seen.computeIfAbsent(from, a -> new TreeSet<>()).add(seq);
    }

    public int remembered(Address from) {
        return seen.getOrDefault(from, Set.of()).size();
    }
}
