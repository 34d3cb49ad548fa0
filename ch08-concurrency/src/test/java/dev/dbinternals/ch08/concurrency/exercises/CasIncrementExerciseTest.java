package dev.dbinternals.ch08.concurrency.exercises;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbinternals.ch08.concurrency.interleaving.Instr;
import dev.dbinternals.ch08.concurrency.interleaving.InterleavingModel;
import dev.dbinternals.ch08.concurrency.interleaving.OutcomeSpec;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("exercise")
@DisplayName("conc-1: fix the lost update with a CAS retry loop (in the model)")
class CasIncrementExerciseTest {

    @Test
    void shouldReachOnlyTheExactCountWithTwoThreadsOfTwoIncrements() {
        var table = InterleavingModel.threads(2, CasIncrementProgram.program(2)).outcomes("2x2", OutcomeSpec.exactCounter(2, 2));

        assertThat(table.reachedOutcomes()).as("every interleaving must end with x = 4").containsExactly(4);
    }

    @Test
    void shouldReachOnlyTheExactCountWithThreeThreadsOfTwoIncrements() {
        var table = InterleavingModel.threads(3, CasIncrementProgram.program(2)).outcomes("3x2", OutcomeSpec.exactCounter(3, 2));

        assertThat(table.reachedOutcomes()).as("every interleaving must end with x = 6").containsExactly(6);
    }

    @Test
    void shouldUseCompareAndSetRatherThanALockOrFetchAndAdd() {
        var program = CasIncrementProgram.program(1);

        assertThat(program).as("the program must use Cas").anyMatch(i -> i instanceof Instr.Cas);
        assertThat(program).as("no Lock, no FetchAndAdd").noneMatch(i -> i instanceof Instr.Lock || i instanceof Instr.FetchAndAdd);
    }
}
