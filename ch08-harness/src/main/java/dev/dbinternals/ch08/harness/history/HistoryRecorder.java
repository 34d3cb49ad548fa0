package dev.dbinternals.ch08.harness.history;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.history.Edn.Keyword;
import dev.dbinternals.ch08.harness.history.HistoryEvent.Type;
import dev.dbinternals.ch08.harness.sim.Simulation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where simulated clients write down what they invoked and what they learned, as Jepsen's
 * clients do: one {@link HistoryEvent} per invocation ({@code :invoke}) and per completion
 * ({@code :ok}: it happened, with its result; {@code :fail}: it certainly did not happen;
 * {@code :info}: unknown, for instance a timeout: it may have happened).
 *
 * <p>Bound to a {@link Simulation} ({@link #HistoryRecorder(Simulation)}), every event carries the
 * simulation's true time ({@code :time}, in nanoseconds: {@link Simulation#nowNanos()}, which no node
 * can read) and is also written into the trace as a note such as {@code p0 :invoke :write 3}, at the
 * client's node when the process was registered with {@link #client}, so the diagrams show what the
 * clients saw beside the messages that caused it. {@link #toEdn()} writes the history as Jepsen EDN,
 * which {@link JepsenHistory#parse} reads back; {@link #history()} goes straight into a checker:
 * <pre>{@code
 * HistoryRecorder history = new HistoryRecorder(sim);
 * HistoryRecorder.Client p0 = history.client(0, Address.of("C0"));   // hand it to the client node
 * p0.invoke("write", 3);  ...  p0.ok("write", 3);                     // or p0.info("write", 3) on a timeout
 * CheckResult r = LinearizabilityChecker.create().check(history.history(), Models.register(null));
 * }</pre>
 * Unbound ({@link #HistoryRecorder()}), it keeps only the order of the calls: no {@code :time}, no notes.
 *
 * <p>It sits outside the nodes' world on purpose: it is the test's notebook, not state a node could
 * read, and it survives a client node's crash. The simulation is single-threaded, so the order of the
 * events is the order of the calls, which is also their order in time. Not thread-safe.
 *
 * <p>Book: Chapter 8, "Shared State in a Distributed System" (분산 시스템의 자원 공유) and "State
 * Consistency" (상태 일관성): a consistency model is a statement about such histories.
 */
public final class HistoryRecorder {

    /** The {@code :time} field of the events a bound recorder writes. */
    public static final Keyword TIME = Keyword.of("time");

    private final Simulation sim;
    private final List<HistoryEvent> events = new ArrayList<>();
    private final Map<Long, Address> nodes = new HashMap<>();

    /** A recorder with no clock and no trace: events in the order of the calls, no {@code :time}. */
    public HistoryRecorder() {
        this.sim = null;
    }

    /** A recorder that stamps every event with {@code sim}'s true time and notes it in {@code sim}'s trace. */
    public HistoryRecorder(Simulation sim) {
        this.sim = Objects.requireNonNull(sim, "sim");
    }

    /**
     * Registers {@code process} as the client running at {@code node} (its events are noted at that
     * node in the trace) and returns a handle that records for it.
     */
    public Client client(long process, Address node) {
        nodes.put(process, Objects.requireNonNull(node, "node"));
        return new Client(this, process);
    }

    /** One client process's pen: records for that process, so a client node needs no process number of its own. */
    public record Client(HistoryRecorder recorder, long process) {

        public void invoke(String f, Object value) {
            recorder.add(process, Type.INVOKE, f, value, null);
        }

        public void ok(String f, Object value) {
            recorder.add(process, Type.OK, f, value, null);
        }

        public void fail(String f, Object value) {
            recorder.add(process, Type.FAIL, f, value, null);
        }

        public void info(String f, Object value) {
            recorder.add(process, Type.INFO, f, value, null);
        }
    }

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

    /** Records one event; {@code key} is the independent key, or {@code null}. */
    public void add(long process, Type type, String f, Object value, Object key) {
        Object v = History.normalize(value);
        Object k = History.normalize(key);
        Map<Object, Object> fields = Map.of();
        if (sim != null) {
            fields = Map.of(TIME, sim.nowNanos());
            sim.note(nodes.get(process), "p" + process + " " + type.keyword() + " :" + f
                    + (v == null && type != Type.OK ? "" : " " + Edn.write(v)) + (k == null ? "" : " key " + Edn.write(k)));
        }
        events.add(new HistoryEvent(events.size(), process, type, f, v, k, fields, 0));
    }

    /** The events so far, paired into operations (see {@link History#of}). */
    public History history() {
        return History.of(events);
    }

    /** The events so far, oldest first. */
    public List<HistoryEvent> events() {
        return List.copyOf(events);
    }

    /** The events as Jepsen EDN, one map per line ({@link HistoryEvent#toEdn()}); {@link JepsenHistory#parse} reads it back. */
    public String toEdn() {
        return JepsenHistory.write(events);
    }

    public int size() {
        return events.size();
    }
}
