package dev.dbinternals.ch08.links.exactlyonce;

/**
 * The three promises a messaging system can make about the <em>effects</em> of a message.
 *
 * <p>Book: Chapter 8, Links → Exactly-once delivery (정확히 한 번만 전달).
 */
public enum DeliverySemantics {
    /** 최대 한 번 전달: send once, never retry; the receiver ignores copies it has seen. Effects may be lost, never doubled (while the receiver stays up). */
    AT_MOST_ONCE,
    /** 최소 한 번 전달: retry until acknowledged; the receiver applies every copy. Nothing lost, effects may be doubled. */
    AT_LEAST_ONCE,
    /**
     * 정확히 한 번 처리: at-least-once delivery plus deduplication whose state (the book's
     * {@code n_processed}) is made durable in the same write as the effect. Nothing lost, nothing doubled,
     * even when the receiver crashes at any step.
     */
    EXACTLY_ONCE,
    /**
     * A deliberately broken exactly-once: the effect and the dedup state are synced in two separate writes.
     * A crash between them applies the effect twice. Used by the "break it" section and its test.
     */
    EXACTLY_ONCE_NON_ATOMIC
}
