// Wrong solution for failures-1: sync() is called before put(), so the write it should make durable is still only buffered when the node acknowledges.
package dev.dbinternals.ch08.failuremodels.crash;

import dev.dbinternals.ch08.harness.DurableStorage;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.TreeMap;

/** A wrong solution of exercise failures-1: the first line says what it gets wrong. */
public final class RegisterStore {

    private static final String PREFIX = "store/";

    private RegisterStore() {
    }

    /** Stores {@code key = value} at {@code version}; durable when this returns. */
    public static void persist(DurableStorage storage, String key, long value, long version) {
        storage.sync();
        storage.put(PREFIX + key, ByteBuffer.allocate(16).putLong(value).putLong(version).array());
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
