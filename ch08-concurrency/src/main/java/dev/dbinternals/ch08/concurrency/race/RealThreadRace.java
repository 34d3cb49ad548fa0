package dev.dbinternals.ch08.concurrency.race;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * The lost update of figure 8-1 on real Java threads: many independent trials, each a fresh
 * counter incremented by every thread, and a histogram of the final values.
 *
 * <p>Book: Chapter 8, "Concurrent Execution" (동시 수행). The racy variant loads and stores with
 * two separate atomic operations ({@code get} then {@code set}), so each load and store is
 * itself atomic and visible, and updates are lost only because another thread's store lands
 * between them: the interleavings the model counts. (A plain {@code x++} on a field is
 * worse: the JIT may also merge or hoist it.)
 *
 * <p>What the histogram shows is <em>frequency on this machine</em>, which depends on cores,
 * JIT, and when threads happen to be scheduled. The exhaustive model counts interleavings,
 * each once, which says which outcomes are possible but nothing about how likely they are: the
 * same outcome may be 90% of interleavings and 0.01% of real runs. Only the fixed variants
 * have a guaranteed result, which is all a test may assert. Thread-safe: each call uses its own threads.
 */
public final class RealThreadRace {

    /** How each thread increments. */
    public enum Variant {
        /** load, compute, store: two atomic steps with a gap between. */
        RACY,
        /** the same inside {@code synchronized}. */
        LOCKED,
        /** load, compute, compareAndSet, retry on failure. */
        CAS_LOOP,
        /** one atomic {@code incrementAndGet}. */
        ATOMIC
    }

    /** Counter value → number of trials that ended with it, ascending. */
    public record Histogram(Variant variant, int threads, int increments, int trials, int computeSpins, Map<Integer, Long> counts) {

        public long trialsEndingAt(int value) {
            return counts.getOrDefault(value, 0L);
        }

        /** Trials whose counter ended below threads × increments: at least one update was lost. */
        public long trialsLosingUpdates() {
            return trials - trialsEndingAt(threads * increments);
        }

        /** {@link #trialsLosingUpdates()} as a fraction of the trials. */
        public double lostFraction() {
            return (double) trialsLosingUpdates() / trials;
        }

        /** One line per outcome with a bar. */
        public String render() {
            StringBuilder sb = new StringBuilder();
            sb.append(String.format(t("%s, %d threads x %d increments, compute = %d spin-waits, %d trials:%n",
                            "%s, 스레드 %d개 x 증가 %d번, compute = 스핀 대기 %d번, 시행 %d번:%n"), variant, threads, increments,
                    computeSpins, trials));
            long max = counts.values().stream().mapToLong(Long::longValue).max().orElse(1);
            for (Map.Entry<Integer, Long> e : new TreeMap<>(counts).descendingMap().entrySet()) {
                int bar = (int) Math.max(e.getValue() > 0 ? 1 : 0, 40 * e.getValue() / max);
                sb.append(String.format("  x = %-3d %9d  %6.2f%%  %s%n", e.getKey(), e.getValue(), 100.0 * e.getValue() / trials,
                        "#".repeat(bar)));
            }
            return sb.toString();
        }
    }

    private RealThreadRace() {
    }

    /**
     * Runs {@code trials} trials over an array of counters: every thread walks the array and
     * increments each counter {@code increments} times. Before each trial the threads meet at a
     * spinning barrier, so they start every trial at nearly the same instant (as jcstress does);
     * without it one thread runs ahead and the threads almost never touch the same counter at once.
     */
    public static Histogram run(Variant variant, int threads, int increments, int trials) throws InterruptedException {
        return run(variant, threads, increments, trials, 0);
    }

    /**
     * Like {@link #run(Variant, int, int, int)}, with {@code computeSpins} spin-waits between the
     * load and the store: figure 8-1's "compute" step taking time, which widens the window in
     * which another thread's store gets lost. The model's counts do not change; the frequencies do.
     */
    public static Histogram run(Variant variant, int threads, int increments, int trials, int computeSpins) throws InterruptedException {
        if (threads < 1 || increments < 1 || trials < 1) {
            throw new IllegalArgumentException("threads, increments and trials must be positive");
        }
        AtomicIntegerArray cells = new AtomicIntegerArray(trials);
        Object lock = new Object();
        AtomicInteger arrived = new AtomicInteger();
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread w = new Thread(() -> {
                ready.countDown();
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                for (int i = 0; i < trials; i++) {
                    await(arrived, (i + 1) * threads);
                    for (int k = 0; k < increments; k++) {
                        increment(variant, cells, i, lock, computeSpins);
                    }
                }
            }, "racer-" + t);
            workers.add(w);
            w.start();
        }
        ready.await();
        go.countDown();
        for (Thread w : workers) {
            w.join();
        }
        Map<Integer, Long> counts = new TreeMap<>();
        for (int i = 0; i < trials; i++) {
            counts.merge(cells.get(i), 1L, Long::sum);
        }
        return new Histogram(variant, threads, increments, trials, computeSpins, counts);
    }

    private static int compute(int v, int spins) {
        for (int s = 0; s < spins; s++) {
            Thread.onSpinWait();
        }
        return v + 1;
    }

    private static void await(AtomicInteger arrived, int target) {
        arrived.incrementAndGet();
        int spins = 0;
        while (arrived.get() < target) {
            if (++spins < 200) {
                Thread.onSpinWait();
            } else {
                Thread.yield(); // more threads than cores: let the late one run
            }
        }
    }

    static void increment(Variant variant, AtomicIntegerArray cells, int i, Object lock, int computeSpins) {
        switch (variant) {
            case RACY -> {
                int v = cells.get(i);      // load
                v = compute(v, computeSpins);
                cells.set(i, v);           // store: another thread's store in between is lost
            }
            case LOCKED -> {
                synchronized (lock) {
                    cells.set(i, compute(cells.get(i), computeSpins));
                }
            }
            case CAS_LOOP -> {
                int v;
                int next;
                do {
                    v = cells.get(i);
                    next = compute(v, computeSpins);
                } while (!cells.compareAndSet(i, v, next));
            }
            case ATOMIC -> {
                compute(0, computeSpins);
                cells.incrementAndGet(i);
            }
            default -> throw new IllegalArgumentException(String.valueOf(variant));
        }
    }
}
