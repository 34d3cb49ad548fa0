package dev.dbinternals.ch08.concurrency.check;

import dev.dbinternals.ch08.concurrency.history.History;
import dev.dbinternals.ch08.concurrency.history.Operation;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
 * <p>The algorithm is Wing and Gong's search (1993) in the form Lowe (2017) made practical:
 * walk the events in time order; at an invocation, try to linearize that operation now (if the
 * model accepts it), remove it and start again from the first remaining event; at a completion
 * of an operation not yet linearized, backtrack. Lowe's memoisation skips any configuration
 * (set of linearized operations, model state) already explored, which turns the exponential
 * search into one bounded by the concurrency of the history. Independent keys are checked
 * separately (P-compositionality, Horn and Kroening 2015): a history of independent objects
 * is linearizable exactly when each object's sub-history is.
 *
 * <p>Operations with an unknown outcome ({@code :info}, or never completed) may take effect at
 * any time after their invocation, or never; pending read-only ones are dropped since they
 * constrain nothing. When a history is not linearizable the checker also finds a small core:
 * the shortest prefix that is already not linearizable; if that is longer than a few operations,
 * cut at the latest quiet point (nothing in flight) after which the rest is impossible from
 * every state the earlier part can leave behind (exact: every order puts the earlier part first);
 * then shrunk by relaxations that can only make a history <em>easier</em> to linearize (dropping
 * a read, forgetting an operation's completion). So the core's impossibility is the original
 * history's; the report names the start states when a cut was made.
 *
 * <p>Stateless and thread-safe; each check is independent.
 */
public final class LinearizabilityChecker {

    private final long budget;
    private final boolean partition;
    private final int maxCoreInput;

    private LinearizabilityChecker(long budget, boolean partition, int maxCoreInput) {
        this.budget = budget;
        this.partition = partition;
        this.maxCoreInput = maxCoreInput;
    }

    /** A checker with a budget of 10 million search steps per key, partitioning by key, shrinking cores of up to 400 operations. */
    public static LinearizabilityChecker create() {
        return new LinearizabilityChecker(10_000_000L, true, 400);
    }

    /** Gives up with {@link Verdict#UNKNOWN} after this many search steps per key. */
    public LinearizabilityChecker withBudget(long steps) {
        return new LinearizabilityChecker(steps, partition, maxCoreInput);
    }

    /** Checks the whole history as one object even when operations carry keys (to measure P-compositionality). */
    public LinearizabilityChecker withoutPartitioning() {
        return new LinearizabilityChecker(budget, false, maxCoreInput);
    }

    /** Skips shrinking the counterexample (for benchmarks). */
    public LinearizabilityChecker withoutCore() {
        return new LinearizabilityChecker(budget, partition, 0);
    }

    /** Checks {@code history} against {@code model} (per key, unless {@link #withoutPartitioning()}). */
    public <S> CheckResult check(History history, Model<S> model) {
        return check(history.operations(), model);
    }

    /** Checks a list of operations against {@code model}. */
    public <S> CheckResult check(List<Operation> operations, Model<S> model) {
        if (!partition) {
            return checkAll(operations, model);
        }
        Map<Object, List<Operation>> byKey = new java.util.LinkedHashMap<>();
        for (Operation op : operations) {
            byKey.computeIfAbsent(op.key(), k -> new ArrayList<>()).add(op);
        }
        List<CheckResult.KeyResult> keys = new ArrayList<>();
        long configs = 0;
        for (Map.Entry<Object, List<Operation>> e : byKey.entrySet()) {
            CheckResult.KeyResult r = checkKey(e.getKey(), e.getValue(), model);
            keys.add(r);
            configs += r.configurations();
        }
        return new CheckResult("linearizable", model.name(), combine(keys), keys, operations.size(), configs);
    }

    private <S> CheckResult checkAll(List<Operation> operations, Model<S> model) {
        Model<?> m = operations.stream().anyMatch(o -> o.key() != null) ? Models.keyed(model) : model;
        CheckResult.KeyResult r = checkKey(null, operations, m);
        return new CheckResult("linearizable", m.name(), r.verdict(), List.of(r), operations.size(), r.configurations());
    }

    static Verdict combine(List<CheckResult.KeyResult> keys) {
        if (keys.stream().anyMatch(k -> k.verdict() == Verdict.VIOLATED)) {
            return Verdict.VIOLATED;
        }
        return keys.stream().anyMatch(k -> k.verdict() == Verdict.UNKNOWN) ? Verdict.UNKNOWN : Verdict.OK;
    }

    private <S> CheckResult.KeyResult checkKey(Object key, List<Operation> ops, Model<S> model) {
        Search<S> s = new Search<>(prepare(ops, model), model, budget);
        Verdict v = s.run();
        if (v == Verdict.OK) {
            return new CheckResult.KeyResult(key, v, s.witness(), List.of(), List.of(),
                    "linearizable: a legal order exists", s.steps);
        }
        if (v == Verdict.UNKNOWN) {
            return new CheckResult.KeyResult(key, v, List.of(), List.of(), List.of(),
                    "gave up after " + budget + " search steps; raise the budget or partition the history", s.steps);
        }
        List<Operation> prepared = prepare(ops, model);
        if (maxCoreInput == 0) {
            return new CheckResult.KeyResult(key, v, List.of(), List.of(), List.of(), "not linearizable", s.steps);
        }
        Core<S> core = core(prepared, model);
        String furthest = s.blocked == null ? "" : " The search got furthest with " + s.deepest + " of the " + s.completedOps
                + " completed operations linearized; then " + withoutKey(s.blocked).describe() + " could not take effect (" + model.name()
                + " state: " + s.blockedState + ").";
        String start = "";
        if (core.skipped > 0) {
            List<String> states = new ArrayList<>();
            for (S st : core.starts) {
                states.add(model.describe(st));
            }
            start = " Here the " + model.name() + " starts in " + (states.size() == 1 ? "state " + states.get(0)
                    : "any of the states " + String.join(", ", states)) + ": that is what the " + core.skipped + " earlier operation"
                    + (core.skipped == 1 ? "" : "s") + " (all complete before " + (core.ops.size() == 1 ? "it begins" : "any of these begins")
                    + ", so every order puts them first) can leave behind; they are not shown.";
        }
        String explanation = "NOT linearizable." + furthest + (core.ops.size() == 1
                ? " This operation cannot take effect anywhere between its invocation and its completion under the " + model.name()
                + "'s specification."
                : " No order of these " + core.ops.size() + " operations respects both real time"
                + " (an operation that completed before another began comes first) and the " + model.name()
                + "'s specification" + (core.shrunk ? "" : " (core not shrunk: the failing prefix has more than "
                + maxCoreInput + " operations)") + ".") + start;
        return new CheckResult.KeyResult(key, v, List.of(), core.ops, core.relaxed, explanation, s.steps,
                new ArrayList<Object>(core.skipped > 0 ? core.starts : List.of()), core.skipped);
    }

    /** The operation as described inside its key's report, where the key is already named. */
    private static Operation withoutKey(Operation op) {
        return new Operation(op.id(), op.process(), op.f(), op.value(), op.status(), op.invokeIndex(), op.completeIndex(), null, op.line());
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

    /** True / false / null (unknown) for a prepared list of operations. */
    <S> Boolean linearizable(List<Operation> ops, Model<S> model) {
        Verdict v = new Search<>(ops, model, budget).run();
        return v == Verdict.UNKNOWN ? null : v == Verdict.OK;
    }

    private record Core<S>(List<Operation> ops, List<Integer> relaxed, boolean shrunk, List<S> starts, int skipped) {
    }

    /** Cores longer than this are also cut at a quiet point (see {@link #cut}); shorter ones read well as they are. */
    static final int CUT_ABOVE = 8;

    /** True if {@code ops} is not linearizable from any of {@code starts} (false also when the search gave up). */
    private <S> boolean impossibleFromAll(List<Operation> ops, Model<S> model, List<S> starts) {
        for (S st : starts) {
            if (!Boolean.FALSE.equals(linearizable(ops, Models.startingAt(model, st)))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Every state in which a linearization of {@code ops} (all completed) can leave {@code model},
     * starting from {@code start}; {@code null} if more than {@code limit} configurations would be
     * visited. A depth-first search over (linearized set, state), memoised like the checker's, with
     * the linearized set kept as "all below {@code firstOpen}, plus these above" so that long,
     * mostly sequential histories cost little.
     */
    static <S> List<S> reachableStates(List<Operation> ops, Model<S> model, S start, long limit) {
        List<Operation> sorted = new ArrayList<>(ops);
        sorted.sort(Comparator.comparingLong(Operation::invokeIndex));
        int n = sorted.size();
        record Conf<T>(int firstOpen, BitSet tail, T state) {
            boolean done(int i) {
                return i < firstOpen || tail.get(i - firstOpen);
            }

            Conf<T> with(int i, T after) {
                BitSet all = new BitSet();
                all.or(tail);
                all.set(i - firstOpen);
                int shift = all.nextClearBit(0);
                return new Conf<>(firstOpen + shift, all.get(shift, Math.max(shift, all.length())), after);
            }
        }
        Set<Conf<S>> seen = new HashSet<>();
        java.util.LinkedHashSet<S> out = new java.util.LinkedHashSet<>();
        Deque<Conf<S>> stack = new ArrayDeque<>();
        stack.push(new Conf<>(0, new BitSet(), start));
        while (!stack.isEmpty()) {
            Conf<S> c = stack.pop();
            if (!seen.add(c)) {
                continue;
            }
            if (seen.size() > limit) {
                return null;
            }
            if (c.firstOpen() == n) {
                out.add(c.state());
                continue;
            }
            // op i may go next iff no operation still to place completed before i began: i.e. i began
            // before the earliest completion m among the operations still to place
            long m = Long.MAX_VALUE;
            for (int j = c.firstOpen(); j < n && sorted.get(j).invokeIndex() < m; j++) {
                if (!c.done(j)) {
                    m = Math.min(m, sorted.get(j).completeIndex());
                }
            }
            for (int i = c.firstOpen(); i < n && sorted.get(i).invokeIndex() < m; i++) {
                if (c.done(i)) {
                    continue;
                }
                S after = model.step(c.state(), sorted.get(i));
                if (after != null) {
                    stack.push(c.with(i, after));
                }
            }
        }
        return List.copyOf(out);
    }

    /**
     * Cuts a non-linearizable history at the latest quiet point that keeps it impossible. At a
     * quiet point t every operation either completed before t or began after it (an operation
     * with unknown outcome spans everything after its invocation). Then every linearization is
     * one of the earlier part followed by one of the later part, so the whole is linearizable
     * exactly when the later part is, from some state the earlier part can end in. If the later
     * part is impossible from every such state, it is a smaller core with the same meaning.
     * Returns {@code null} when no quiet point works.
     */
    private <S> Core<S> cut(List<Operation> ops, Model<S> model) {
        // quiet points: completions t at which nothing is in flight (every operation invoked by t has
        // completed by t); a sweep over completions in time order, with the operations by invocation
        List<Operation> byInvoke = new ArrayList<>(ops);
        byInvoke.sort(Comparator.comparingLong(Operation::invokeIndex));
        List<Long> completions = new ArrayList<>();
        for (Operation op : ops) {
            if (!op.isPending()) {
                completions.add(op.completeIndex());
            }
        }
        Collections.sort(completions);
        List<Long> quiet = new ArrayList<>();
        long lastEnd = Long.MIN_VALUE;
        int k = 0;
        for (long t : completions) {
            while (k < byInvoke.size() && byInvoke.get(k).invokeIndex() <= t) {
                lastEnd = Math.max(lastEnd, byInvoke.get(k).completeIndex());
                k++;
            }
            if (lastEnd <= t && k < byInvoke.size()) {
                quiet.add(t);
            }
        }
        quiet.sort(Comparator.reverseOrder());
        int tried = 0;
        for (long t : new java.util.LinkedHashSet<>(quiet)) {
            if (++tried > 64) {
                break;
            }
            List<Operation> earlier = new ArrayList<>();
            List<Operation> later = new ArrayList<>();
            for (Operation o : ops) {
                (o.completeIndex() <= t ? earlier : later).add(o);
            }
            List<S> starts = reachableStates(earlier, model, model.initial(), 200_000);
            if (starts == null || starts.isEmpty() || starts.size() > 16) {
                continue;
            }
            if (impossibleFromAll(later, model, starts)) {
                return new Core<>(later, List.of(), true, starts, earlier.size());
            }
        }
        return null;
    }

    /**
     * Shrinks a non-linearizable history: first to its shortest non-linearizable prefix (a prefix
     * cut at a completion, with operations still in flight at the cut treated as pending; the
     * property is prefix-closed, so a binary search finds it), then by relaxations only.
     */
    private <S> Core<S> core(List<Operation> ops, Model<S> model) {
        List<Long> cuts = new ArrayList<>();
        for (Operation op : ops) {
            if (!op.isPending()) {
                cuts.add(op.completeIndex());
            }
        }
        Collections.sort(cuts);
        int lo = 0;
        int hi = cuts.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (Boolean.FALSE.equals(linearizable(prepare(prefix(ops, cuts.get(mid)), model), model))) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        List<Operation> current = cuts.isEmpty() ? ops : prepare(prefix(ops, cuts.get(lo)), model);
        List<S> starts = List.of(model.initial());
        int skipped = 0;
        if (current.size() > CUT_ABOVE) {
            Core<S> c = cut(current, model);
            if (c != null) {
                current = c.ops;
                starts = c.starts;
                skipped = c.skipped;
            }
        }
        if (current.size() > maxCoreInput) {
            return new Core<>(current, List.of(), false, starts, skipped);
        }
        List<Integer> relaxed = new ArrayList<>();
        // each trial gets a small budget: relaxing a write to "pending" can make the search exponential
        LinearizabilityChecker trialChecker = withBudget(Math.min(budget, 200_000));
        for (int i = current.size() - 1; i >= 0; i--) {
            Operation op = current.get(i);
            List<Operation> trial = new ArrayList<>(current);
            if (model.isReadOnly(op)) {
                trial.remove(i);
            } else if (!op.isPending() && pendingCount(current) < 8) {
                trial.set(i, op.asPending());
            } else {
                continue;
            }
            if (trialChecker.impossibleFromAll(trial, model, starts)) {
                if (!model.isReadOnly(op)) {
                    relaxed.add(op.id());
                }
                current = trial;
            }
        }
        // show relaxed operations with their real span, marked; the core is impossible even without their completion
        List<Operation> shown = new ArrayList<>();
        for (Operation op : current) {
            shown.add(relaxed.contains(op.id()) ? original(ops, op.id()) : op);
        }
        shown.sort(Comparator.comparingLong(Operation::invokeIndex));
        return new Core<>(List.copyOf(shown), List.copyOf(relaxed), true, starts, skipped);
    }

    private static int pendingCount(List<Operation> ops) {
        int n = 0;
        for (Operation op : ops) {
            if (op.isPending()) {
                n++;
            }
        }
        return n;
    }

    private static Operation original(List<Operation> ops, int id) {
        for (Operation op : ops) {
            if (op.id() == id) {
                return op;
            }
        }
        throw new IllegalStateException("no operation " + id);
    }

    /** Operations invoked by {@code cut}; those not completed by then become pending. */
    private static List<Operation> prefix(List<Operation> ops, long cut) {
        List<Operation> out = new ArrayList<>();
        for (Operation op : ops) {
            if (op.invokeIndex() <= cut) {
                out.add(op.completeIndex() <= cut ? op : op.asPending());
            }
        }
        return out;
    }

    /** One Wing-Gong-Lowe search over a prepared list of operations. Not thread-safe. */
    static final class Search<S> {
        private final List<Operation> ops;
        private final Model<S> model;
        private final long budget;
        private final int n;
        private final int head;
        private final int[] prev;
        private final int[] next;
        long steps;
        /** The most completed operations linearized at once, and the operation that could not follow them. */
        int deepest = -1;
        Operation blocked;
        String blockedState;
        int completedOps;
        private final Deque<int[]> calls = new ArrayDeque<>();
        private final Deque<S> states = new ArrayDeque<>();

        Search(List<Operation> ops, Model<S> model, long budget) {
            this.ops = ops;
            this.model = model;
            this.budget = budget;
            this.n = ops.size();
            this.head = 2 * n;
            this.prev = new int[2 * n + 1];
            this.next = new int[2 * n + 1];
            // node 2i = invocation of op i, 2i+1 = its completion; sorted by time
            Integer[] order = new Integer[2 * n];
            long[] time = new long[2 * n];
            for (int i = 0; i < n; i++) {
                Operation op = ops.get(i);
                time[2 * i] = op.invokeIndex();
                time[2 * i + 1] = op.completeIndex();
                order[2 * i] = 2 * i;
                order[2 * i + 1] = 2 * i + 1;
            }
            Arrays.sort(order, Comparator.<Integer>comparingLong(k -> time[k]).thenComparingInt(k -> k));
            int last = head;
            for (int k : order) {
                next[last] = k;
                prev[k] = last;
                last = k;
            }
            next[last] = -1;
        }

        /**
         * A memo key: the set of linearized operations, stored as "every operation below
         * {@code firstOpen} plus these above it". Operations are numbered in invocation order and
         * the search linearizes roughly in that order, so the tail stays as small as the
         * history's concurrency, and keys stay small and cheap to hash on long histories.
         */
        private record Config(int firstOpen, BitSet tail, Object state) {
        }

        private static Config key(BitSet linearized, Object state) {
            int first = linearized.nextClearBit(0);
            return new Config(first, linearized.get(first, Math.max(first, linearized.length())), state);
        }

        Verdict run() {
            int mustLinearize = 0;
            for (Operation op : ops) {
                if (!op.isPending()) {
                    mustLinearize++;
                }
            }
            completedOps = mustLinearize;
            BitSet linearized = new BitSet(n);
            Set<Config> cache = new HashSet<>();
            S state = model.initial();
            int done = 0;
            int entry = next[head];
            while (true) {
                if (done == mustLinearize) {
                    return Verdict.OK;
                }
                if (++steps > budget) {
                    return Verdict.UNKNOWN;
                }
                if (entry < 0) {
                    // only reachable when nothing completed is left to explain
                    throw new IllegalStateException("search ran off the end of the history");
                }
                int op = entry >> 1;
                if ((entry & 1) == 0) {
                    S after = model.step(state, ops.get(op));
                    if (after != null) {
                        linearized.set(op);
                        if (cache.add(key(linearized, after))) {
                            calls.push(new int[] {entry});
                            states.push(state);
                            state = after;
                            if (!ops.get(op).isPending()) {
                                done++;
                            }
                            lift(entry);
                            entry = next[head];
                            continue;
                        }
                        linearized.clear(op);
                    }
                    entry = next[entry];
                } else {
                    // the completion of an operation we have not linearized: it must go earlier; backtrack
                    if (done > deepest) {
                        deepest = done;
                        blocked = ops.get(op);
                        blockedState = model.describe(state);
                    }
                    if (calls.isEmpty()) {
                        return Verdict.VIOLATED;
                    }
                    int call = calls.pop()[0];
                    state = states.pop();
                    linearized.clear(call >> 1);
                    if (!ops.get(call >> 1).isPending()) {
                        done--;
                    }
                    unlift(call);
                    entry = next[call];
                }
            }
        }

        private void lift(int call) {
            remove(call);
            remove(call + 1);
        }

        private void unlift(int call) {
            restore(call + 1);
            restore(call);
        }

        private void remove(int k) {
            next[prev[k]] = next[k];
            if (next[k] >= 0) {
                prev[next[k]] = prev[k];
            }
        }

        private void restore(int k) {
            next[prev[k]] = k;
            if (next[k] >= 0) {
                prev[next[k]] = k;
            }
        }

        /** The linearization found (calls in order), after {@link #run()} returned OK. */
        List<Operation> witness() {
            List<Operation> out = new ArrayList<>();
            for (var it = calls.descendingIterator(); it.hasNext(); ) {
                out.add(ops.get(it.next()[0] >> 1));
            }
            return out;
        }
    }
}
