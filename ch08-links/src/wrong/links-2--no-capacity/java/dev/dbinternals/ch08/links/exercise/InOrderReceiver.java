// Wrong solution for links-2: the reorder buffer may hold whatever arrives, so a receiver far behind holds without bound.
package dev.dbinternals.ch08.links.exercise;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Exercise links-2, a wrong solution (see the first line): the reorder buffer (재정렬 버퍼).
 */
public final class InOrderReceiver {

    private final int capacity;
    private final TreeMap<Long, String> waiting = new TreeMap<>();
    private long nConsecutive;

    public InOrderReceiver(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive, got " + capacity);
        }
        this.capacity = capacity;
    }

    public List<String> receive(long seq, String message) {
        if (seq <= nConsecutive || waiting.containsKey(seq)) {
            return List.of(); // duplicate, or beyond the buffer: the sender retransmits
        }
        waiting.put(seq, message);
        List<String> ready = new ArrayList<>();
        while (!waiting.isEmpty() && waiting.firstKey() == nConsecutive + 1) {
            ready.add(waiting.pollFirstEntry().getValue());
            nConsecutive++;
        }
        return ready;
    }

    public long nConsecutive() {
        return nConsecutive;
    }

    public int buffered() {
        return waiting.size();
    }
}
