// Wrong solution for failures-4: the new number is put on the disk but not synced, so a crash right after start loses it.
package dev.dbinternals.ch08.failuremodels.omission;

import dev.dbinternals.ch08.harness.DurableStorage;
import java.nio.ByteBuffer;

/** A wrong solution of exercise failures-4: the first line says what it gets wrong. */
public final class Incarnation {

    private static final String KEY = "incarnation";

    private Incarnation() {
    }

    public static long next(DurableStorage storage) {
        long last = storage.get(KEY).map(b -> ByteBuffer.wrap(b).getLong()).orElse(0L);
        long next = last + 1;
        storage.put(KEY, ByteBuffer.allocate(8).putLong(next).array());
        return next;
    }
}
