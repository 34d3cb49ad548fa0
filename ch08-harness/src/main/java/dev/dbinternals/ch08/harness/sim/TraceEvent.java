package dev.dbinternals.ch08.harness.sim;

import dev.dbinternals.ch08.harness.Address;
import java.util.Objects;

/**
 * One thing that happened in a simulated run, at a true (virtual) time.
 *
 * <p>Book: Chapter 8, "Network Partitions and Partial Failures" (네트워크 파티션과 부분 장애):
 * the trace is what a checker reads and what the diagrams draw.
 *
 * <p>Who is who: for {@code SEND}, {@code DROP}, {@code DUPLICATE} and {@code CORRUPT},
 * {@link #node()} is the sender and {@link #peer()} the receiver; for {@code DELIVER},
 * {@link #node()} is the receiver and {@link #peer()} the sender. Every copy of a message
 * (duplicates included) carries the {@link #messageId()} of the send that produced it.
 * {@code PARTITION}, {@code HEAL} and network-wide {@code NOTE}s have a {@code null} node.
 * {@link #localWallMillis()} is the node's own wall clock at that moment (0 without a node).
 *
 * <p>Immutable and thread-safe ({@link #payload()} returns a copy).
 */
public final class TraceEvent {

    /** What kind of event. */
    public enum Kind {
        SEND, DELIVER, DROP, DUPLICATE, CORRUPT,
        TIMER_SET, TIMER_FIRE, TIMER_CANCEL,
        CRASH, RESTART, PAUSE, RESUME, CLOCK_STEP,
        PARTITION, HEAL, NOTE
    }

    private final long timeNanos;
    private final Kind kind;
    private final Address node;
    private final Address peer;
    private final long messageId;
    private final byte[] payload;
    private final String detail;
    private final long localWallMillis;

    TraceEvent(long timeNanos, Kind kind, Address node, Address peer, long messageId, byte[] payload,
               String detail, long localWallMillis) {
        this.timeNanos = timeNanos;
        this.kind = Objects.requireNonNull(kind);
        this.node = node;
        this.peer = peer;
        this.messageId = messageId;
        this.payload = payload;
        this.detail = detail == null ? "" : detail;
        this.localWallMillis = localWallMillis;
    }

    /** True (virtual) time of the event in nanoseconds since the start of the run. */
    public long timeNanos() {
        return timeNanos;
    }

    public Kind kind() {
        return kind;
    }

    /** The node the event happened at (the sender for message events other than DELIVER); null for network-wide events. */
    public Address node() {
        return node;
    }

    /** The other end of a message event, or null. */
    public Address peer() {
        return peer;
    }

    /** The id of the send a message event belongs to, or -1. */
    public long messageId() {
        return messageId;
    }

    /** A copy of the frame's bytes for message events (as delivered, so maybe corrupted), else an empty array. */
    public byte[] payload() {
        return payload == null ? new byte[0] : payload.clone();
    }

    /** The frame's length in bytes without copying it (0 for non-message events). */
    public int payloadLength() {
        return payload == null ? 0 : payload.length;
    }

    byte[] payloadUnsafe() {
        return payload;
    }

    /** Free text: the drop reason, the timer's tag, the note, the step size. */
    public String detail() {
        return detail;
    }

    /** The node's wall clock when the event happened, in epoch milliseconds (0 for network-wide events). */
    public long localWallMillis() {
        return localWallMillis;
    }

    /** The drop reason of a DROP event, or null for any other kind. */
    public DropReason dropReason() {
        if (kind != Kind.DROP) {
            return null;
        }
        int space = detail.indexOf(' ');
        return DropReason.valueOf(space < 0 ? detail : detail.substring(0, space));
    }

    /** True for SEND, DELIVER, DROP, DUPLICATE and CORRUPT. */
    public boolean isMessageEvent() {
        return kind.ordinal() <= Kind.CORRUPT.ordinal();
    }

    @Override
    public String toString() {
        return Trace.line(this, null);
    }
}
