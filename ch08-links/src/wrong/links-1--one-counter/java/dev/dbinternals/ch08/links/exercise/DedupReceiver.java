// Wrong solution for links-1: one sequence space for all senders, as if numbers were global rather than per sender.
package dev.dbinternals.ch08.links.exercise;

import dev.dbinternals.ch08.harness.Address;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Exercise links-1, a wrong solution (see the first line): one watermark and one set of numbers seen above it for all senders together, so equal
 * numbers from two senders look like one message.
 */
public final class DedupReceiver {

    private static final class PerSender {
        long consecutive;
        final TreeSet<Long> above = new TreeSet<>();
    }

    private final Map<Address, PerSender> senders = new TreeMap<>();

    public boolean firstDelivery(Address from, long seq) {
        PerSender s = senders.computeIfAbsent(Address.of("any"), a -> new PerSender());
        if (seq <= s.consecutive || !s.above.add(seq)) {
            return false;
        }
        while (!s.above.isEmpty() && s.above.first() == s.consecutive + 1) {
            s.above.pollFirst();
            s.consecutive++;
        }
        return true;
    }

    public int remembered(Address from) {
        PerSender s = senders.get(Address.of("any"));
        return s == null ? 0 : s.above.size();
    }
}
