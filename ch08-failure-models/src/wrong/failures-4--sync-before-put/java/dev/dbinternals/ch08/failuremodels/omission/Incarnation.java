// Wrong solution for failures-4: the sync comes before the put, so the new number is still only buffered when next() returns.
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
        storage.sync();
        storage.put(KEY, ByteBuffer.allocate(8).putLong(next).array());
        return next;
    }
}
