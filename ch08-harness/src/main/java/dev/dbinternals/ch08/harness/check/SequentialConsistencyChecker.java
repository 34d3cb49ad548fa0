package dev.dbinternals.ch08.harness.check;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

import dev.dbinternals.ch08.harness.history.History;
import dev.dbinternals.ch08.harness.history.Operation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides whether a small history is sequentially consistent: whether some single order of all
 * its operations keeps each process's own order and obeys the sequential specification. Unlike
 * linearizability, real time between processes does not count, so a read may return a value
 * that is stale in real time as long as every process sees one order.
 *
 * <p>Book: Chapter 8, "State Consistency" (상태 일관성): consistency models differ in how many
 * outcomes they admit; sequential consistency admits more than linearizability. Deciding it is
 * NP-complete too, and unlike linearizability it is not compositional (checking keys apart is
 * not enough), so this checker is for small histories: a depth-first search over the next
 * operation of each process, memoising (positions, state). Stateless and thread-safe.
 */
public final class SequentialConsistencyChecker {

    private final long budget;

    private SequentialConsistencyChecker(long budget) {
        this.budget = budget;
    }

    public static SequentialConsistencyChecker create() {
        return new SequentialConsistencyChecker(2_000_000L);
    }

    public SequentialConsistencyChecker withBudget(long steps) {
        return new SequentialConsistencyChecker(steps);
    }

    public <S> CheckResult check(History history, Model<S> model) {
        return check(history.operations(), model);
    }

    /** Checks all operations as one object; keyed operations use {@link Models#keyed(Model)}. */
    public <S> CheckResult check(List<Operation> operations, Model<S> model) {
        if (operations.stream().anyMatch(o -> o.key() != null)) {
            return run(operations, Models.keyed(model));
        }
        return run(operations, model);
    }

    private <S> CheckResult run(List<Operation> operations, Model<S> model) {
        Map<Long, List<Operation>> byProcess = new LinkedHashMap<>();
        for (Operation op : LinearizabilityChecker.prepare(operations, model)) {
            byProcess.computeIfAbsent(op.process(), p -> new ArrayList<>()).add(op);
        }
        List<List<Operation>> queues = new ArrayList<>(byProcess.values());
        Dfs<S> dfs = new Dfs<>(queues, model, budget);
        Verdict v;
        try {
            v = dfs.search(new int[queues.size()], model.initial()) ? Verdict.OK : Verdict.VIOLATED;
        } catch (BudgetExceeded e) {
            v = Verdict.UNKNOWN;
        }
        List<Operation> witness = new ArrayList<>();
        if (v == Verdict.OK) {
            witness.addAll(dfs.order);
            java.util.Collections.reverse(witness);
        }
        String explanation = switch (v) {
            case OK -> t("sequentially consistent: one order keeps every process's program order",
                    "순차 일관적이다: 모든 프로세스의 프로그램 순서를 지키는 순서가 하나 있다");
            case VIOLATED -> t("NOT sequentially consistent: no single order keeps every process's program order and obeys the "
                    + model.name() + " (" + operations.size() + " operations; the core is the whole history)",
                    "순차 일관적이지 않다: 모든 프로세스의 프로그램 순서를 지키면서 " + model.name() + "의 명세를 따르는 순서는 하나도 없다"
                    + " (연산 " + operations.size() + "개, 코어는 히스토리 전체)");
            case UNKNOWN -> t("gave up after " + budget + " steps", budget + "단계 뒤에 포기했다");
        };
        CheckResult.KeyResult r = new CheckResult.KeyResult(null, v, List.copyOf(witness),
                v == Verdict.VIOLATED ? List.copyOf(operations) : List.of(), List.of(), explanation, dfs.steps);
        return new CheckResult("sequentially consistent", model.name(), v, List.of(r), operations.size(), dfs.steps);
    }

    private static final class BudgetExceeded extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BudgetExceeded() {
            super(null, null, false, false);
        }
    }

    private static final class Dfs<S> {
        private final List<List<Operation>> queues;
        private final Model<S> model;
        private final long budget;
        private final Set<List<Object>> seen = new HashSet<>();
        /** The order found, last operation first (filled while unwinding). */
        private final List<Operation> order = new ArrayList<>();
        long steps;

        Dfs(List<List<Operation>> queues, Model<S> model, long budget) {
            this.queues = queues;
            this.model = model;
            this.budget = budget;
        }

        boolean search(int[] pos, S state) {
            if (++steps > budget) {
                throw new BudgetExceeded();
            }
            boolean finished = true;
            for (int p = 0; p < queues.size(); p++) {
                if (pos[p] < queues.get(p).size()) {
                    finished = false;
                    break;
                }
            }
            if (finished) {
                return true;
            }
            if (!seen.add(List.of(Arrays.toString(pos), state))) {
                return false;
            }
            for (int p = 0; p < queues.size(); p++) {
                List<Operation> q = queues.get(p);
                if (pos[p] >= q.size()) {
                    continue;
                }
                Operation op = q.get(pos[p]);
                S after = model.step(state, op);
                int[] moved = pos.clone();
                moved[p]++;
                if (after != null && search(moved, after)) {
                    order.add(op);
                    return true;
                }
                // an operation with an unknown outcome may also never have happened
                if (op.isPending() && search(moved, state)) {
                    return true;
                }
            }
            return false;
        }
    }
}
