package dev.dbinternals.ch08.harness.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbinternals.ch08.harness.history.History;
import dev.dbinternals.ch08.harness.history.Operation;
import dev.dbinternals.ch08.harness.sim.Seeds;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The Wing-Gong-Lowe checker agrees with brute force on random small histories")
class CheckerAgainstBruteForceProperties {

    static final int SEEDS = 5000;

    @Test
    void shouldAgreeWithBruteForceOnRandomRegisterHistories() {
        int[] verdicts = new int[2];
        int runs = Seeds.check("register checker agrees with brute force", SEEDS,
                seed -> agree(seed, RandomHistories.register(seed, 3, 7, false), Models.register(0L), verdicts));
        System.out.printf("register: %d linearizable, %d not, over %d seeds%n", verdicts[1], verdicts[0], runs);
        if (runs > 100) {
            assertThat(verdicts[0]).as("some histories must be non-linearizable").isPositive();
            assertThat(verdicts[1]).as("some histories must be linearizable").isPositive();
        }
    }

    @Test
    void shouldAgreeWithBruteForceOnRandomCasRegisterHistories() {
        int[] verdicts = new int[2];
        int runs = Seeds.check("cas-register checker agrees with brute force", SEEDS,
                seed -> agree(seed, RandomHistories.register(seed, 3, 7, true), Models.casRegister(0L), verdicts));
        System.out.printf("cas-register: %d linearizable, %d not, over %d seeds%n", verdicts[1], verdicts[0], runs);
        if (runs > 100) {
            assertThat(verdicts[0]).isPositive();
            assertThat(verdicts[1]).isPositive();
        }
    }

    @Test
    void shouldFindCoresThatAreThemselvesNotLinearizable() {
        Seeds.check("cores are non-linearizable", 300, seed -> {
            History h = RandomHistories.register(seed, 3, 9, true);
            CheckResult r = LinearizabilityChecker.create().check(h, Models.casRegister(0L));
            if (r.verdict() == Verdict.VIOLATED) {
                var key = r.keys().get(0);
                List<Operation> core = new ArrayList<>();
                for (Operation op : key.core()) {
                    core.add(key.relaxed().contains(op.id()) ? op.asPending() : op);
                }
                assertThat(BruteForceLinearizability.isLinearizable(core, Models.casRegister(0L)))
                        .as("seed %d: the core %s must be non-linearizable", seed, core)
                        .isFalse();
                assertThat(core.size()).isLessThanOrEqualTo(h.operations().size());
            }
        });
    }

    private static void agree(long seed, History h, Model<?> model, int[] verdicts) {
        boolean expected = bruteForce(h, model);
        CheckResult r = LinearizabilityChecker.create().check(h, model);
        assertThat(r.verdict())
                .as("seed %d: brute force says %s for%n%s", seed, expected ? "linearizable" : "not linearizable",
                        dev.dbinternals.ch08.harness.history.JepsenHistory.write(h))
                .isEqualTo(expected ? Verdict.OK : Verdict.VIOLATED);
        verdicts[expected ? 1 : 0]++;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static boolean bruteForce(History h, Model model) {
        return BruteForceLinearizability.isLinearizable(h.operations(), model);
    }
}
