package dev.dbinternals.ch08.concurrency.replication;

/**
 * A value with the version that wrote it; version 0 is "nothing stored". Immutable.
 *
 * <p>Book: Chapter 8, "State Consistency" (상태 일관성).
 */
public record Versioned(long value, long version) {

    public static final Versioned NONE = new Versioned(0, 0);

    public boolean isNewerThan(Versioned other) {
        return version > other.version;
    }
}
