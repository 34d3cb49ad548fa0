package dev.dbinternals.ch08.concurrency.exercises;

import dev.dbinternals.ch08.harness.exercise.NotDoneYet;

/**
 * Exercise conc-2: a counter that real threads can increment without losing updates.
 *
 * <p>Book: Chapter 8, "Concurrent Execution" (동시 수행), figure 8-1. Several threads call
 * {@link #increment} at the same time; once every thread has finished, {@link #get} must return
 * the number of calls, on every run. No locks needed (exercise conc-1 shows the idea in the model).
 */
public final class AtomicCounter {

    public void increment() {
        throw new NotDoneYet("conc-2", "ch08-concurrency/src/exercise/java/dev/dbinternals/ch08/concurrency/exercises/AtomicCounter.java",
                "make increment() lose no update when several threads call it at once",
                "여러 스레드가 동시에 호출해도 갱신을 잃지 않도록 increment()를 구현하세요.");
    }

    public long get() {
        throw new NotDoneYet("conc-2", "ch08-concurrency/src/exercise/java/dev/dbinternals/ch08/concurrency/exercises/AtomicCounter.java", "return the current count",
                "현재 값을 돌려주도록 구현하세요.");
    }
}
