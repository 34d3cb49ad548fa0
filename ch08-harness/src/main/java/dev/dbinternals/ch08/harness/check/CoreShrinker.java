package dev.dbinternals.ch08.harness.check;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

import dev.dbinternals.ch08.harness.history.Operation;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * For a history the {@link LinearizabilityChecker} found not linearizable, a <em>core</em>: a
 * small part of it that is already impossible, so a reader sees why in a few lines. Three steps,
 * each keeping "this is impossible" true of the original history:
 * <ol>
 *   <li>the shortest non-linearizable prefix (cut at a completion; operations still in flight
 *   there become pending). Linearizability is prefix-closed, so a binary search finds it;</li>
 *   <li>if that is longer than {@link #CUT_ABOVE} operations, a cut at the latest <em>quiet
 *   point</em> that works: a moment when nothing is in flight. Every linearization puts the part
 *   before it first, so the history is linearizable exactly when the later part is, from some
 *   state the earlier part can leave behind. The cut is kept only if the later part is
 *   impossible from every one of those states (exact, not a heuristic);</li>
 *   <li>relaxations that can only make a history <em>easier</em> to linearize (dropping a read,
 *   forgetting a completion), each kept only if the core stays impossible from every start.</li>
 * </ol>
 * Package-private: the checker's helper. Not thread-safe; one per report.
 */
final class CoreShrinker {

    /** Cores longer than this are also cut at a quiet point; shorter ones read well as they are. */
    static final int CUT_ABOVE = 8;
    /** Cores longer than this are not relaxed (each relaxation is a new search). */
    static final int MAX_SHRINK = 400;

    private final long budget;

    CoreShrinker(long budget) {
        this.budget = budget;
    }

    private record Core<S>(List<Operation> ops, List<Integer> relaxed, boolean shrunk, List<S> starts, int skipped) {
    }

    /** The VIOLATED result for one key: the core, and an explanation naming how far {@code search} got. */
    <S> CheckResult.KeyResult report(Object key, List<Operation> ops, Model<S> model, LinearizabilityChecker.Search<S> search) {
        Core<S> core = core(ops, model);
        String furthest = search.blocked == null ? "" : t(" The search got furthest with " + search.deepest + " of the "
                + search.completedOps + " completed operations linearized; then " + withoutKey(search.blocked).describe()
                + " could not take effect (" + model.name() + " state: " + search.blockedState + ").",
                " 탐색은 완료된 연산 " + search.completedOps + "개 중 " + search.deepest + "개를 선형화한 데까지 가장 멀리 갔고, 거기서 "
                + withoutKey(search.blocked).describe() + "이(가) 효력을 가질 수 없었다 (" + model.name() + " 상태: "
                + search.blockedState + ").");
        String start = "";
        if (core.skipped > 0) {
            List<String> states = new ArrayList<>();
            for (S st : core.starts) {
                states.add(model.describe(st));
            }
            start = t(" Here the " + model.name() + " starts in " + (states.size() == 1 ? "state " + states.get(0)
                    : "any of the states " + String.join(", ", states)) + ": that is what the " + core.skipped + " earlier operation"
                    + (core.skipped == 1 ? "" : "s") + " (all complete before " + (core.ops.size() == 1 ? "it begins" : "any of these begins")
                    + ", so every order puts them first) can leave behind; they are not shown.",
                    " 여기서 " + model.name() + "은(는) " + (states.size() == 1 ? "상태 " + states.get(0)
                    : "상태 " + String.join(", ", states) + " 중 하나") + "에서 시작한다: 앞선 연산 " + core.skipped + "개가 남길 수 있는"
                    + " 상태다 (모두 " + (core.ops.size() == 1 ? "이 연산이" : "이 연산들 중 어느 것도") + " 시작하기 전에 완료되므로"
                    + " 어떤 순서든 그것들을 맨 앞에 둔다). 그 연산들은 보여 주지 않는다.");
        }
        String explanation = t("NOT linearizable.", "선형적이지 않다.") + furthest + (core.ops.size() == 1
                ? t(" This operation cannot take effect anywhere between its invocation and its completion under the " + model.name()
                + "'s specification.", " 이 연산은 " + model.name() + "의 명세로는 호출과 완료 사이 어디에서도 효력을 가질 수 없다.")
                : t(" No order of these " + core.ops.size() + " operations respects both real time"
                + " (an operation that completed before another began comes first) and the " + model.name()
                + "'s specification" + (core.shrunk ? "" : " (core not shrunk: the failing prefix has more than "
                + MAX_SHRINK + " operations)") + ".",
                " 이 연산 " + core.ops.size() + "개를 어떤 순서로 놓아도 실시간 순서(다른 연산이 시작하기 전에 완료된 연산이 먼저 온다)와 "
                + model.name() + "의 명세를 함께 지킬 수 없다" + (core.shrunk ? "" : " (코어를 줄이지 않았다: 실패하는 앞부분의 연산이 "
                + MAX_SHRINK + "개보다 많다)") + ".")) + start;
        return new CheckResult.KeyResult(key, Verdict.VIOLATED, List.of(), core.ops, core.relaxed, explanation, search.steps,
                new ArrayList<Object>(core.skipped > 0 ? core.starts : List.of()), core.skipped);
    }

    /** The operation as described inside its key's report, where the key is already named. */
    private static Operation withoutKey(Operation op) {
        return new Operation(op.id(), op.process(), op.f(), op.value(), op.status(), op.invokeIndex(), op.completeIndex(), null, op.line());
    }

    /** Steps 1 to 3 on a prepared, non-linearizable list of operations. */
    private <S> Core<S> core(List<Operation> ops, Model<S> model) {
        // 1. the shortest non-linearizable prefix, by binary search over the completions
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
            if (Boolean.FALSE.equals(linearizable(prefix(ops, cuts.get(mid), model), model, budget))) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        List<Operation> current = cuts.isEmpty() ? ops : prefix(ops, cuts.get(lo), model);
        // 2. a cut at a quiet point
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
        if (current.size() > MAX_SHRINK) {
            return new Core<>(current, List.of(), false, starts, skipped);
        }
        // 3. relaxations, latest operation first; each trial gets a small budget, since relaxing
        // a write to "pending" can make the search exponential
        long trialBudget = Math.min(budget, 200_000);
        List<Integer> relaxed = new ArrayList<>();
        for (int i = current.size() - 1; i >= 0; i--) {
            Operation op = current.get(i);
            List<Operation> trial = new ArrayList<>(current);
            if (model.isReadOnly(op)) {
                trial.remove(i);
            } else if (!op.isPending() && current.stream().filter(Operation::isPending).count() < 8) {
                trial.set(i, op.asPending());
            } else {
                continue;
            }
            if (impossibleFromAll(trial, model, starts, trialBudget)) {
                if (!model.isReadOnly(op)) {
                    relaxed.add(op.id());
                }
                current = trial;
            }
        }
        // relaxed operations are shown with their real span, marked: the core is impossible even without their completion
        List<Operation> shown = new ArrayList<>();
        for (Operation op : current) {
            shown.add(relaxed.contains(op.id()) ? ops.stream().filter(o -> o.id() == op.id()).findFirst().orElseThrow() : op);
        }
        shown.sort(Comparator.comparingLong(Operation::invokeIndex));
        return new Core<>(List.copyOf(shown), List.copyOf(relaxed), true, starts, skipped);
    }

    /**
     * Step 2: cuts at the latest quiet point that keeps the history impossible, or returns null.
     * At a quiet point t every operation either completed by t or began after it (one with an
     * unknown outcome spans everything after its invocation).
     */
    private <S> Core<S> cut(List<Operation> ops, Model<S> model) {
        // quiet points: completions t by which every operation invoked by t has completed; a sweep
        // over completions in time order, with the operations by invocation
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
        for (long t : new LinkedHashSet<>(quiet)) {
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
            if (impossibleFromAll(later, model, starts, budget)) {
                return new Core<>(later, List.of(), true, starts, earlier.size());
            }
        }
        return null;
    }

    /**
     * Every state in which a linearization of {@code ops} (all completed) can leave {@code model},
     * starting from {@code start}; {@code null} if more than {@code limit} configurations would be
     * visited. A depth-first search over (linearized set, state), memoised like the checker's, the
     * set kept as "all below {@code firstOpen}, plus these above" so that long, mostly sequential
     * histories cost little.
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
        LinkedHashSet<S> out = new LinkedHashSet<>();
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

    /** True if {@code ops} is not linearizable from any of {@code starts} (false also when a search gave up). */
    private static <S> boolean impossibleFromAll(List<Operation> ops, Model<S> model, List<S> starts, long budget) {
        for (S st : starts) {
            if (!Boolean.FALSE.equals(linearizable(ops, Models.startingAt(model, st), budget))) {
                return false;
            }
        }
        return true;
    }

    /** True / false / null (the search gave up) for a prepared list of operations. */
    private static <S> Boolean linearizable(List<Operation> ops, Model<S> model, long budget) {
        Verdict v = new LinearizabilityChecker.Search<>(ops, model, budget).run();
        return v == Verdict.UNKNOWN ? null : v == Verdict.OK;
    }

    /** The operations invoked by {@code cut}, prepared; those not completed by then become pending. */
    private static <S> List<Operation> prefix(List<Operation> ops, long cut, Model<S> model) {
        List<Operation> out = new ArrayList<>();
        for (Operation op : ops) {
            if (op.invokeIndex() <= cut) {
                out.add(op.completeIndex() <= cut ? op : op.asPending());
            }
        }
        return LinearizabilityChecker.prepare(out, model);
    }
}
