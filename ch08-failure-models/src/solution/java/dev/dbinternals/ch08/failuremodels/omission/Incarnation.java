package dev.dbinternals.ch08.failuremodels.omission;

import dev.dbinternals.ch08.harness.DurableStorage;
import java.nio.ByteBuffer;

/**
 * Exercise failures-4, reference solution: read the last incarnation, add one, and make it
 * durable <em>before</em> anyone can see it.
 *
 * <p>Why the sync matters: if the new number were only buffered, a crash right after start
 * would lose it, and the next life would hand out the same number again: two different lives
 * the observers cannot tell apart.
 */
public final class Incarnation {

    private static final String KEY = "incarnation";

    private Incarnation() {
    }

    public static long next(DurableStorage storage) {
        long last = storage.get(KEY).map(b -> ByteBuffer.wrap(b).getLong()).orElse(0L);
        long next = last + 1;
        storage.put(KEY, ByteBuffer.allocate(8).putLong(next).array());
        storage.sync();
        return next;
    }
}
