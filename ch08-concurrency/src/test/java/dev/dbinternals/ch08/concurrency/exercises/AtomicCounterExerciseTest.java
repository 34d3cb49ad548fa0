package dev.dbinternals.ch08.concurrency.exercises;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Exercise conc-2: four real threads share the reader's counter.
 *
 * <p>Wrong solutions this catches (kept in {@code src/wrong/conc-2--*}):
 * <ul>
 *   <li>{@code volatile-field}: {@code count++} on a {@code volatile} field: visible, but still load, add, store;</li>
 *   <li>{@code get-then-set}: {@code set(get() + 1)} on an {@code AtomicLong}: two atomic steps are not one.</li>
 * </ul>
 */
@Tag("exercise")
@DisplayName("conc-2: a counter real threads can share")
class AtomicCounterExerciseTest {

    @Test
    void shouldCountEveryIncrementOfFourThreads() throws InterruptedException {
        // A racy counter does not lose updates on every run (see demo real-threads), so one run proves
        // little: repeat, and stop at the first round that loses anything.
        int rounds = 10;
        int perThread = 1_000_000;
        for (int round = 1; round <= rounds; round++) {
            // given 4 threads, 1,000,000 increments each, each spinning until all 4 run, so that they overlap
            AtomicCounter counter = new AtomicCounter();
            CountDownLatch go = new CountDownLatch(1);
            java.util.concurrent.atomic.AtomicInteger running = new java.util.concurrent.atomic.AtomicInteger();
            List<Thread> threads = new ArrayList<>();
            List<Throwable> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
            for (int t = 0; t < 4; t++) {
                Thread th = new Thread(() -> {
                    try {
                        go.await();
                        running.incrementAndGet();
                        while (running.get() < 4) {
                            Thread.onSpinWait();
                        }
                        for (int i = 0; i < perThread; i++) {
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
            assertThat(errors).as(t("increment() must not throw", "increment()는 예외를 던지면 안 돼요")).isEmpty();
            assertThat(counter.get())
                    .as(t("round %d of %d: 4 x %,d increments; fewer means updates were lost (count++ on a plain or volatile"
                            + " field is figure 8-1's race: load, add, store)", "%2$d라운드 중 %1$d라운드: 4 x %3$,d번 증가. 이보다 적으면 갱신을 잃은 거예요 (일반 필드나 volatile 필드의"
                            + " count++는 그림 8-1의 경쟁이에요: load, add, store)"), round, rounds, perThread)
                    .isEqualTo(4L * perThread);
        }
    }

    @Test
    void shouldStartAtZero() {
        assertThat(new AtomicCounter().get()).isZero();
    }
}
