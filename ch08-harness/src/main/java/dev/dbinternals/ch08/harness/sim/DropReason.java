package dev.dbinternals.ch08.harness.sim;

/**
 * Why the network dropped a frame; carried by every {@link TraceEvent.Kind#DROP} event.
 *
 * <p>Book: Chapter 8, "Fair-loss link" (공정 손실 링크) and "Network Partitions and Partial
 * Failures" (네트워크 파티션과 부분 장애): a sender cannot tell these apart; the trace can.
 * Immutable and thread-safe.
 */
public enum DropReason {
    /** The link lost it at random ({@link LinkFaults#withLoss}). */
    LOSS,
    /** A partition separated sender and receiver when the frame was sent. */
    PARTITION,
    /** The bandwidth-limited link's queue was full ({@link LinkFaults#withQueueLimit}). */
    QUEUE_FULL,
    /** The receiver was crashed when the frame arrived. */
    RECEIVER_CRASHED
}
