package dev.dbinternals.ch08.harness.check;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

import dev.dbinternals.ch08.harness.history.History;
import dev.dbinternals.ch08.harness.history.Operation;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides whether a concurrent history is linearizable: whether every operation can be given a
 * single instant between its invocation and its completion such that, in that order, the
 * operations obey the object's sequential specification.
 *
 * <p>Book: Chapter 8, "State Consistency" (상태 일관성) and "Concurrent Execution" (동시 수행):
 * a consistency model limits the outcomes a reader may see; linearizability is the strongest
 * single-object model, and this checker is how a test tells whether a system kept it.
 *
 * <p>The search is Wing and Gong's (1993), in the form Lowe (2017) made practical. Every call
 * and every return of the history go into one list, in time order, and the search walks it:
 * <ul>
 *   <li>at a <b>call</b>, it tries to let that operation take effect now: if the model accepts
 *   it in the current state, the operation is linearized, its call and return leave the list,
 *   the choice goes on a stack, and the walk starts again from the front;</li>
 *   <li>at a <b>return</b> of an operation not linearized yet, that operation should have taken
 *   effect earlier: the last choice was wrong, so it is undone (the call and return go back in
 *   the list) and the walk goes on from the entry after that call.</li>
 * </ul>
 * Linearizable when every completed operation is linearized; not, when a return is met with no
 * choice left to undo. Lowe's cache makes this fast: two paths that linearized the same set of
 * operations and left the model in the same state have the same future, so the second is not
 * walked. The search is then bounded by the number of such (set, state) pairs, which grows with
 * how many operations overlap, not with how many orders there are.
 *
 * <p>An operation with an unknown outcome ({@code :info}, or never completed) may take effect at
 * any time after its invocation, or never: its return sits at the end of the list, and the
 * search stops as soon as every <em>completed</em> operation is linearized. Pending reads
 * constrain nothing and are dropped first.
 *
 * <p>Beside it: {@link PCompositionality} (independent keys checked apart, with the same
 * verdict) and {@link CoreShrinker} (for a violation, a small part of the history that is
 * already impossible). Stateless and thread-safe; each check is independent.
 */
public final class LinearizabilityChecker {

    private final long budget;
    private final boolean partition;
    private final boolean withCore;

    private LinearizabilityChecker(long budget, boolean partition, boolean withCore) {
        this.budget = budget;
        this.partition = partition;
        this.withCore = withCore;
    }

    /** A checker with a budget of 10 million search steps per key, checking keys apart, finding cores. */
    public static LinearizabilityChecker create() {
        return new LinearizabilityChecker(10_000_000L, true, true);
    }

    /** Gives up with {@link Verdict#UNKNOWN} after this many search steps per key. */
    public LinearizabilityChecker withBudget(long steps) {
        return new LinearizabilityChecker(steps, partition, withCore);
    }

    /** Checks the whole history as one object even when operations carry keys (to measure P-compositionality). */
    public LinearizabilityChecker withoutPartitioning() {
        return new LinearizabilityChecker(budget, false, withCore);
    }

    /** Skips finding a core for a violation (for benchmarks). */
    public LinearizabilityChecker withoutCore() {
        return new LinearizabilityChecker(budget, partition, false);
    }

    long budget() {
        return budget;
    }

    /** Checks {@code history} against {@code model} (per key, unless {@link #withoutPartitioning()}). */
    public <S> CheckResult check(History history, Model<S> model) {
        return check(history.operations(), model);
    }

    /** Checks a list of operations against {@code model}. */
    public <S> CheckResult check(List<Operation> operations, Model<S> model) {
        if (partition) {
            return PCompositionality.checkEachKey(operations, model, (key, ops) -> checkKey(key, ops, model));
        }
        // one object: keyed operations become one map of independent objects
        Model<?> whole = operations.stream().anyMatch(o -> o.key() != null) ? Models.keyed(model) : model;
        CheckResult.KeyResult r = checkKey(null, operations, whole);
        return new CheckResult("linearizable", whole.name(), r.verdict(), List.of(r), operations.size(), r.configurations());
    }

    private <S> CheckResult.KeyResult checkKey(Object key, List<Operation> ops, Model<S> model) {
        List<Operation> prepared = prepare(ops, model);
        Search<S> s = new Search<>(prepared, model, budget);
        return switch (s.run()) {
            case OK -> new CheckResult.KeyResult(key, Verdict.OK, s.witness(), List.of(), List.of(),
                    t("linearizable: a legal order exists", "선형적이다: 합법적인 순서가 존재한다"), s.steps);
            case UNKNOWN -> new CheckResult.KeyResult(key, Verdict.UNKNOWN, List.of(), List.of(), List.of(),
                    t("gave up after " + budget + " search steps; raise the budget or partition the history",
                            "탐색 " + budget + "단계 뒤에 포기했다. 예산을 늘리거나 히스토리를 나누세요"), s.steps);
            case VIOLATED -> withCore ? new CoreShrinker(budget).report(key, prepared, model, s)
                    : new CheckResult.KeyResult(key, Verdict.VIOLATED, List.of(), List.of(), List.of(), t("not linearizable", "선형적이지 않다"), s.steps);
        };
    }

