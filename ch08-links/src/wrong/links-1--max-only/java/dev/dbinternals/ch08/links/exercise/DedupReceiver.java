// Wrong solution for links-1: a number at or below the highest seen is a duplicate, so a message overtaken by a later one is dropped.
package dev.dbinternals.ch08.links.exercise;

import dev.dbinternals.ch08.harness.Address;
import java.util.Map;
import java.util.TreeMap;

public final class DedupReceiver {

    private final Map<Address, Long> highest = new TreeMap<>();

    public boolean firstDelivery(Address from, long seq) {
        long max = highest.getOrDefault(from, 0L);
        if (seq <= max) {
            return false;
        }
        highest.put(from, seq);
        return true;
    }

    public int remembered(Address from) {
        return 0;
    }
}
