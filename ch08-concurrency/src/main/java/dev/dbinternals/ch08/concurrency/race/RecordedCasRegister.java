package dev.dbinternals.ch08.concurrency.race;

import dev.dbinternals.ch08.harness.history.History;
import dev.dbinternals.ch08.harness.history.HistoryEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Real threads doing random reads, writes and compare-and-sets on one shared register, with every
 * operation recorded Jepsen style ({@code :cas} that did not apply is recorded as {@code :fail}).
 *
 * <p>Book: Chapter 8, "State Consistency" (상태 일관성). With {@code atomicCas} the register is an
 * {@link AtomicLong} and every recorded history is linearizable. Without it, "compare-and-set" is
 * a read followed by a separate write — the lost update again — and two threads can both
 * "succeed" from the same value, which the checker reports. Thread-safe.
 */
public final class RecordedCasRegister {

    private record Stamped(long seq, HistoryEvent.Type type, long process, String f, Object value) {
    }

    private RecordedCasRegister() {
    }

    public static History record(boolean atomicCas, int threads, int opsPerThread, long seed) throws InterruptedException {
        AtomicLong register = new AtomicLong();
        AtomicLong seq = new AtomicLong();
        ConcurrentLinkedQueue<Stamped> log = new ConcurrentLinkedQueue<>();
        CountDownLatch go = new CountDownLatch(1);
        SplittableRandom root = new SplittableRandom(seed);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            long process = t;
            SplittableRandom rnd = root.split();
            Thread w = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                for (int i = 0; i < opsPerThread; i++) {
                    int kind = rnd.nextInt(3);
                    if (kind == 0) {
                        log.add(new Stamped(seq.getAndIncrement(), HistoryEvent.Type.INVOKE, process, "read", null));
                        long v = register.get();
                        log.add(new Stamped(seq.getAndIncrement(), HistoryEvent.Type.OK, process, "read", v));
                    } else if (kind == 1) {
                        long v = rnd.nextInt(5);
                        log.add(new Stamped(seq.getAndIncrement(), HistoryEvent.Type.INVOKE, process, "write", v));
                        register.set(v);
                        log.add(new Stamped(seq.getAndIncrement(), HistoryEvent.Type.OK, process, "write", v));
                    } else {
                        long expected = rnd.nextInt(5);
                        long update = rnd.nextInt(5);
                        List<Long> arg = List.of(expected, update);
                        log.add(new Stamped(seq.getAndIncrement(), HistoryEvent.Type.INVOKE, process, "cas", arg));
                        boolean ok;
                        if (atomicCas) {
                            ok = register.compareAndSet(expected, update);
                        } else {
                            ok = register.get() == expected; // check ...
                            for (int s = 0; s < 100; s++) {
                                Thread.onSpinWait();         // ... (the gap) ...
                            }
                            if (ok) {
                                register.set(update);        // ... then act: not atomic
                            }
                        }
                        log.add(new Stamped(seq.getAndIncrement(), ok ? HistoryEvent.Type.OK : HistoryEvent.Type.FAIL, process, "cas", arg));
                    }
                }
            }, "cas-" + t);
            workers.add(w);
            w.start();
        }
        go.countDown();
        for (Thread w : workers) {
            w.join();
        }
        List<Stamped> sorted = new ArrayList<>(log);
        sorted.sort(Comparator.comparingLong(Stamped::seq));
        List<HistoryEvent> events = new ArrayList<>();
        for (Stamped s : sorted) {
            events.add(new HistoryEvent(s.seq(), s.process(), s.type(), s.f(), s.value(), null, Map.of(), 0));
        }
        return History.of(events);
    }
}
