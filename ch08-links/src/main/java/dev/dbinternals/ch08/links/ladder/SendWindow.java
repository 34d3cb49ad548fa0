package dev.dbinternals.ch08.links.ladder;

/**
 * The sender's bounded window of unacknowledged messages: at most {@code capacity} sequence
 * numbers from {@code base} (the lowest unacknowledged) are in flight; when it is full the
 * sender refuses new messages (backpressure) instead of buffering without bound.
 *
 * <p>Book: Chapter 8, Links → Message order (메시지 순서) and Processing → backpressure
 * (백프레셔). Memory stays within {@code capacity} messages however long the run, and since the
 * receiver's {@code n_consecutive} is at least {@code base - 1}, the receiver never needs to
 * buffer more than {@code capacity} messages either. Acknowledgements are cumulative (every
 * sequence number up to n was processed: the window slides) or selective (this one is held by
 * the receiver: do not resend it, but keep it until a cumulative acknowledgement covers it).
 *
 * <p>Slots live in a ring indexed by {@code seq % capacity}. Not thread-safe.
 */
final class SendWindow {

    private final int capacity;
    private final byte[][] payloads;
    private final long[] lastSentNanos;
    private final int[] sends;
    private final boolean[] sacked;
    private long base = 1;
    private long next = 1;

    public SendWindow(int capacity) {
        if (capacity < 1 || capacity > 1 << 20) {
            throw new IllegalArgumentException("window capacity must be 1..2^20, got " + capacity);
        }
        this.capacity = capacity;
        this.payloads = new byte[capacity][];
        this.lastSentNanos = new long[capacity];
        this.sends = new int[capacity];
        this.sacked = new boolean[capacity];
    }

    public int capacity() {
        return capacity;
    }

    /** Lowest sequence number not yet acknowledged (everything below it is). */
    public long base() {
        return base;
    }

    /** The sequence number the next message will get. */
    public long next() {
        return next;
    }

    /** Sequence numbers assigned and not yet slid out of the window: {@code next - base}, at most the capacity. */
    public int inFlight() {
        return (int) (next - base);
    }

    public boolean hasRoom() {
        return next - base < capacity;
    }

    /** Takes {@code payload} into the window and returns its sequence number; the caller must check {@link #hasRoom} first. */
    public long add(byte[] payload, long nowNanos) {
        if (!hasRoom()) {
            throw new IllegalStateException("window full: " + inFlight() + " of " + capacity + " in flight");
        }
        long seq = next++;
        int i = slot(seq);
        payloads[i] = payload;
        lastSentNanos[i] = nowNanos;
        sends[i] = 1;
        sacked[i] = false;
        return seq;
    }

    /** True if {@code seq} is in the window and acknowledged neither cumulatively nor selectively. */
    public boolean isOutstanding(long seq) {
        return seq >= base && seq < next && !sacked[slot(seq)];
    }

    public byte[] payload(long seq) {
        return payloads[slot(seq)];
    }

    public long lastSentNanos(long seq) {
        return lastSentNanos[slot(seq)];
    }

    public int sends(long seq) {
        return sends[slot(seq)];
    }

    /** Records a retransmission of {@code seq}. */
    public void resent(long seq, long nowNanos) {
        int i = slot(seq);
        lastSentNanos[i] = nowNanos;
        sends[i]++;
    }

    /**
     * Selective acknowledgement of one message: the receiver holds it, so it need not be sent
     * again, but it stays in the window until a cumulative acknowledgement covers it: a
     * receiver that crashes loses what it held above {@code n_consecutive} (see {@link #renege}).
     * Returns true if it acknowledged something new.
     */
    public boolean ack(long seq) {
        if (!isOutstanding(seq)) {
            return false;
        }
        sacked[slot(seq)] = true;
        return true;
    }

    /**
     * Cumulative acknowledgement of every message up to {@code upTo}: the receiver processed
     * them all, so the window slides past them and their payloads are released. Returns true if
     * it acknowledged something new.
     */
    public boolean ackUpTo(long upTo) {
        long end = Math.min(upTo, next - 1);
        if (end < base) {
            return false;
        }
        for (long s = base; s <= end; s++) {
            int i = slot(s);
            payloads[i] = null; // let the payload go: memory stays within the window
            sacked[i] = false;
        }
        base = end + 1;
        return true;
    }

    /** True if {@code seq} was acknowledged selectively and is still waiting for a cumulative acknowledgement. */
    public boolean isSelectivelyAcked(long seq) {
        return seq >= base && seq < next && sacked[slot(seq)];
    }

    /**
     * Forgets every selective acknowledgement: the receiver restarted and lost its reorder
     * buffer, so messages it had acknowledged but not yet processed must be sent again (TCP
     * calls this reneging). Their payloads are still here, since only a cumulative
     * acknowledgement releases a payload.
     */
    public void renege() {
        for (long s = base; s < next; s++) {
            sacked[slot(s)] = false;
        }
    }

    private int slot(long seq) {
        return (int) (seq % capacity);
    }
}
