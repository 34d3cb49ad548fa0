package dev.dbinternals.ch08.harness.history;

import dev.dbinternals.ch08.harness.history.HistoryEvent.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where simulated clients write down what they invoked and what they learned, as Jepsen's
 * clients do; the simulation is single-threaded, so event order is the order of calls.
 *
 * <p>It sits outside the nodes' world on purpose: it is the test's notebook, not state a node
 * could read. Not thread-safe (the simulation runs on one thread).
 *
 * <p>Book: Chapter 8, "Shared State in a Distributed System" (분산 시스템의 자원 공유).
 */
public final class HistoryRecorder {

    private final List<HistoryEvent> events = new ArrayList<>();

    public void invoke(long process, String f, Object value) {
        add(process, Type.INVOKE, f, value, null);
    }

    public void ok(long process, String f, Object value) {
        add(process, Type.OK, f, value, null);
    }

    public void fail(long process, String f, Object value) {
        add(process, Type.FAIL, f, value, null);
    }

    public void info(long process, String f, Object value) {
        add(process, Type.INFO, f, value, null);
    }

    public void add(long process, Type type, String f, Object value, Object key) {
        events.add(new HistoryEvent(events.size(), process, type, f, History.normalize(value), History.normalize(key), Map.of(), 0));
    }

    public History history() {
        return History.of(events);
    }

    public int size() {
        return events.size();
    }
}
