// Wrong solution for links-2: deduplicating is enough; a new message is delivered when it arrives, whatever its number.
package dev.dbinternals.ch08.links.exercise;

import java.util.List;
import java.util.TreeSet;

public final class InOrderReceiver {

    private final TreeSet<Long> seen = new TreeSet<>();
    private long nConsecutive;

    public InOrderReceiver(int capacity) {
    }

    public List<String> receive(long seq, String message) {
        if (!seen.add(seq)) {
            return List.of();
        }
        while (seen.contains(nConsecutive + 1)) {
            nConsecutive++;
        }
        return List.of(message);
    }

    public long nConsecutive() {
        return nConsecutive;
    }

    public int buffered() {
        return 0;
    }
}
