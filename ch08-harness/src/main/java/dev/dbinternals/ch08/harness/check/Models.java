package dev.dbinternals.ch08.harness.check;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

import dev.dbinternals.ch08.harness.history.Edn;
import dev.dbinternals.ch08.harness.history.History;
import dev.dbinternals.ch08.harness.history.JepsenHistory;
import dev.dbinternals.ch08.harness.history.Operation;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Sequential specifications of the objects the checker knows: a read/write register, a
 * compare-and-set register, a counter, a mutex, registers changed by transactions
 * (multi-register), and a map of independent objects.
 *
 * <p>About reads of {@code nil}: Knossos, Jepsen's checker, treats a read whose value is
 * {@code nil} as "value unknown" and accepts it in any state. {@link #register(Object)} and
 * {@link #casRegister(Object)} are strict (a read of nil means the register held nil), which is
 * what you want for histories you record yourself (a read that "returns nothing" is a bug);
 * {@link #knossosRegister(Object)} and {@link #knossosCasRegister(Object)} reproduce Knossos
 * for histories from real Jepsen runs.
 *
 * <p>Book: Chapter 8, "State Consistency" (상태 일관성): the sequential specifications consistency is judged against.
 */
public final class Models {

    private Models() {
    }

    /** The value held by a register; a record so that {@code nil} is a state like any other. */
    public record Value(Object value) {
        @Override
        public String toString() {
            return Edn.write(value);
        }
    }

    /** A read/write register ({@code :read}, {@code :write}) starting at {@code initial}, strict about nil reads. */
    public static Model<Value> register(Object initial) {
        return new RegisterModel("register", History.normalize(initial), false, false);
    }

    /** A register as Knossos sees it: a read of {@code nil} matches any value. */
    public static Model<Value> knossosRegister(Object initial) {
        return new RegisterModel("register", History.normalize(initial), false, true);
    }

    /**
     * A compare-and-set register: {@code :read}, {@code :write}, {@code :cas} with value
     * {@code [expected new]}; also {@link JepsenHistory#FAILED_CAS}, a CAS that failed and so saw a
     * value other than {@code expected} (see {@link JepsenHistory#withFailedCasAsReads}).
     */
    public static Model<Value> casRegister(Object initial) {
        return new RegisterModel("cas-register", History.normalize(initial), true, false);
    }

    /** A CAS register as Knossos sees it: a read of {@code nil} matches any value. */
    public static Model<Value> knossosCasRegister(Object initial) {
        return new RegisterModel("cas-register", History.normalize(initial), true, true);
    }

    /** A counter: {@code :add} (also {@code :increment}, {@code :inc}) by its value (1 when nil) and {@code :read}. */
    public static Model<Long> counter(long initial) {
        return new CounterModel(initial);
    }

    /**
     * Several registers changed together by transactions, as Knossos's multi-register: every
     * operation is {@code :txn} with a value such as {@code [[:read :x 1] [:write :y 2]]} (also
     * {@code :r} / {@code :w}), applied in order, all or nothing. {@code initial} maps each key to
     * its first value (keys not in it start at nil). With {@code nilReadMatchesAny}, a read of nil
     * matches any value (Knossos); otherwise nil is an ordinary value.
     */
    public static Model<Map<Object, Object>> multiRegister(Map<?, ?> initial, boolean nilReadMatchesAny) {
        Map<Object, Object> start = new java.util.LinkedHashMap<>();
        initial.forEach((k, v) -> start.put(History.normalize(k), History.normalize(v)));
        return new Model<>() {
            @Override
            public String name() {
                return "multi-register";
            }

            @Override
            public Map<Object, Object> initial() {
                return Collections.unmodifiableMap(start);
            }

            @Override
            public Map<Object, Object> step(Map<Object, Object> state, Operation op) {
                if (!op.f().equals("txn")) {
                    throw unknown("multi-register", op);
                }
                Map<Object, Object> next = null;
                for (Object micro : microOps(op)) {
                    List<?> m = (List<?>) micro;
                    Object key = m.get(1);
                    Object value = m.get(2);
                    Map<Object, Object> current = next == null ? state : next;
                    if (isRead(m.get(0))) {
                        if (op.isPending() || (nilReadMatchesAny && value == null) || Objects.equals(current.get(key), value)) {
                            continue;
                        }
                        return null;
                    }
                    if (next == null) {
                        next = new java.util.LinkedHashMap<>(state);
                    }
                    next.put(key, value);
                }
                return next == null ? state : Collections.unmodifiableMap(next);
            }

            @Override
            public boolean isReadOnly(Operation op) {
                for (Object micro : microOps(op)) {
                    if (!isRead(((List<?>) micro).get(0))) {
                        return false;
                    }
                }
                return true;
            }

            @Override
            public String describe(Map<Object, Object> state) {
                return Edn.write(state);
            }
        };
    }

    private static List<?> microOps(Operation op) {
        if (!(op.value() instanceof List<?> list)) {
            throw new IllegalArgumentException(t("a :txn value must be a vector like [[:read :x nil] [:write :y 2]], got ",
                    ":txn 값은 [[:read :x nil] [:write :y 2]] 같은 벡터여야 합니다. 받은 값: ")
                    + Edn.write(op.value()) + (op.line() > 0 ? t(" (line " + op.line() + ")", " (" + op.line() + "번째 줄)") : ""));
        }
        for (Object micro : list) {
            if (!(micro instanceof List<?> m) || m.size() != 3 || !(isRead(m.get(0)) || isWrite(m.get(0)))) {
                throw new IllegalArgumentException(t("each step of a :txn must be [:read k v] or [:write k v] (or :r / :w), got ",
                        ":txn 의 각 단계는 [:read k v] 나 [:write k v] (또는 :r / :w) 여야 합니다. 받은 값: ")
                        + Edn.write(micro) + (op.line() > 0 ? t(" (line " + op.line() + ")", " (" + op.line() + "번째 줄)") : ""));
            }
        }
        return list;
    }

    private static boolean isRead(Object f) {
        return f instanceof Edn.Keyword k && (k.fullName().equals("read") || k.fullName().equals("r"));
    }

    private static boolean isWrite(Object f) {
        return f instanceof Edn.Keyword k && (k.fullName().equals("write") || k.fullName().equals("w"));
    }

    /** A mutex: {@code :acquire} when free, {@code :release} when held. */
    public static Model<Boolean> mutex() {
        return new Model<>() {
            @Override
            public String name() {
                return "mutex";
            }

            @Override
            public Boolean initial() {
                return false;
            }

            @Override
            public Boolean step(Boolean held, Operation op) {
                return switch (op.f()) {
                    case "acquire" -> held ? null : Boolean.TRUE;
                    case "release" -> held ? Boolean.FALSE : null;
                    default -> throw unknown("mutex", op);
                };
            }

            @Override
            public boolean isReadOnly(Operation op) {
                return false;
            }

            @Override
            public String describe(Boolean held) {
                return held ? "held" : "free";
            }
        };
    }

    /**
     * Many independent objects of the same kind, one per {@link Operation#key()}: the whole
     * history checked as one object. Linearizability is compositional (P-compositionality), so
     * checking each key alone gives the same verdict much faster; this model exists to measure that.
     */
    public static <S> Model<Map<Object, S>> keyed(Model<S> each) {
        return new Model<>() {
            @Override
            public String name() {
                return "keyed " + each.name();
            }

            @Override
            public Map<Object, S> initial() {
                return Map.of();
            }

            @Override
            public Map<Object, S> step(Map<Object, S> state, Operation op) {
                S current = state.containsKey(op.key()) ? state.get(op.key()) : each.initial();
                S next = each.step(current, op);
                if (next == null) {
                    return null;
                }
                if (next.equals(current)) {
                    return state;
                }
                TreeMap<Object, S> copy = new TreeMap<>(Models::compareKeys);
                copy.putAll(state);
                copy.put(op.key(), next);
                return Collections.unmodifiableMap(copy);
            }

            @Override
            public boolean isReadOnly(Operation op) {
                return each.isReadOnly(op);
            }
        };
    }

    /**
     * The same specification, started in {@code state} instead of its initial state: how a core
     * whose earlier operations were cut off is checked (see {@link CoreShrinker}).
     */
    public static <S> Model<S> startingAt(Model<S> model, S state) {
        java.util.Objects.requireNonNull(state, "state");
        return new Model<>() {
            @Override
            public String name() {
                return model.name();
            }

            @Override
            public S initial() {
                return state;
            }

            @Override
            public S step(S s, Operation op) {
                return model.step(s, op);
            }

            @Override
            public boolean isReadOnly(Operation op) {
                return model.isReadOnly(op);
            }

            @Override
            public String describe(S s) {
                return model.describe(s);
            }
        };
    }

    static int compareKeys(Object a, Object b) {
        return Edn.write(a).compareTo(Edn.write(b));
    }

    static IllegalArgumentException unknown(String model, Operation op) {
        return new IllegalArgumentException(t("the " + model + " model has no operation :" + op.f()
                + (op.line() > 0 ? " (line " + op.line() + ")" : "") + "; choose another --model",
                model + " 모델에는 연산 :" + op.f() + " 가 없습니다" + (op.line() > 0 ? " (" + op.line() + "번째 줄)" : "")
                + ". 다른 --model 을 고르세요"));
    }

    private record RegisterModel(String name, Object initialValue, boolean cas, boolean nilReadMatchesAny) implements Model<Value> {

        @Override
        public Value initial() {
            return new Value(initialValue);
        }

        @Override
        public Value step(Value state, Operation op) {
            switch (op.f()) {
                case "read":
                    if (op.isPending() || (nilReadMatchesAny && op.value() == null) || Objects.equals(state.value(), op.value())) {
                        return state;
                    }
                    return null;
                case "write":
                    return new Value(op.value());
                case "cas":
                    if (!cas) {
                        throw unknown(name, op);
                    }
                    if (!(op.value() instanceof List<?> pair) || pair.size() != 2) {
                        throw new IllegalArgumentException(t("a :cas value must be [expected new], got ",
                                ":cas 값은 [expected new] 여야 합니다. 받은 값: ") + Edn.write(op.value())
                                + (op.line() > 0 ? t(" (line " + op.line() + ")", " (" + op.line() + "번째 줄)") : ""));
                    }
                    return Objects.equals(state.value(), pair.get(0)) ? new Value(pair.get(1)) : null;
                case JepsenHistory.FAILED_CAS:
                    // a CAS the store refused: it took effect (as a read) in a state other than the expected value
                    if (!cas) {
                        throw unknown(name, op);
                    }
                    if (!(op.value() instanceof List<?> expected) || expected.size() != 2) {
                        throw new IllegalArgumentException(t("a :cas value must be [expected new], got ",
                                ":cas 값은 [expected new] 여야 합니다. 받은 값: ") + Edn.write(op.value())
                                + (op.line() > 0 ? t(" (line " + op.line() + ")", " (" + op.line() + "번째 줄)") : ""));
                    }
                    return op.isPending() || !Objects.equals(state.value(), expected.get(0)) ? state : null;
                default:
                    throw unknown(name, op);
            }
        }

        @Override
        public boolean isReadOnly(Operation op) {
            return op.f().equals("read") || op.f().equals(JepsenHistory.FAILED_CAS);
        }
    }

    private record CounterModel(long initialValue) implements Model<Long> {
        @Override
        public String name() {
            return "counter";
        }

        @Override
        public Long initial() {
            return initialValue;
        }

        @Override
        public Long step(Long state, Operation op) {
            switch (op.f()) {
                case "add":
                case "increment":
                case "inc":
                    if (op.value() == null) {
                        return state + 1;
                    }
                    if (!(op.value() instanceof Long delta)) {
                        throw new IllegalArgumentException(t("a counter's :" + op.f() + " needs an integer value, got ",
                                "카운터의 :" + op.f() + " 에는 정수 값이 필요합니다. 받은 값: ") + Edn.write(op.value()));
                    }
                    return state + delta;
                case "read":
                    return op.isPending() || Objects.equals(state, op.value()) ? state : null;
                default:
                    throw unknown("counter", op);
            }
        }

        @Override
        public boolean isReadOnly(Operation op) {
            return op.f().equals("read");
        }
    }
}
