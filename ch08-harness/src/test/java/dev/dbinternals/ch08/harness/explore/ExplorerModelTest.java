package dev.dbinternals.ch08.harness.explore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbinternals.ch08.harness.explore.Explorer.Transition;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ExplorerModelTest {

    /** Two messages in flight over a fair-loss link: each is delivered or lost, in any order. */
    record Channel(Set<Integer> inFlight, List<Integer> delivered) {
        List<Transition<Channel>> next() {
            List<Transition<Channel>> out = new ArrayList<>();
            for (int m : inFlight) {
                Set<Integer> rest = new TreeSet<>(inFlight);
                rest.remove(m);
                List<Integer> got = new ArrayList<>(delivered);
                got.add(m);
                out.add(new Transition<>("deliver m" + m, new Channel(Set.copyOf(rest), List.copyOf(got))));
                out.add(new Transition<>("lose m" + m, new Channel(Set.copyOf(rest), delivered)));
            }
            return out;
        }
    }

    @Test
    void shouldCountTheStatesOfTwoMessagesOverALossyLink() {
        var result = Explorer.of(new Channel(Set.of(1, 2), List.of()), Channel::next).explore();

        // 1 initial + 4 after one step (m1 or m2, delivered or lost) + 5 endings ([], [1], [2], [1,2], [2,1])
        assertThat(result.stateCount()).isEqualTo(10);
        assertThat(result.transitionCount()).isEqualTo(4 + 4 * 2);
        assertThat(result.terminalStates()).extracting(Channel::delivered)
                .containsExactlyInAnyOrder(List.of(), List.of(1), List.of(2), List.of(1, 2), List.of(2, 1));
        var outcomes = result.countExecutionsByOutcome(Channel::delivered);
        assertThat(outcomes.get(List.of()).executions()).isEqualTo(2);
        assertThat(outcomes.get(List.of(2, 1)).executions()).isEqualTo(1);
        assertThat(outcomes.values().stream().mapToLong(Explorer.OutcomeCount::executions).sum()).isEqualTo(8);
    }

    @Test
    void shouldFindTheShortestReorderingThatBreaksFifo() {
        var result = Explorer.of(new Channel(Set.of(1, 2), List.of()), Channel::next)
                .invariant("FIFO delivery", c -> c.delivered().size() < 2 || c.delivered().get(0) < c.delivered().get(1))
                .explore();

        assertThat(result.violations()).singleElement()
                .satisfies(v -> assertThat(v.path()).containsExactly("deliver m2", "deliver m1"));
    }
}
