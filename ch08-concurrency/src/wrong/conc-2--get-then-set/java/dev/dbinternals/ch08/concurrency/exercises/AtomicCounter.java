// Wrong solution for conc-2: an AtomicLong is taken to make any use of it atomic, so a get followed by a set is.
package dev.dbinternals.ch08.concurrency.exercises;

import java.util.concurrent.atomic.AtomicLong;

/** Exercise conc-2. */
public final class AtomicCounter {

    private final AtomicLong count = new AtomicLong();

    public void increment() {
        count.set(count.get() + 1);
    }

    public long get() {
        return count.get();
    }
}
