// Wrong solution for failures-4: the number is kept in a static field, which a simulated restart in one JVM keeps but a real restart does not.
package dev.dbinternals.ch08.failuremodels.omission;

import dev.dbinternals.ch08.harness.DurableStorage;
import java.nio.ByteBuffer;

/** A wrong solution of exercise failures-4: the first line says what it gets wrong. */
public final class Incarnation {

    private static final String KEY = "incarnation";

    private Incarnation() {
    }

    private static long last;

    public static long next(DurableStorage storage) {
        return ++last;
    }
}
