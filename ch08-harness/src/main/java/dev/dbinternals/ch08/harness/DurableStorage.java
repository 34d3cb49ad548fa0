package dev.dbinternals.ch08.harness;

import java.util.Optional;
import java.util.SortedSet;

/**
 * A node's disk: a small key-value store whose writes survive a crash only once synced.
 *
 * <p>Book: Chapter 8, "Crash faults" (충돌): in the crash-recovery model a recovered process
 * starts from its durable state, and an algorithm must consider every state it can recover
 * into. {@link #put} is buffered like a write to the page cache; {@link #sync} is the fsync.
 *
 * <p>Not thread-safe: use it from the node's handlers.
 */
public interface DurableStorage {

    /** The value for {@code key}, including unsynced writes made since the last start. */
    Optional<byte[]> get(String key);

    /** Writes {@code value} (copied); lost on a crash unless {@link #sync()} follows. */
    void put(String key, byte[] value);

    /** Removes {@code key}; like {@link #put}, durable only after {@link #sync()}. */
    void remove(String key);

    /** Makes every write so far durable. */
    void sync();

    /** The keys visible now, in order. */
    SortedSet<String> keys();
}
