package dev.dbinternals.ch08.concurrency.exercises;

import dev.dbinternals.ch08.harness.exercise.NotDoneYet;

/**
 * Exercise conc-2: a counter that real threads can increment without losing updates.
 *
 * <p>Book: Chapter 8, "Concurrent Execution" (동시 수행). Use a compare-and-set loop on an
 * {@code AtomicLong} (or {@code incrementAndGet}); a plain {@code long} field with {@code count++}
 * is figure 8-1's race. Thread-safe once done.
 */
public final class AtomicCounter {

    public void increment() {
        throw new NotDoneYet("conc-2", "ch08-concurrency/src/exercise/java/dev/dbinternals/ch08/concurrency/exercises/AtomicCounter.java",
                "make increment() atomic (an AtomicLong with a compareAndSet loop)");
    }

    public long get() {
        throw new NotDoneYet("conc-2", "ch08-concurrency/src/exercise/java/dev/dbinternals/ch08/concurrency/exercises/AtomicCounter.java", "return the current count");
    }
}
