package dev.dbinternals.ch08.failuremodels.crash;

import dev.dbinternals.ch08.harness.DurableStorage;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.TreeMap;

/**
 * Exercise failures-1, reference solution: write, then sync, and only then let the caller
 * acknowledge (crash-recovery, 충돌-복구).
 *
 * <p>Why it works: {@code sync} makes every buffered write durable, and the caller sends its
 * acknowledgement only after {@code persist} returns. A crash before the sync loses a write
 * nobody was told about (the client retransmits it); a crash after it loses nothing.
 */
public final class RegisterStore {

    private static final String PREFIX = "store/";

    private RegisterStore() {
    }

    /** Stores {@code key = value} at {@code version}; durable when this returns. */
    public static void persist(DurableStorage storage, String key, long value, long version) {
        storage.put(PREFIX + key, ByteBuffer.allocate(16).putLong(value).putLong(version).array());
        storage.sync();
    }

    /** Everything persisted (and synced) before: key to {@code {value, version}}. */
    public static Map<String, long[]> load(DurableStorage storage) {
        Map<String, long[]> out = new TreeMap<>();
        for (String k : storage.keys()) {
            if (k.startsWith(PREFIX)) {
                ByteBuffer b = ByteBuffer.wrap(storage.get(k).orElseThrow());
                out.put(k.substring(PREFIX.length()), new long[] {b.getLong(), b.getLong()});
            }
        }
        return out;
    }
}
