package dev.dbinternals.ch08.harness.explore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbinternals.ch08.harness.explore.Explorer.Transition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExplorerTest {

    /** Two threads each doing load then store(+1) on a shared counter: the book's figure 8-1 race. */
    record Race(int shared, int pc1, int pc2, int reg1, int reg2) {
        List<Transition<Race>> next() {
            List<Transition<Race>> out = new ArrayList<>();
            if (pc1 == 0) out.add(new Transition<>("T1 load", new Race(shared, 1, pc2, shared, reg2)));
            if (pc1 == 1) out.add(new Transition<>("T1 store", new Race(reg1 + 1, 2, pc2, reg1, reg2)));
            if (pc2 == 0) out.add(new Transition<>("T2 load", new Race(shared, pc1, 1, reg1, shared)));
            if (pc2 == 1) out.add(new Transition<>("T2 store", new Race(reg2 + 1, pc1, 2, reg1, reg2)));
            return out;
        }
    }

    @Test
    void shouldCountEveryInterleavingOfTwoLoadStoreThreads() {
        var result = Explorer.of(new Race(0, 0, 0, 0, 0), Race::next).explore();

        Map<Integer, Explorer.OutcomeCount> outcomes = result.countExecutionsByOutcome(Race::shared);

        // 4 steps, 2 per thread: C(4,2) = 6 interleavings; only the 2 serial ones give 2.
        assertThat(outcomes.get(2).executions()).isEqualTo(2);
        assertThat(outcomes.get(1).executions()).isEqualTo(4);
        assertThat(outcomes.get(1).witness()).containsExactly("T1 load", "T2 load", "T1 store", "T2 store");
        // the lost-update end state is reached with equal registers, the two correct ones with different ones
        assertThat(result.terminalStates()).hasSize(3);
    }

    @Test
    void shouldReportTheShortestPathToAViolation() {
        var result = Explorer.of(new Race(0, 0, 0, 0, 0), Race::next)
                .invariant("no lost update", s -> !(s.pc1() == 2 && s.pc2() == 2 && s.shared() != 2))
                .explore();

        assertThat(result.violations()).hasSize(1);
        assertThat(result.violations().get(0).path()).hasSize(4);
        assertThat(result.isComplete()).isTrue();
    }

    @Test
    void shouldRefuseToCountExecutionsOfACyclicGraph() {
        var result = Explorer.of(0, s -> List.of(new Transition<>("flip", 1 - s))).explore();

        assertThat(result.stateCount()).isEqualTo(2);
        assertThatThrownBy(() -> result.countExecutionsByOutcome(s -> s))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cycle");
    }

    @Test
    void shouldStopAtTheStateLimitWithAClearError() {
        var explorer = Explorer.of(0, s -> List.of(new Transition<>("inc", s + 1))).withMaxStates(100);

        assertThatThrownBy(explorer::explore).hasMessageContaining("more than 100");
    }

    @Test
    void shouldStopAtTheFirstViolationAndSayTheResultIsPartial() {
        // "T1 load" then "T2 load" already dooms the run: the invariant flags that state, two steps in
        var result = Explorer.of(new Race(0, 0, 0, 0, 0), Race::next)
                .invariant("both loaded the same value", s -> !(s.pc1() == 1 && s.pc2() == 1 && s.reg1() == s.reg2()))
                .stopAtFirstViolation()
                .explore();

        assertThat(result.violations()).hasSize(1);
        assertThat(result.violations().get(0).path()).hasSize(2);
        assertThat(result.isComplete()).isFalse();
        // found but never expanded: not terminal (the full search has exactly 3 terminal states, none this early)
        assertThat(result.terminalStates()).allMatch(s -> s.pc1() == 2 && s.pc2() == 2);
        assertThatThrownBy(() -> result.countExecutionsByOutcome(Race::shared))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("stopped at the first violation");

        var full = Explorer.of(new Race(0, 0, 0, 0, 0), Race::next)
                .invariant("both loaded the same value", s -> !(s.pc1() == 1 && s.pc2() == 1 && s.reg1() == s.reg2()))
                .explore();
        assertThat(full.isComplete()).isTrue();
        assertThat(full.stateCount()).isGreaterThan(result.stateCount() - 1);
        assertThat(full.terminalStates()).hasSize(3);
    }
}
