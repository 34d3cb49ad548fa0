package dev.dbinternals.ch08.flp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("exercise")
@DisplayName("flp-2: termination, stated correctly")
class TerminationExerciseTest {

    private static final int NONE = Reaction.NONE;

    @Test
    void shouldHoldWhenOnlyACrashedProcessIsUndecided() {
        var o = new ConsensusOutcome(List.of(0, 1, 1), List.of(1, 1, NONE), List.of(false, false, true));
        assertThat(Termination.holds(o)).as("a crashed process need not decide").isTrue();
    }

    @Test
    void shouldFailWhenACorrectProcessIsUndecided() {
        var o = new ConsensusOutcome(List.of(0, 1, 1), List.of(1, NONE, NONE), List.of(false, false, true));
        assertThat(Termination.holds(o)).as("p1 is correct and undecided").isFalse();
    }

    @Test
    void shouldFailWhenNobodyCrashedAndOneProcessIsUndecided() {
        var o = new ConsensusOutcome(List.of(0, 0, 0), List.of(0, 0, NONE), List.of(false, false, false));
        assertThat(Termination.holds(o)).as("p2 is correct and undecided").isFalse();
    }

    @Test
    void shouldAgreeWithTheStuckRunsOfWaitForAll() {
        // every terminal configuration of WaitForAll from 011: your checker against the explorer's verdicts
        var model = new ConsensusModel(new WaitForAll(), 3, 1);
        var result = model.explorer("011").explore();
        long stuck = result.terminalStates().stream().filter(c -> !Termination.holds(c.outcome())).count();
        long decidedEverywhere = result.terminalStates().stream().filter(c -> Termination.holds(c.outcome())).count();
        assertThat(stuck).as("terminal configurations where a correct process waits forever").isPositive();
        assertThat(decidedEverywhere).as("terminal configurations where every correct process decided (e.g. no crash)").isPositive();
        assertThat(result.terminalStates()).allMatch(c -> Termination.holds(c.outcome())
                == c.processes().stream().allMatch(p -> p.crashed() || p.decided()));
    }
}
