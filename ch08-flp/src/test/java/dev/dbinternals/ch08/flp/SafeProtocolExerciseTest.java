package dev.dbinternals.ch08.flp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("exercise")
@DisplayName("flp-1: make consensus safe, and pay FLP's price")
class SafeProtocolExerciseTest {

    @Test
    void shouldKeepAgreementInEveryRunWithAtMostOneCrash() {
        var report = FlpAnalysis.of(new SafeProtocol()).analyse();
        assertThat(report.agreement()).as("no two processes may decide differently, in any delivery order, with any crash").isTrue();
    }

    @Test
    void shouldKeepValidityInEveryRun() {
        var report = FlpAnalysis.of(new SafeProtocol()).analyse();
        assertThat(report.validity()).as("a decided value must be the input of some process").isTrue();
    }

    @Test
    void shouldDecideInEveryRunWithoutACrash() {
        var analysis = new FlpAnalysis(new ConsensusModel(new SafeProtocol(), 3, 0));
        for (String inputs : analysis.model().allInputs()) {
            assertThat(analysis.analyse(inputs).nonTerminatingRun())
                    .as("with no crash, every process must decide (inputs %s)", inputs).isEmpty();
        }
    }

    @Test
    void shouldLeaveACorrectProcessWaitingForeverInSomeRunWithOneCrash() {
        // FLP: a safe protocol cannot also terminate when one process may crash
        var report = FlpAnalysis.of(new SafeProtocol()).analyse();
        assertThat(report.termination())
                .as("FLP: with agreement and validity kept, some one-crash run must leave a correct process undecided").isFalse();
    }
}
