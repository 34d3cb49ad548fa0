package dev.dbinternals.ch08.concurrency.exercises;

import java.util.concurrent.atomic.AtomicLong;

/** Exercise conc-2, solved: a CAS retry loop on an AtomicLong. Thread-safe. */
public final class AtomicCounter {

    private final AtomicLong count = new AtomicLong();

    public void increment() {
        long v;
        do {
            v = count.get();
        } while (!count.compareAndSet(v, v + 1));
    }

    public long get() {
        return count.get();
    }
}
