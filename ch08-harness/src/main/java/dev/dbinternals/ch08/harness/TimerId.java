package dev.dbinternals.ch08.harness;

/**
 * Identifies a timer set through {@link Context#setTimer}, so it can be cancelled.
 *
 * <p>Book: Chapter 8, "Failure Detection" (장애 검출): timeouts are timers. Immutable and thread-safe.
 */
public record TimerId(long id) {
}
