package dev.dbinternals.ch08.links.ladder;

import java.util.ArrayList;
import java.util.List;

/**
 * The receiver's side of a FIFO link: the book's {@code n_consecutive} and
 * {@code n_processed}, and a bounded buffer for messages that arrived ahead of a gap.
 *
 * <p>Book: Chapter 8, Links → Message order (메시지 순서). {@code n_consecutive} is the highest
 * sequence number such that every message up to it has been received; {@code n_processed} is
 * the highest sequence number processed (delivered) in order. Always
 * {@code n_processed <= n_consecutive}. A message numbered above {@code n_consecutive + 1} waits
 * in the reorder buffer (재정렬 버퍼) until the gap fills. Dedup (중복 제거) needs nothing more: a
 * message numbered at most {@code n_consecutive}, or already buffered, is a duplicate, so the
 * state below {@code n_consecutive} can be thrown away. Holds at most {@code capacity} messages,
 * the sender's window. Not thread-safe.
 */
final class ReorderBuffer {

    /** What became of an arriving message. */
    public enum Outcome {
        /** New and stored; it (and maybe buffered successors) can now be processed. */
        ACCEPTED_IN_ORDER,
        /** New but ahead of a gap: held in the buffer. */
        HELD_OUT_OF_ORDER,
        /** Already received: drop it (and acknowledge it again). */
        DUPLICATE,
        /** Too far ahead for the window: drop it; a correct sender never sends it. */
        BEYOND_WINDOW
    }

    private final int capacity;
    private final byte[][] slots;
    private long nConsecutive;
    private long nProcessed;
    private int buffered;

    public ReorderBuffer(int capacity) {
        if (capacity < 1 || capacity > 1 << 20) {
            throw new IllegalArgumentException("buffer capacity must be 1..2^20, got " + capacity);
        }
        this.capacity = capacity;
        this.slots = new byte[capacity][];
    }

    /** Highest sequence number with every message up to it received. */
    public long nConsecutive() {
        return nConsecutive;
    }

    /** Highest sequence number processed in order. */
    public long nProcessed() {
        return nProcessed;
    }

    /** Messages held: received, not yet processed. */
    public int buffered() {
        return buffered;
    }

    /** Takes an arriving message numbered {@code seq}. */
    public Outcome receive(long seq, byte[] payload) {
        if (seq <= nConsecutive || (seq <= nProcessed + capacity && slots[slot(seq)] != null)) {
            return Outcome.DUPLICATE;
        }
        if (seq > nProcessed + capacity) {
            return Outcome.BEYOND_WINDOW;
        }
        slots[slot(seq)] = payload;
        buffered++;
        if (seq != nConsecutive + 1) {
            return Outcome.HELD_OUT_OF_ORDER;
        }
        while (nConsecutive < nProcessed + capacity && slots[slot(nConsecutive + 1)] != null) {
            nConsecutive++;
        }
        return Outcome.ACCEPTED_IN_ORDER;
    }

    /** True if the message numbered {@code n_processed + 1} has been received and can be processed. */
    public boolean hasNext() {
        return nProcessed < nConsecutive;
    }

    /** Removes and returns the next message in order, advancing {@code n_processed}. */
    public byte[] next() {
        if (!hasNext()) {
            throw new IllegalStateException("nothing to process: n_processed=" + nProcessed + " n_consecutive=" + nConsecutive);
        }
        int i = slot(nProcessed + 1);
        byte[] p = slots[i];
        slots[i] = null;
        buffered--;
        nProcessed++;
        return p;
    }

    /**
     * Moves past everything up to {@code upTo}, which the sender says was acknowledged
     * already. A receiver that lost its memory in a crash learns this way that an earlier life
     * of it received (and processed) those messages. Messages up to {@code upTo} that <em>this</em>
     * life holds in its buffer were acknowledged by this life without being processed yet (they
     * waited behind a gap that an earlier life had already filled): they are returned, in
     * order, for the caller to process now; dropping them would lose them.
     *
     * @return the held messages numbered up to {@code upTo}, in order (usually none)
     */
    public List<byte[]> skipTo(long upTo) {
        if (upTo <= nProcessed) {
            return List.of();
        }
        List<byte[]> release = new ArrayList<>();
        for (long s = nProcessed + 1; s <= Math.min(upTo, nProcessed + capacity); s++) {
            int i = slot(s);
            if (slots[i] != null) {
                release.add(slots[i]);
                slots[i] = null;
                buffered--;
            }
        }
        nProcessed = upTo;
        nConsecutive = Math.max(nConsecutive, upTo);
        while (nConsecutive < nProcessed + capacity && slots[slot(nConsecutive + 1)] != null) {
            nConsecutive++;
        }
        return release;
    }

    private int slot(long seq) {
        return (int) (seq % capacity);
    }
}
