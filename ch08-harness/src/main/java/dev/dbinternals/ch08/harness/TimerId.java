package dev.dbinternals.ch08.harness;

/** Identifies a timer set through {@link Context#setTimer}, so it can be cancelled. Immutable. */
public record TimerId(long id) {
}
