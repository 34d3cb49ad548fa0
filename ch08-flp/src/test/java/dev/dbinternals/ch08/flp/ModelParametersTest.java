package dev.dbinternals.ch08.flp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbinternals.ch08.flp.ConsensusModel.Granularity;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelParametersTest {

    @Test
    void shouldKeepTheOldModelAsTheDefault() {
        var old = new FlpAnalysis(new ConsensusModel(new DecideOnNMinusOne(), 3, 1)).analyse("011");
        var explicit = FlpAnalysis.of(new DecideOnNMinusOne(), 3, 1, Granularity.EACH_SEND).analyse("011");
        var ofDefault = FlpAnalysis.of(new DecideOnNMinusOne()).analyse("011");
        assertThat(explicit.states()).isEqualTo(old.states()).isEqualTo(ofDefault.states());
        assertThat(explicit.transitions()).isEqualTo(old.transitions());
    }

    @Test
    void shouldReachFewerConfigurationsWithWholeBroadcastsAndWithoutCrashSteps() {
        for (ConsensusProtocol p : List.of(new WaitForAll(), new DecideOnNMinusOne(), new FirstProposalWins())) {
            int eachCrash = FlpAnalysis.of(p, 3, 1, Granularity.EACH_SEND).analyse("011").states();
            int wholeCrash = FlpAnalysis.of(p, 3, 1, Granularity.WHOLE_BROADCAST).analyse("011").states();
            int eachNoCrash = FlpAnalysis.of(p, 3, 0, Granularity.EACH_SEND).analyse("011").states();
            assertThat(wholeCrash).as(p.name()).isLessThan(eachCrash);
            assertThat(eachNoCrash).as(p.name()).isLessThan(eachCrash);
        }
    }

    @Test
    void shouldTerminateWithoutCrashStepsButNotWithThem() {
        assertThat(FlpAnalysis.of(new WaitForAll(), 3, 0, Granularity.EACH_SEND).analyse().termination()).isTrue();
        assertThat(FlpAnalysis.of(new WaitForAll(), 3, 1, Granularity.EACH_SEND).analyse().termination()).isFalse();
    }

    @Test
    void shouldSendAWholeBroadcastInOneStep() {
        var model = new ConsensusModel(new WaitForAll(), 4, 1, Granularity.WHOLE_BROADCAST);
        var start = model.initial("0111");
        var sends = model.next(start).stream().filter(t -> t.label().startsWith("send")).toList();
        assertThat(sends).hasSize(4);
        for (var t : sends) {
            assertThat(t.target().inFlight()).hasSize(3);
        }
        assertThat(FlpAnalysis.CriticalStep.processOf(sends.get(2).label())).isEqualTo(2);
    }

    @Test
    void shouldRunFourProcesses() {
        var c = FlpAnalysis.of(new FirstProposalWins(), 4, 1, Granularity.WHOLE_BROADCAST).analyse("0111");
        assertThat(c.states()).isPositive();
        assertThat(c.nonTerminatingRun()).as("a crash can leave FirstProposalWins waiting").isPresent();
    }

    @Test
    void shouldOfferTheBroadcastHelpersToReaders() {
        assertThat(Broadcast.toOthers(1, 4, "value", 1)).extracting(Message::to).containsExactly(0, 2, 3);
        assertThat(Broadcast.majority(List.of(1, 1, 0))).isEqualTo(1);
        assertThat(Broadcast.majority(List.of(1, 0))).isZero();
    }
}
