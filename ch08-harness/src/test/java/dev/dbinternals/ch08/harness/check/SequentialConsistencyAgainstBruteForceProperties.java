package dev.dbinternals.ch08.harness.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbinternals.ch08.harness.history.History;
import dev.dbinternals.ch08.harness.history.JepsenHistory;
import dev.dbinternals.ch08.harness.history.Operation;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The sequential-consistency checker agrees with brute force, and is never stricter than linearizability")
class SequentialConsistencyAgainstBruteForceProperties {

    @Test
    void shouldAgreeWithBruteForceOnRandomCasRegisterHistories() {
        int sc = 0;
        for (long seed = 1; seed <= 2000; seed++) {
            History h = RandomHistories.register(seed, 3, 6, true);
            boolean expected = bruteForce(h.operations(), Models.casRegister(0L), new boolean[h.operations().size()], Models.casRegister(0L).initial());
            Verdict v = SequentialConsistencyChecker.create().check(h, Models.casRegister(0L)).verdict();

            assertThat(v).as("seed %d, brute force says %s:%n%s", seed, expected, JepsenHistory.write(h))
                    .isEqualTo(expected ? Verdict.OK : Verdict.VIOLATED);
            if (LinearizabilityChecker.create().check(h, Models.casRegister(0L)).verdict() == Verdict.OK) {
                assertThat(v).as("seed %d: linearizable implies sequentially consistent", seed).isEqualTo(Verdict.OK);
            }
            sc += expected ? 1 : 0;
        }
        assertThat(sc).isBetween(1, 1999);
    }

    /** Any order that keeps each process's order; pending operations may be skipped. */
    private static <S> boolean bruteForce(List<Operation> ops, Model<S> model, boolean[] used, S state) {
        boolean done = true;
        for (int i = 0; i < ops.size(); i++) {
            if (!used[i] && !ops.get(i).isPending()) {
                done = false;
            }
        }
        if (done) {
            return true;
        }
        for (int i = 0; i < ops.size(); i++) {
            if (used[i] || !firstUnusedOfItsProcess(ops, used, i)) {
                continue;
            }
            used[i] = true;
            S after = model.step(state, ops.get(i));
            boolean ok = (after != null && bruteForce(ops, model, used, after))
                    || (ops.get(i).isPending() && bruteForce(ops, model, used, state));
            used[i] = false;
            if (ok) {
                return true;
            }
        }
        return false;
    }

    private static boolean firstUnusedOfItsProcess(List<Operation> ops, boolean[] used, int i) {
        for (int j = 0; j < i; j++) {
            if (!used[j] && ops.get(j).process() == ops.get(i).process()) {
                return false;
            }
        }
        return true;
    }
}
