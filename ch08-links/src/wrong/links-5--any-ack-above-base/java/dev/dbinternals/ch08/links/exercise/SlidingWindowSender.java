// Wrong solution for links-5: every ack at or above base is real, even for a number not handed out yet.
package dev.dbinternals.ch08.links.exercise;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.TreeSet;

/**
 * Exercise links-5, a wrong solution (see the first line): a sliding window with backpressure.
 */
public final class SlidingWindowSender {

    private final int window;
    private final TreeSet<Long> ackedAboveBase = new TreeSet<>();
    private long base = 1;
    private long next = 1;

    public SlidingWindowSender(int window) {
        if (window < 1) {
            throw new IllegalArgumentException("window must be positive, got " + window);
        }
        this.window = window;
    }

    public OptionalLong trySend() {
        if (next - base >= window) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(next++);
    }

    public void ack(long seq) {
        if (seq < base) {
            return;
        }
        ackedAboveBase.add(seq);
        while (ackedAboveBase.remove(base)) {
            base++;
        }
    }

    public long base() {
        return base;
    }

    public int inFlight() {
        return (int) (next - base);
    }

    public List<Long> unacked() {
        List<Long> out = new ArrayList<>();
        for (long s = base; s < next; s++) {
            if (!ackedAboveBase.contains(s)) {
                out.add(s);
            }
        }
        return out;
    }
}
