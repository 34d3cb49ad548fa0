// Wrong solution for conc-2: a volatile field makes every thread see the latest count, so count++ on it is taken to be safe.
package dev.dbinternals.ch08.concurrency.exercises;

/** Exercise conc-2. */
public final class AtomicCounter {

    private volatile long count;

    public void increment() {
        count++;
    }

    public long get() {
        return count;
    }
}
