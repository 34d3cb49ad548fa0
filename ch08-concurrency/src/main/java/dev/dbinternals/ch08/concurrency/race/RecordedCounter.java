package dev.dbinternals.ch08.concurrency.race;

import dev.dbinternals.ch08.harness.history.History;
import dev.dbinternals.ch08.harness.history.HistoryEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Real threads incrementing one counter while a recorder writes down each increment's
 * invocation and completion, Jepsen style, so the run can be handed to the linearizability
 * checker.
 *
 * <p>Book: Chapter 8, "Concurrent Execution" (동시 수행) and "State Consistency" (상태 일관성).
 * Event order comes from one atomic sequence number taken just before the operation starts and
 * just after it ends: if one operation's completion number is below another's invocation
 * number, it really did finish first, which is all the checker needs. Thread-safe.
 */
public final class RecordedCounter {

    private record Stamped(long seq, HistoryEvent.Type type, long process, String f, Object value) {
    }

    private RecordedCounter() {
    }

    /** Runs {@code threads} × {@code increments} increments, then one read, and returns the recorded history. */
    public static History record(RealThreadRace.Variant variant, int threads, int increments, int computeSpins) throws InterruptedException {
        AtomicLong seq = new AtomicLong();
        ConcurrentLinkedQueue<Stamped> log = new ConcurrentLinkedQueue<>();
        java.util.concurrent.atomic.AtomicIntegerArray cell = new java.util.concurrent.atomic.AtomicIntegerArray(1);
        Object lock = new Object();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            long process = t;
            Thread w = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                for (int k = 0; k < increments; k++) {
                    log.add(new Stamped(seq.getAndIncrement(), HistoryEvent.Type.INVOKE, process, "add", 1L));
                    RealThreadRace.increment(variant, cell, 0, lock, computeSpins);
                    log.add(new Stamped(seq.getAndIncrement(), HistoryEvent.Type.OK, process, "add", 1L));
                }
            }, "recorded-" + t);
            workers.add(w);
            w.start();
        }
        go.countDown();
        for (Thread w : workers) {
            w.join();
        }
        long reader = threads;
        log.add(new Stamped(seq.getAndIncrement(), HistoryEvent.Type.INVOKE, reader, "read", null));
        int value = cell.get(0);
        log.add(new Stamped(seq.getAndIncrement(), HistoryEvent.Type.OK, reader, "read", (long) value));
        List<Stamped> sorted = new ArrayList<>(log);
        sorted.sort(Comparator.comparingLong(Stamped::seq));
        List<HistoryEvent> events = new ArrayList<>();
        for (Stamped s : sorted) {
            events.add(new HistoryEvent(s.seq(), s.process(), s.type(), s.f(), s.value(), null, Map.of(), 0));
        }
        return History.of(events);
    }

    /** How many increments the last read saw (for narration). */
    public static long finalRead(History h) {
        var ops = h.operations();
        return (Long) ops.get(ops.size() - 1).value();
    }

}
