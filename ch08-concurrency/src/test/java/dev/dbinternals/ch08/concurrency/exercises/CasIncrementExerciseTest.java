package dev.dbinternals.ch08.concurrency.exercises;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbinternals.ch08.concurrency.interleaving.Instr;
import dev.dbinternals.ch08.concurrency.interleaving.InterleavingModel;
import dev.dbinternals.ch08.concurrency.interleaving.OutcomeSpec;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("exercise")
@DisplayName("conc-1: fix the lost update with a CAS retry loop (in the model)")
class CasIncrementExerciseTest {

    @Test
    void shouldReachOnlyTheExactCountWithTwoThreadsOfTwoIncrements() {
        assertThat(outcomes(2, 2)).as("every interleaving must end with x = 4").containsExactly(4);
    }

    @Test
    void shouldReachOnlyTheExactCountWithThreeThreadsOfTwoIncrements() {
        assertThat(outcomes(3, 2)).as("every interleaving must end with x = 6").containsExactly(6);
    }

    @Test
    void shouldRetryAFailedCasFromTheLoadOfX() {
        List<Instr> program = CasIncrementProgram.program(2);

        for (int i = 0; i < program.size(); i++) {
            if (program.get(i) instanceof Instr.Cas cas) {
                int target = i - cas.retryBack();
                assertThat(cas.retryBack()).as("the Cas at instruction %d must retry (retryBack > 0): without a retry a failed CAS"
                        + " loses the increment", i).isPositive();
                assertThat(target >= 0 && program.get(target) instanceof Instr.Load load && load.var() == cas.var()
                        && load.reg() == cas.expectedReg())
                        .as("the Cas at instruction %d jumps back %d to instruction %d (%s); it must land on the Load of x into"
                                + " the Cas's expected register r%d, or the retry compares against a stale value forever",
                                i, cas.retryBack(), target, target >= 0 && target < program.size() ? program.get(target) : "outside the program",
                                cas.expectedReg())
                        .isTrue();
            }
        }
    }

    private static List<Integer> outcomes(int threads, int k) {
        try {
            return InterleavingModel.threads(threads, CasIncrementProgram.program(k))
                    .outcomes(threads + "x" + k, OutcomeSpec.exactCounter(threads, k)).reachedOutcomes();
        } catch (IllegalStateException e) {
            throw new AssertionError("some execution never ends (" + e.getMessage() + "): a failed Cas must jump back to the Load"
                    + " of x, so that the retry compares against a fresh value", e);
        }
    }

    @Test
    void shouldUseCompareAndSetRatherThanALockOrFetchAndAdd() {
        var program = CasIncrementProgram.program(1);

        assertThat(program).as("the program must use Cas").anyMatch(i -> i instanceof Instr.Cas);
        assertThat(program).as("no Lock, no FetchAndAdd").noneMatch(i -> i instanceof Instr.Lock || i instanceof Instr.FetchAndAdd);
    }
}
