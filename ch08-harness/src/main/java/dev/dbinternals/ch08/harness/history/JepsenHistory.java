package dev.dbinternals.ch08.harness.history;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

import dev.dbinternals.ch08.harness.history.Edn.Keyword;
import dev.dbinternals.ch08.harness.history.Edn.Symbol;
import dev.dbinternals.ch08.harness.history.Edn.Tagged;
import dev.dbinternals.ch08.harness.history.HistoryEvent.Type;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes histories in Jepsen's format: one EDN map per operation event, such as
 * {@code {:process 0, :type :invoke, :f :write, :value 3}}.
 *
 * <p>Accepted: a file of maps (one per line or not), or one vector/list of maps; maps tagged as
 * records ({@code #jepsen.history.Op{...}}, {@code #knossos.op.Op{...}}); extra keys such as
 * {@code :time}, {@code :index}, {@code :error}; commas and {@code ;} comments. Independent keys
 * come from a {@code :key} entry, from {@code #jepsen.independent.Tuple{:key k, :value v}}, or,
 * with {@code independent = true}, from values written as {@code [k v]} tuples. Any mistake is
 * reported as an {@link EdnParseException} with its line and column. Stateless, thread-safe.
 *
 * <p>Book: Chapter 8, "State Consistency" (상태 일관성): histories recorded by real systems under test.
 */
public final class JepsenHistory {

    private static final Keyword TYPE = Keyword.of("type");
    private static final Keyword PROCESS = Keyword.of("process");
    private static final Keyword F = Keyword.of("f");
    private static final Keyword VALUE = Keyword.of("value");
    private static final Keyword INDEX = Keyword.of("index");
    private static final Keyword KEY = Keyword.of("key");

    private JepsenHistory() {
    }

    /** Reads a history file. */
    public static History read(Path file, boolean independent) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), independent);
    }

    /** Parses history text; {@code independent} reads every client value as a {@code [key value]} tuple. */
    public static History parse(String text, boolean independent) {
        List<HistoryEvent> events = new ArrayList<>();
        long next = 0;
        for (Edn.Form form : Edn.readSequence(text)) {
            HistoryEvent e = event(form, next, independent);
            events.add(e);
            next = e.index() + 1;
        }
        return History.of(events);
    }

    private static HistoryEvent event(Edn.Form form, long defaultIndex, boolean independent) {
        Object v = form.value();
        if (v instanceof Tagged t && t.value() instanceof Map) {
            v = t.value();
        }
        if (!(v instanceof Map<?, ?> raw)) {
            throw new EdnParseException(t("expected an operation map like {:process 0, :type :invoke, :f :read, :value nil}, found ",
                    "{:process 0, :type :invoke, :f :read, :value nil} 같은 연산 맵이 와야 하는데 이것이 왔습니다: ")
                    + abbreviate(Edn.write(v)), form.line(), form.column());
        }
        @SuppressWarnings("unchecked")
        Map<Object, Object> m = (Map<Object, Object>) raw;
        Type type = type(m.get(TYPE), m.containsKey(TYPE), form);
        if (!m.containsKey(PROCESS)) {
            throw new EdnParseException(t("the operation has no :process", "연산에 :process 가 없습니다"), form.line(), form.column());
        }
        Object process = m.get(PROCESS);
        if (process instanceof Integer i) {
            process = (long) i;
        }
        if (process == null) {
            throw new EdnParseException(t(":process is nil", ":process 가 nil 입니다"), form.line(), form.column());
        }
        Object fv = m.get(F);
        String f;
        if (fv instanceof Keyword k) {
            f = k.fullName();
        } else if (fv instanceof String s) {
            f = s;
        } else if (fv instanceof Symbol s) {
            f = s.name();
        } else if (fv == null && !(process instanceof Long)) {
            f = "";
        } else {
            throw new EdnParseException(t("expected :f to be a keyword such as :read, found ", ":f 는 :read 같은 키워드여야 하는데 이것이 왔습니다: ")
                    + (fv == null ? t("nothing", "없음") : Edn.write(fv)),
                    form.line(), form.column());
        }
        long index = defaultIndex;
        Object idx = m.get(INDEX);
        if (idx instanceof Long l) {
            index = l;
        } else if (idx != null) {
            throw new EdnParseException(t("expected :index to be an integer, found ", ":index 는 정수여야 하는데 이것이 왔습니다: ") + Edn.write(idx), form.line(), form.column());
        }
        Object value = m.get(VALUE);
        Object key = m.get(KEY);
        if (value instanceof Tagged t && t.tag().endsWith("independent.Tuple") && t.value() instanceof Map<?, ?> tuple) {
            key = tuple.get(KEY);
            value = tuple.get(VALUE);
        } else if (independent && process instanceof Long && (type == Type.FAIL || type == Type.INFO)
                && !(value instanceof List<?> l && l.size() == 2)) {
            // a failed or crashed operation's completion may carry no tuple (a client that lost it on an
            // error); the operation keeps the key of its invocation (History pairs them by process)
            key = null;
        } else if (independent && process instanceof Long) {
            if (!(value instanceof List<?> pair) || pair.size() != 2) {
                throw new EdnParseException(t("with independent keys every client :value must be a [key value] tuple, found ",
                        "독립 키에서는 클라이언트의 :value 가 모두 [key value] 튜플이어야 하는데 이것이 왔습니다: ")
                        + Edn.write(value), form.line(), form.column());
            }
            key = pair.get(0);
            value = pair.get(1);
        }
        return new HistoryEvent(index, process, type, f, value, key, m, form.line());
    }

    private static Type type(Object t, boolean present, Edn.Form form) {
        if (t instanceof Keyword k && k.namespace() == null) {
            switch (k.name()) {
                case "invoke":
                    return Type.INVOKE;
                case "ok":
                    return Type.OK;
                case "fail":
                    return Type.FAIL;
                case "info":
                    return Type.INFO;
                default:
                    break;
            }
        }
        throw new EdnParseException(t("expected :type to be one of :invoke, :ok, :fail, :info, found ",
                ":type 은 :invoke, :ok, :fail, :info 중 하나여야 하는데 이것이 왔습니다: ")
                + (present ? Edn.write(t) : t("nothing", "없음")), form.line(), form.column());
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }

    /** The operation name of a CAS that completed with {@code :fail}, in {@link #withFailedCasAsReads}. */
    public static final String FAILED_CAS = "cas-failed";

    /**
     * The history's operations plus every {@code :cas} that completed with {@code :fail}, as an
     * operation {@link #FAILED_CAS} with the CAS's {@code [expected new]} value and its real span:
     * a CAS that failed did take effect, as a read that saw a value other than {@code expected}
     * (as the etcd model in Porcupine's tests reads a CAS that returned "not ok"). {@link History#operations()} leaves them
     * out instead, as Knossos does: {@code :fail} means the operation did not happen. Which is
     * right depends on the client: a CAS refused because the comparison failed observed the
     * register; one refused before it reached the store (no leader, a rejected connection)
     * observed nothing. Operations are renumbered in invocation order.
     */
    public static List<Operation> withFailedCasAsReads(History history) {
        Map<Object, HistoryEvent> open = new java.util.HashMap<>();
        List<Operation> failed = new ArrayList<>();
        for (HistoryEvent e : history.events()) {
            if (!e.isClient()) {
                continue;
            }
            if (e.type() == Type.INVOKE) {
                open.put(e.process(), e);
                continue;
            }
            HistoryEvent inv = open.remove(e.process());
            if (inv != null && e.type() == Type.FAIL && inv.f().equals("cas")) {
                failed.add(new Operation(-1, (Long) inv.process(), FAILED_CAS, inv.value(), Operation.Status.OK, inv.index(),
                        e.index(), inv.key(), inv.line()));
            }
        }
        if (failed.isEmpty()) {
            return history.operations();
        }
        List<Operation> all = new ArrayList<>(history.operations());
        all.addAll(failed);
        all.sort(java.util.Comparator.comparingLong(Operation::invokeIndex));
        List<Operation> out = new ArrayList<>(all.size());
        for (Operation o : all) {
            out.add(new Operation(out.size(), o.process(), o.f(), o.value(), o.status(), o.invokeIndex(), o.completeIndex(), o.key(), o.line()));
        }
        return List.copyOf(out);
    }

    /** Writes {@code history}'s events, one EDN map per line, with {@code :index} (and {@code :key} when set). */
    public static String write(History history) {
        return write(history.events());
    }

    /** Writes events, one EDN map per line ({@link HistoryEvent#toEdn()}: with {@code :time} when the event has one). */
    public static String write(List<HistoryEvent> events) {
        StringBuilder sb = new StringBuilder();
        for (HistoryEvent e : events) {
            sb.append(e.toEdn()).append('\n');
        }
        return sb.toString();
    }
}
