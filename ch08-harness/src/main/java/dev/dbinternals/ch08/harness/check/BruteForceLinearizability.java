package dev.dbinternals.ch08.harness.check;

import dev.dbinternals.ch08.harness.history.Operation;
import java.util.List;

/**
 * The definition of linearizability, executed literally: try every order of the operations that
 * respects real time (and every choice of which pending operations happened) until one obeys
 * the specification. Exponential, no memoisation, no cleverness: a reference to test
 * {@link LinearizabilityChecker} against on small random histories. Stateless.
 *
 * <p>Book: Chapter 8, "State Consistency" (상태 일관성).
 */
public final class BruteForceLinearizability {

    private BruteForceLinearizability() {
    }

    /** True if {@code ops} (one object, at most ~10 operations) is linearizable under {@code model}. */
    public static <S> boolean isLinearizable(List<Operation> ops, Model<S> model) {
        if (ops.size() > 12) {
            throw new IllegalArgumentException("brute force is for at most 12 operations, got " + ops.size());
        }
        return extend(ops, model, model.initial(), new boolean[ops.size()]);
    }

    private static <S> boolean extend(List<Operation> ops, Model<S> model, S state, boolean[] placed) {
        boolean allCompletedPlaced = true;
        for (int i = 0; i < ops.size(); i++) {
            if (!placed[i] && !ops.get(i).isPending()) {
                allCompletedPlaced = false;
                break;
            }
        }
        if (allCompletedPlaced) {
            return true; // the remaining pending operations never took effect
        }
        for (int i = 0; i < ops.size(); i++) {
            if (placed[i] || !mayGoNext(ops, placed, i)) {
                continue;
            }
            S after = model.step(state, ops.get(i));
            if (after == null) {
                continue;
            }
            placed[i] = true;
            boolean ok = extend(ops, model, after, placed);
            placed[i] = false;
            if (ok) {
                return true;
            }
        }
        return false;
    }

    /** Op i may be next only if every unplaced operation that completed before i began is... none. */
    private static boolean mayGoNext(List<Operation> ops, boolean[] placed, int i) {
        for (int j = 0; j < ops.size(); j++) {
            if (j != i && !placed[j] && ops.get(j).precedes(ops.get(i))) {
                return false;
            }
        }
        return true;
    }
}
