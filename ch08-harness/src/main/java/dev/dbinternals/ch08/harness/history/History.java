package dev.dbinternals.ch08.harness.history;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

import dev.dbinternals.ch08.harness.history.HistoryEvent.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A concurrent history: the events in the order they happened, and the operations they pair into.
 *
 * <p>Book: Chapter 8, "State Consistency" (상태 일관성). Pairing follows Jepsen: each client
 * process has at most one operation in flight; the next {@code :ok}, {@code :fail} or {@code :info}
 * of that process completes it. {@code :fail} removes the operation (it did not happen);
 * {@code :info} or no completion at all leaves it pending (it may have happened). Events of
 * non-client processes (the nemesis) are kept but not paired. An {@code :ok} operation's value
 * is its completion's, or its invocation's when the completion carries none. Immutable.
 */
public final class History {

    private final List<HistoryEvent> events;
    private final List<Operation> operations;
    private final List<String> warnings;

    private History(List<HistoryEvent> events, List<Operation> operations, List<String> warnings) {
        this.events = List.copyOf(events);
        this.operations = List.copyOf(operations);
        this.warnings = List.copyOf(warnings);
    }

    /**
     * Pairs {@code events} into operations.
     *
     * @throws EdnParseException if a process completes an operation it never invoked, or invokes
     *                           a second one while the first is still in flight
     */
    public static History of(List<HistoryEvent> events) {
        Map<Long, HistoryEvent> open = new LinkedHashMap<>();
        Map<HistoryEvent, HistoryEvent> completion = new LinkedHashMap<>();
        List<HistoryEvent> invokes = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        long last = Long.MIN_VALUE;
        for (HistoryEvent e : events) {
            if (e.index() <= last) {
                throw new EdnParseException(t("event index " + e.index() + " is not after the previous one (" + last + ")",
                        "이벤트 인덱스(" + e.index() + ")가 앞의 인덱스(" + last + ")보다 크지 않습니다"), e.line(), 1);
            }
            last = e.index();
            if (!e.isClient()) {
                continue;
            }
            long p = (Long) e.process();
            if (e.type() == Type.INVOKE) {
                HistoryEvent prev = open.put(p, e);
                if (prev != null) {
                    throw new EdnParseException(t("process " + p + " invokes :" + e.f() + " while its :" + prev.f()
                            + (prev.line() > 0 ? " from line " + prev.line() : "") + " has not completed",
                            "프로세스 " + p + "이(가) " + (prev.line() > 0 ? prev.line() + "번째 줄의 " : "") + ":" + prev.f()
                            + " 를 끝내지 않은 채 :" + e.f() + " 를 호출합니다"), e.line(), 1);
                }
                invokes.add(e);
            } else {
                HistoryEvent inv = open.remove(p);
                if (inv == null) {
                    if (e.type() == Type.INFO) {
                        warnings.add((e.line() > 0 ? t("line " + e.line() + ": ", e.line() + "번째 줄: ") : "") + t(":info from process " + p
                                + " with no operation in flight, ignored", "진행 중인 연산이 없는 프로세스 " + p + " 의 :info, 무시했습니다"));
                        continue;
                    }
                    throw new EdnParseException(t(e.type().keyword() + " from process " + p + " completes no :invoke",
                            "프로세스 " + p + " 의 " + e.type().keyword() + " 가 완료하는 :invoke 가 없습니다"), e.line(), 1);
                }
                if (!inv.f().equals(e.f())) {
                    throw new EdnParseException(t(e.type().keyword() + " :" + e.f() + " from process " + p + " completes a different operation, :"
                            + inv.f() + (inv.line() > 0 ? " invoked at line " + inv.line() : ""),
                            "프로세스 " + p + " 의 " + e.type().keyword() + " :" + e.f() + " 가 다른 연산 :" + inv.f()
                            + (inv.line() > 0 ? " (" + inv.line() + "번째 줄에서 호출)" : "") + " 를 완료합니다"), e.line(), 1);
                }
                completion.put(inv, e);
            }
        }
        List<Operation> ops = new ArrayList<>();
        for (HistoryEvent inv : invokes) {
            HistoryEvent done = completion.get(inv);
            Object key = inv.key();
            if (done == null || done.type() == Type.INFO) {
                ops.add(new Operation(ops.size(), (Long) inv.process(), inv.f(), inv.value(), Operation.Status.PENDING, inv.index(),
                        Long.MAX_VALUE, key, inv.line()));
            } else if (done.type() == Type.OK) {
                if (!Objects.equals(key, done.key()) && done.key() != null) {
                    throw new EdnParseException(t("the completion's key " + Edn.write(done.key()) + " differs from the invocation's "
                            + Edn.write(key), "완료의 키 " + Edn.write(done.key()) + " 가 호출의 키 " + Edn.write(key) + " 와 다릅니다"), done.line(), 1);
                }
                // the completion's value is the result (a read's value); a completion that carries none
                // (:value nil or absent, as some clients write for a :write or :cas) keeps the invocation's,
                // as Knossos does: otherwise "write 3" would become "write nil"
                Object value = done.value() != null ? done.value() : inv.value();
                ops.add(new Operation(ops.size(), (Long) inv.process(), inv.f(), value, Operation.Status.OK, inv.index(),
                        done.index(), key, inv.line()));
            }
            // :fail: it did not happen, so it is not an operation
        }
        return new History(events, ops, warnings);
    }

    /** Every event, nemesis included, in order. */
    public List<HistoryEvent> events() {
        return events;
    }

    /** Client operations in invocation order, {@code :fail}ed ones left out. */
    public List<Operation> operations() {
        return operations;
    }

    /** Things that were tolerated but look odd (an {@code :info} with nothing in flight). */
    public List<String> warnings() {
        return warnings;
    }

    /** The operations grouped by independent key, keys in order of first appearance ({@code null} = no key). */
    public Map<Object, List<Operation>> byKey() {
        Map<Object, List<Operation>> out = new LinkedHashMap<>();
        for (Operation op : operations) {
            out.computeIfAbsent(op.key(), k -> new ArrayList<>()).add(op);
        }
        out.replaceAll((k, v) -> Collections.unmodifiableList(v));
        return Collections.unmodifiableMap(out);
    }

    /** Builds histories in code, with consecutive indices; for recorders and tests. Not thread-safe. */
    public static final class Builder {
        private final List<HistoryEvent> events = new ArrayList<>();

        public Builder invoke(long process, String f, Object value) {
            return add(process, Type.INVOKE, f, value, null);
        }

        public Builder ok(long process, String f, Object value) {
            return add(process, Type.OK, f, value, null);
        }

        public Builder fail(long process, String f, Object value) {
            return add(process, Type.FAIL, f, value, null);
        }

        public Builder info(long process, String f, Object value) {
            return add(process, Type.INFO, f, value, null);
        }

        public Builder add(long process, Type type, String f, Object value, Object key) {
            events.add(new HistoryEvent(events.size(), process, type, f, normalize(value), normalize(key), Map.of(), 0));
            return this;
        }

        public History build() {
            return History.of(events);
        }

        public List<HistoryEvent> events() {
            return List.copyOf(events);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Integers become {@link Long}, as the EDN reader gives them, so values compare equal. */
    public static Object normalize(Object v) {
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object o : l) {
                out.add(normalize(o));
            }
            return Collections.unmodifiableList(out);
        }
        return v;
    }
}
