package dev.dbinternals.ch08.flp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConsensusPropertiesTest {

    private static final int NONE = Reaction.NONE;

    @Test
    void shouldNotRequireACrashedProcessToDecide() {
        // given p2 crashed undecided, p0 and p1 decided 1
        var outcome = new ConsensusOutcome(List.of(0, 1, 1), List.of(1, 1, NONE), List.of(false, false, true));

        // then termination holds: it asks only CORRECT processes to decide (the notes say "all")
        assertThat(ConsensusProperties.termination(outcome).holds()).isTrue();
    }

    @Test
    void shouldReportEveryCorrectProcessThatNeverDecides() {
        var outcome = new ConsensusOutcome(List.of(0, 1, 1), List.of(NONE, NONE, NONE), List.of(false, false, true));

        var check = ConsensusProperties.termination(outcome);

        assertThat(check.holds()).isFalse();
        assertThat(check.detail()).isEqualTo("correct process(es) p0, p1 never decide");
    }

    @Test
    void shouldCountTheDecisionOfAProcessThatCrashedAfterDeciding() {
        // given p0 decided 0 and crashed, p1 decided 1: uniform agreement is broken
        var outcome = new ConsensusOutcome(List.of(0, 1, 1), List.of(0, 1, NONE), List.of(true, false, false));

        var check = ConsensusProperties.agreement(outcome);

        assertThat(check.holds()).isFalse();
        assertThat(check.detail()).isEqualTo("p0 decided 0 but p1 decided 1");
    }

    @Test
    void shouldRejectADecisionThatNobodyProposed() {
        var outcome = new ConsensusOutcome(List.of(1, 1, 1), List.of(0, 0, 0), List.of(false, false, false));

        assertThat(ConsensusProperties.validity(outcome).holds()).isFalse();
        assertThat(ConsensusProperties.agreement(outcome).holds()).isTrue();
        assertThat(ConsensusProperties.all(outcome)).extracting(ConsensusProperties.Check::property)
                .containsExactly("agreement", "validity", "termination");
    }

    @Test
    void shouldRefuseAnOutcomeWithMissingEntries() {
        assertThatThrownBy(() -> new ConsensusOutcome(List.of(0, 1), List.of(0), List.of(false, false)))
                .hasMessageContaining("one entry per process");
    }
}
