package dev.dbinternals.ch08.harness.history;

import java.util.Map;
import java.util.Objects;

/**
 * One line of a Jepsen history: a process invoked an operation, or learned how it ended.
 *
 * <p>Book: Chapter 8, "State Consistency" (상태 일관성) and "Concurrent Execution" (동시 수행):
 * a consistency model is a statement about histories like this one, so a history is the thing
 * we record and check. Types: {@code :invoke}; {@code :ok} (it happened, {@code value} is its
 * result); {@code :fail} (it certainly did not happen); {@code :info} (unknown: it may take
 * effect at any time after its invocation, or never).
 *
 * @param index   position in the history (Jepsen's {@code :index} when present, else the order of lines)
 * @param process the process: a {@link Long} for clients, or anything else (e.g. {@code :nemesis})
 * @param type    invoke, ok, fail or info
 * @param f       the operation's name without the colon ({@code read}, {@code write}, {@code cas}, …)
 * @param value   the operation's value (maybe {@code null})
 * @param key     the independent key when the history is partitioned ({@code :key} or a tuple), else {@code null}
 * @param fields  every field as read, extra ones ({@code :time}, {@code :error}) included
 * @param line    the line it was read from, or 0 when built in code
 */
public record HistoryEvent(long index, Object process, Type type, String f, Object value, Object key,
                           Map<Object, Object> fields, int line) {

    /** What an event says about its operation. */
    public enum Type {
        INVOKE, OK, FAIL, INFO;

        public String keyword() {
            return ":" + name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public HistoryEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(f, "f");
        fields = fields == null ? Map.of() : fields;
    }

    /** An event built in code (no extra fields, no key). */
    public static HistoryEvent of(long index, long process, Type type, String f, Object value) {
        return new HistoryEvent(index, process, type, f, value, null, Map.of(), 0);
    }

    /** True for client processes (integers); the nemesis and other non-client processes are not checked. */
    public boolean isClient() {
        return process instanceof Long;
    }

    /** The {@code :time} field (nanoseconds; a recorder bound to a simulation writes its true time), or -1 without one. */
    public long time() {
        return fields.get(HistoryRecorder.TIME) instanceof Long t ? t : -1;
    }

    /**
     * This event as one line of Jepsen EDN, {@code {:type :invoke, :f :write, :value 3, :process 0, :time 1000, :index 0}}
     * ({@code :key} when set, {@code :time} when known); other fields read from a file are not written.
     */
    public String toEdn() {
        StringBuilder sb = new StringBuilder("{:type ").append(type.keyword()).append(", :f ")
                .append(f.isEmpty() ? "nil" : Edn.Keyword.of(f)).append(", :value ");
        Edn.write(value, sb);
        if (key != null) {
            sb.append(", :key ");
            Edn.write(key, sb);
        }
        sb.append(", :process ");
        Edn.write(process, sb);
        if (time() >= 0) {
            sb.append(", :time ").append(time());
        }
        return sb.append(", :index ").append(index).append('}').toString();
    }

    @Override
    public String toString() {
        return "{:process " + Edn.write(process) + ", :type " + type.keyword() + ", :f :" + f + ", :value " + Edn.write(value)
                + (key != null ? ", :key " + Edn.write(key) : "") + "}";
    }
}
