package dev.dbinternals.ch08.concurrency.exercises;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("exercise")
@DisplayName("conc-2: a counter real threads can share")
class AtomicCounterExerciseTest {

    @Test
    void shouldCountEveryIncrementOfFourThreads() throws InterruptedException {
        // given 4 threads, 50,000 increments each, started together
        AtomicCounter counter = new AtomicCounter();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        List<Throwable> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread th = new Thread(() -> {
                try {
                    go.await();
                    for (int i = 0; i < 50_000; i++) {
                        counter.increment();
                    }
                } catch (Throwable e) {
                    errors.add(e);
                }
            });
            threads.add(th);
            th.start();
        }

        // when they all finish
        go.countDown();
        for (Thread th : threads) {
            th.join();
        }

        // then no increment was lost
        assertThat(errors).as("increment() must not throw").isEmpty();
        assertThat(counter.get()).as("4 x 50,000 increments").isEqualTo(200_000L);
    }

    @Test
    void shouldStartAtZero() {
        assertThat(new AtomicCounter().get()).isZero();
    }
}
