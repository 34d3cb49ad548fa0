// Wrong solution for failures-1: every write goes to one storage key, so a later write to another register key overwrites an earlier acknowledged one.
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
        byte[] k = key.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        storage.put("register", ByteBuffer.allocate(20 + k.length).putLong(value).putLong(version).putInt(k.length).put(k).array());
        storage.sync();
    }

    /** Everything persisted (and synced) before: key to {@code {value, version}}. */
    public static Map<String, long[]> load(DurableStorage storage) {
        Map<String, long[]> out = new TreeMap<>();
        storage.get("register").ifPresent(bytes -> {
            ByteBuffer b = ByteBuffer.wrap(bytes);
            long value = b.getLong();
            long version = b.getLong();
            byte[] k = new byte[b.getInt()];
            b.get(k);
            out.put(new String(k, java.nio.charset.StandardCharsets.UTF_8), new long[] {value, version});
        });
        return out;
    }
}
