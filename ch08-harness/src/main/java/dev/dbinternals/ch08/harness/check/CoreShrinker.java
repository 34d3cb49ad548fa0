package dev.dbinternals.ch08.harness.check;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

import dev.dbinternals.ch08.harness.history.Operation;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * For a history the {@link LinearizabilityChecker} found not linearizable, a <em>core</em>: a
 * small part of it that is already impossible, so a reader sees why in a few lines. Four steps,
 * each keeping "this is impossible" true of the original history:
 * <ol>
 *   <li>a sweep over the <em>quiet points</em> (moments when nothing is in flight): every
 *   linearization puts the part before such a point first, so the states it can be in there are
 *   those the previous segment can reach from the previous point's states. The first segment that
 *   no state gets through is where the conflict is; the operations before it are cut off and the
 *   core starts from that segment's start states (exact, and linear in the history's length);</li>
 *   <li>the shortest non-linearizable prefix of that segment (cut at a completion; operations
 *   still in flight there become pending). Linearizability is prefix-closed, so a binary search
 *   finds it;</li>
 *   <li>if that is longer than {@link #CUT_ABOVE} operations, a cut at a moment that is not
 *   quiet: the operations in flight there stay in the core as "outcome unknown", and the core
 *   starts from every state the earlier part can leave behind with or without them (a superset
 *   of the states a linearization can be in there, so still a proof);</li>
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
    /** Start states kept at a cut; more, and the cut is not used (each is a search of the core). */
    static final int MAX_STARTS = 16;
    /** Search configurations allowed for the states one segment can reach. */
    static final long SEGMENT_LIMIT = 200_000;

    private final long budget;

    CoreShrinker(long budget) {
        this.budget = budget;
    }

    /** {@code exact}: the starts are exactly the states the skipped operations can leave (a quiet-point cut), not a superset. */
    private record Core<S>(List<Operation> ops, List<Integer> relaxed, boolean shrunk, List<S> starts, int skipped, boolean exact) {
        Core(List<Operation> ops, List<Integer> relaxed, boolean shrunk, List<S> starts, int skipped) {
            this(ops, relaxed, shrunk, starts, skipped, true);
        }
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
            String in = states.size() == 1 ? "state " + states.get(0) : "any of the states " + String.join(", ", states);
            String inKo = states.size() == 1 ? "상태 " + states.get(0) : "상태 " + String.join(", ", states) + " 중 하나";
            start = core.exact
                    ? t(" Here the " + model.name() + " starts in " + in + ": that is what the " + core.skipped + " earlier operation"
                    + (core.skipped == 1 ? "" : "s") + " (all complete before " + (core.ops.size() == 1 ? "it begins" : "any of these begins")
                    + ", so every order puts them first) can leave behind; they are not shown.",
                    " 여기서 " + model.name() + "은(는) " + inKo + "에서 시작한다: 앞선 연산 " + core.skipped + "개가 남길 수 있는"
                    + " 상태다 (모두 " + (core.ops.size() == 1 ? "이 연산이" : "이 연산들 중 어느 것도") + " 시작하기 전에 완료되므로"
                    + " 어떤 순서든 그것들을 맨 앞에 둔다). 그 연산들은 보여 주지 않는다.")
                    : t(" Here the " + model.name() + " starts in " + in + ": every state the other " + core.skipped + " operation"
                    + (core.skipped == 1 ? "" : "s") + " (not shown) can leave behind by the time " + (core.ops.size() == 1 ? "this one takes"
                    : "these take") + " effect, each of those still in flight then counted both with and without its effect"
                    + " (a superset of what can really happen, so the contradiction stands).",
                    " 여기서 " + model.name() + "은(는) " + inKo + "에서 시작한다: 보여 주지 않은 다른 연산 " + core.skipped + "개가 "
                    + (core.ops.size() == 1 ? "이 연산이" : "이 연산들이") + " 효력을 가질 때까지 남길 수 있는 모든 상태다. 그때 아직"
                    + " 진행 중인 연산은 효력이 있는 경우와 없는 경우를 모두 셌다 (실제로 일어날 수 있는 것의 상위 집합이므로 모순은 그대로다).");
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

    /** Steps 1 to 4 on a prepared, non-linearizable list of operations. */
    private <S> Core<S> core(List<Operation> ops, Model<S> model) {
        // 1. the first segment between quiet points that no reachable state gets through
        Core<S> seg = failingSegment(ops, model);
        List<Operation> current = seg.ops;
        List<S> starts = seg.starts;
        int skipped = seg.skipped;
        // 2. the shortest non-linearizable prefix of that segment; a short history is not cut
        // at all (a few lines read best from the initial state)
        current = shortestFailingPrefix(current, model, starts);
        if (skipped > 0 && skipped + current.size() <= CUT_ABOVE) {
            starts = List.of(model.initial());
            skipped = 0;
            current = shortestFailingPrefix(ops, model, starts);
        }
        // 3. a cut while operations are in flight
        List<Integer> relaxed = new ArrayList<>();
        boolean exact = true;
        if (current.size() > CUT_ABOVE) {
            Core<S> c = cutInFlight(current, model, starts);
            if (c != null) {
                current = c.ops;
                starts = c.starts;
                skipped += c.skipped;
                relaxed.addAll(c.relaxed);
                exact = false;
            }
        }
        if (current.size() > MAX_SHRINK) {
            return new Core<>(current, List.copyOf(relaxed), false, starts, skipped, exact);
        }
        if (!exact && current.size() > 1) {
            // only after an in-flight cut (a long, busy history): a short core reads better with its causes shown
            Core<S> one = alone(current, model, starts);
            if (one != null) {
                return new Core<>(one.ops, List.of(), true, one.starts, skipped + one.skipped, false);
            }
        }
        // 4. relaxations, latest operation first; each trial gets a small budget, since relaxing
        // a write to "pending" can make the search exponential
        long trialBudget = Math.min(budget, 200_000);
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
        Map<Integer, Operation> original = new HashMap<>();
        for (Operation op : current) {
            original.put(op.id(), op);
        }
        for (Operation op : ops) {
            if (original.containsKey(op.id())) {
                original.put(op.id(), op);
            }
        }
        List<Operation> shown = new ArrayList<>();
        List<Integer> marked = new ArrayList<>();
        for (Operation op : current) {
            Operation real = relaxed.contains(op.id()) ? original.get(op.id()) : op;
            shown.add(real);
            if (relaxed.contains(op.id()) && !real.isPending()) {
                marked.add(op.id());
            }
        }
        shown.sort(Comparator.comparingLong(Operation::invokeIndex));
        return new Core<>(List.copyOf(shown), List.copyOf(marked), true, starts, skipped, exact);
    }

    /**
     * Step 3b, for a core already cut off from the history's start: one operation alone, if it
     * is impossible in every state the others can leave behind at any moment during it. An
     * operation takes effect at one instant; there every operation that completed before it
     * began has taken effect, and any other may have or not. So the states reachable that way
     * (the others that completed before it began kept complete, the rest relaxed to "outcome
     * unknown") are a superset of the states it can meet, and if none accepts it the history
     * is impossible. Latest operation first; null if none is impossible alone.
     */
    private <S> Core<S> alone(List<Operation> ops, Model<S> model, List<S> starts) {
        for (int i = ops.size() - 1; i >= 0; i--) {
            Operation op = ops.get(i);
            if (op.isPending()) {
                continue;
            }
            List<Operation> others = new ArrayList<>();
            for (Operation o : ops) {
                if (o.id() != op.id()) {
                    others.add(o.completeIndex() < op.invokeIndex() ? o : o.asPending());
                }
            }
            Set<S> at = reachableFromAll(others, model, starts);
            if (at == null) {
                continue;
            }
            boolean impossible = true;
            for (S st : at) {
                if (model.step(st, op) != null) {
                    impossible = false;
                    break;
                }
            }
            if (impossible) {
                return new Core<>(List.of(op), List.of(), true, List.copyOf(at), others.size(), false);
            }
        }
        return null;
    }

    /**
     * Step 2: the shortest prefix (cut at a completion) impossible from every start, by binary
     * search over the completions: linearizability is prefix-closed, from every start state.
     */
    private <S> List<Operation> shortestFailingPrefix(List<Operation> ops, Model<S> model, List<S> starts) {
        List<Long> cuts = new ArrayList<>();
        for (Operation op : ops) {
            if (!op.isPending()) {
                cuts.add(op.completeIndex());
            }
        }
        if (cuts.isEmpty()) {
            return ops;
        }
        Collections.sort(cuts);
        int lo = 0;
        int hi = cuts.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (impossibleFromAll(prefix(ops, cuts.get(mid), model), model, starts, budget)) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return prefix(ops, cuts.get(lo), model);
    }

    /**
     * Step 1: a sweep over the quiet points (moments when nothing is in flight). Every
     * linearization puts what completed before a quiet point first, so the states a linearization
     * can be in there are exactly those the segment before it can reach from the states of the
     * quiet point before that: one short search per segment, linear in the history's length.
     * Returns the first segment from whose start states nothing gets through (the history is
     * not linearizable, so there is one, or the last segment is impossible from its start). A
     * segment whose search would be too big, or that leaves more than {@link #MAX_STARTS}
     * states, is merged with the next.
     */
    private <S> Core<S> failingSegment(List<Operation> ops, Model<S> model) {
        List<Operation> byInvoke = new ArrayList<>(ops);
        byInvoke.sort(Comparator.comparingLong(Operation::invokeIndex));
        List<Operation> byComplete = new ArrayList<>(ops);
        byComplete.sort(Comparator.comparingLong(Operation::completeIndex));
        List<S> starts = List.of(model.initial());
        int skipped = 0;
        int from = 0; // first operation (by invocation) of the open segment
        int k = 0;
        long lastEnd = Long.MIN_VALUE;
        for (Operation done : byComplete) {
            long t = done.completeIndex();
            if (t == Long.MAX_VALUE) {
                break;
            }
            while (k < byInvoke.size() && byInvoke.get(k).invokeIndex() <= t) {
                lastEnd = Math.max(lastEnd, byInvoke.get(k).completeIndex());
                k++;
            }
            if (lastEnd > t || k == byInvoke.size()) {
                continue; // not quiet, or the last segment (checked below)
            }
            List<Operation> segment = byInvoke.subList(from, k);
            LinkedHashSet<S> next = new LinkedHashSet<>();
            boolean gaveUp = false;
            for (S st : starts) {
                List<S> reached = reachableStates(segment, model, st, SEGMENT_LIMIT);
                if (reached == null) {
                    gaveUp = true;
                    break;
                }
                next.addAll(reached);
            }
            if (gaveUp || next.size() > MAX_STARTS) {
                continue; // merge with the next segment
            }
            if (next.isEmpty()) {
                return new Core<>(List.copyOf(segment), List.of(), true, starts, skipped);
            }
            starts = List.copyOf(next);
            skipped += segment.size();
            from = k;
        }
        return new Core<>(List.copyOf(byInvoke.subList(from, byInvoke.size())), List.of(), true, starts, skipped);
    }

    /**
     * Step 3: a cut at a moment x that is not quiet. The operations that completed before x
     * come first in every order; those in flight at x may have taken effect before x or not.
     * So the core is the operations begun at or after x plus those in flight, the latter
     * relaxed to "outcome unknown", and its start states are every state the earlier ones can
     * leave behind with any of the in-flight ones taking effect among them or not. That set
     * contains every state a linearization can be in at x, so a core impossible from all of
     * them proves the history impossible. Tries the latest invocations first; null if none works.
     */
    private <S> Core<S> cutInFlight(List<Operation> ops, Model<S> model, List<S> starts) {
        List<Long> invocations = new ArrayList<>();
        for (Operation op : ops) {
            invocations.add(op.invokeIndex());
        }
        invocations.sort(Comparator.reverseOrder());
        int tried = 0;
        for (long x : new LinkedHashSet<>(invocations)) {
            if (++tried > 64) {
                break;
            }
            List<Operation> before = new ArrayList<>();
            List<Operation> later = new ArrayList<>();
            List<Integer> relaxed = new ArrayList<>();
            int earlier = 0;
            for (Operation o : ops) {
                if (o.completeIndex() < x) {
                    before.add(o);
                    earlier++;
                } else if (o.invokeIndex() < x) {
                    before.add(o.asPending());
                    later.add(o.asPending());
                    if (!o.isPending()) {
                        relaxed.add(o.id());
                    }
                } else {
                    later.add(o);
                }
            }
            if (earlier == 0) {
                continue;
            }
            later = LinearizabilityChecker.prepare(later, model);
            if (later.size() >= ops.size()) {
                continue;
            }
            Set<S> at = reachableFromAll(before, model, starts);
            if (at == null) {
                continue;
            }
            List<S> from = List.copyOf(at);
            if (impossibleFromAll(later, model, from, budget)) {
                List<Integer> kept = new ArrayList<>();
                for (Operation o : later) {
                    if (relaxed.contains(o.id())) {
                        kept.add(o.id());
                    }
                }
                return new Core<>(later, kept, true, from, earlier);
            }
        }
        return null;
    }

    /**
     * Every state {@code ops} can leave behind from any of {@code starts}; null when the search gave
     * up on one of them or the set is empty or too large to carry (the caller then does not cut there).
     */
    private static <S> Set<S> reachableFromAll(List<Operation> ops, Model<S> model, List<S> starts) {
        Set<S> at = new LinkedHashSet<>();
        for (S st : starts) {
            List<S> reached = reachableStates(ops, model, st, SEGMENT_LIMIT);
            if (reached == null) {
                return null;
            }
            at.addAll(reached);
        }
        return at.isEmpty() || at.size() > MAX_STARTS ? null : at;
    }

    /**
     * Every state in which a linearization of {@code ops} can leave {@code model} (a pending
     * operation takes effect after its invocation, or never),
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
        boolean anyPending = sorted.stream().anyMatch(Operation::isPending);
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
            if (anyPending && onlyPendingLeft(sorted, c.firstOpen(), c::done)) {
                out.add(c.state()); // the rest may never take effect; or some may: go on
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

    private static boolean onlyPendingLeft(List<Operation> sorted, int from, java.util.function.IntPredicate done) {
        for (int j = from; j < sorted.size(); j++) {
            if (!done.test(j) && !sorted.get(j).isPending()) {
                return false;
            }
        }
        return true;
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