    /** Pending read-only operations constrain nothing: drop them. */
    static <S> List<Operation> prepare(List<Operation> ops, Model<S> model) {
        List<Operation> out = new ArrayList<>(ops.size());
        for (Operation op : ops) {
            if (!(op.isPending() && model.isReadOnly(op))) {
                out.add(op);
            }
        }
        return out;
    }

    /** One search over a prepared list of operations (numbered by their position in it). Not thread-safe. */
    static final class Search<S> {

        /** A call or a return of operation {@code op}, linked into the list of the history's events. */
        private static final class Entry {
            final int op;
            final boolean isCall;
            Entry match; // the call's return, the return's call
            Entry prev;
            Entry next;

            Entry(int op, boolean isCall) {
                this.op = op;
                this.isCall = isCall;
            }
        }

        /** A choice on the stack: this call was linearized when the model was in {@code stateBefore}. */
        private record Choice<S>(Entry call, S stateBefore) {
        }

        /**
         * Lowe's cache key: the set of linearized operations and the state they left behind. The
         * set is kept as "every operation below {@code firstOpen}, plus {@code tail} above it":
         * operations are numbered in invocation order and mostly linearized in that order, so the
         * tail stays about as small as the history's concurrency and keys stay small on long histories.
         */
        private record CacheKey(int firstOpen, BitSet tail, Object state) {
            static CacheKey of(BitSet linearized, Object state) {
                int first = linearized.nextClearBit(0);
                return new CacheKey(first, linearized.get(first, Math.max(first, linearized.length())), state);
            }
        }

        private final List<Operation> ops;
        private final Model<S> model;
        private final long budget;
        private final Entry head = new Entry(-1, false); // before the first event
        private final Deque<Choice<S>> choices = new ArrayDeque<>();
        long steps;
        // how far the search got, for the report: the most completed operations linearized at
        // once, and the operation whose return then stopped it (in the state it could not leave)
        int deepest = -1;
        Operation blocked;
        String blockedState;
        int completedOps;

        Search(List<Operation> ops, Model<S> model, long budget) {
            this.ops = ops;
            this.model = model;
            this.budget = budget;
            List<Entry> events = new ArrayList<>();
            for (int i = 0; i < ops.size(); i++) {
                Entry call = new Entry(i, true);
                Entry ret = new Entry(i, false);
                call.match = ret;
                ret.match = call;
                events.add(call);
                events.add(ret);
            }
            // time order (a pending operation's return is at Long.MAX_VALUE, after everything)
            events.sort(Comparator.comparingLong(this::time).thenComparingInt(e -> 2 * e.op + (e.isCall ? 0 : 1)));
            Entry last = head;
            for (Entry e : events) {
                last.next = e;
                e.prev = last;
                last = e;
            }
            completedOps = (int) ops.stream().filter(op -> !op.isPending()).count();
        }

        private long time(Entry e) {
            return e.isCall ? ops.get(e.op).invokeIndex() : ops.get(e.op).completeIndex();
        }

        Verdict run() {
            BitSet linearized = new BitSet(ops.size());
            Set<CacheKey> cache = new HashSet<>();
            S state = model.initial();
            int done = 0; // completed operations linearized
            Entry entry = head.next;
            // a completed operation's return is always in the list, so the walk meets a return
            // (and never runs off the end) while one is still to linearize
            while (done < completedOps) {
                if (++steps > budget) {
                    return Verdict.UNKNOWN;
                }
                if (entry.isCall) {
                    Operation op = ops.get(entry.op);
                    S after = model.step(state, op);
                    if (after != null) {
                        linearized.set(entry.op);
                        if (cache.add(CacheKey.of(linearized, after))) {
                            choices.push(new Choice<>(entry, state));
                            state = after;
                            done += op.isPending() ? 0 : 1;
                            lift(entry);
                            entry = head.next;
                            continue;
                        }
                        linearized.clear(entry.op); // this (set, state) was walked before: skip it
                    }
                    entry = entry.next;
                } else {
                    // the return of an operation not linearized yet: the last choice was wrong
                    if (done > deepest) {
                        deepest = done;
                        blocked = ops.get(entry.op);
                        blockedState = model.describe(state);
                    }
                    if (choices.isEmpty()) {
                        return Verdict.VIOLATED;
                    }
                    Choice<S> undo = choices.pop();
                    state = undo.stateBefore();
                    linearized.clear(undo.call().op);
                    done -= ops.get(undo.call().op).isPending() ? 0 : 1;
                    unlift(undo.call());
                    entry = undo.call().next;
                }
            }
            return Verdict.OK;
        }

        /** Takes a linearized operation's call and return out of the list. */
        private static void lift(Entry call) {
            remove(call);
            remove(call.match);
        }

        /** Puts them back, in the reverse order (so each finds its neighbours as it left them). */
        private static void unlift(Entry call) {
            restore(call.match);
            restore(call);
        }

        private static void remove(Entry e) {
            e.prev.next = e.next;
            if (e.next != null) {
                e.next.prev = e.prev;
            }
        }

        private static void restore(Entry e) {
            e.prev.next = e;
            if (e.next != null) {
                e.next.prev = e;
            }
        }

        /** The linearization found (operations in the order they took effect), after {@link #run()} returned OK. */
        List<Operation> witness() {
            List<Operation> out = new ArrayList<>();
            for (var it = choices.descendingIterator(); it.hasNext(); ) {
                out.add(ops.get(it.next().call().op));
            }
            return out;
        }
    }
}
