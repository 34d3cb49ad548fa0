package dev.dbinternals.ch08.links.ladder;

/**
 * Counters kept by a link. Plain mutable fields, read by tests, demos and benchmarks between
 * (never during) handler runs. Not thread-safe.
 */
public final class LinkStats {
    /** Application messages accepted by {@link Link#send}. */
    public long sent;
    /** Application messages refused by {@link Link#send} because the window was full. */
    public long refused;
    /** Data frames put on the wire, first transmissions and retransmissions. */
    public long transmissions;
    /** Data frames put on the wire again after a timeout. */
    public long retransmissions;
    /** Acknowledgements put on the wire. */
    public long acksSent;
    /** Acknowledgements received that acknowledged something new. */
    public long acksReceived;
    /** Messages handed to the application. */
    public long delivered;
    /** Data frames that arrived again and were not delivered again. */
    public long duplicatesDropped;
    /** Frames whose checksum (or shape) was wrong, dropped as if lost. */
    public long corruptDropped;
    /** Data frames that arrived ahead of a gap and waited in the reorder buffer. */
    public long heldOutOfOrder;
    /**
     * Acknowledgements dropped because they named a sequence number this sender never sent
     * (as {@code seq} or as the cumulative {@code upTo}): forged, or corrupted past the checksum.
     */
    public long implausibleAcksDropped;
    /** Largest number of messages the sender held unacknowledged at once. */
    public long maxInFlight;
    /** Largest number of messages the receiver held in its reorder buffer at once. */
    public long maxBuffered;
    /** Bytes of frames put on the wire (data and acks). */
    public long bytesOnWire;

    @Override
    public String toString() {
        return "sent=" + sent + " refused=" + refused + " transmissions=" + transmissions
                + " retransmissions=" + retransmissions + " acksSent=" + acksSent + " acksReceived=" + acksReceived
                + " delivered=" + delivered + " duplicatesDropped=" + duplicatesDropped
                + " corruptDropped=" + corruptDropped + " implausibleAcksDropped=" + implausibleAcksDropped + " heldOutOfOrder=" + heldOutOfOrder
                + " maxInFlight=" + maxInFlight + " maxBuffered=" + maxBuffered;
    }
}
