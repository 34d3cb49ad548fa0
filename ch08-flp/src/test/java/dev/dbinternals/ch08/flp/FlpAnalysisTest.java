package dev.dbinternals.ch08.flp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class FlpAnalysisTest {

    @Test
    void shouldKeepAgreementAndValidityButNotTerminateWhenWaitingForAll() {
        // given every process waits for all three inputs
        var report = FlpAnalysis.of(new WaitForAll()).analyse();

        // then agreement and validity hold in every run, and some run leaves correct processes waiting
        assertThat(report.agreement()).isTrue();
        assertThat(report.validity()).isTrue();
        assertThat(report.termination()).isFalse();
        // the shortest: p0 and p1 send to each other and deliver, then p2 crashes before sending (7 steps)
        var stuck = report.config("000");
        assertThat(stuck.nonTerminatingRun().orElseThrow()).hasSize(7).last().isEqualTo("crash p2");
        assertThat(stuck.nonTerminatingEnd().decisions()).isEqualTo("__x");
    }

    @Test
    void shouldTerminateWhenWaitingForAllIfNobodyCrashes() {
        // given the same protocol with no crash allowed
        var analysis = new FlpAnalysis(new ConsensusModel(new WaitForAll(), 3, 0));

        // then every run ends with all three deciding the majority
        for (String inputs : analysis.model().allInputs()) {
            var c = analysis.analyse(inputs);
            assertThat(c.nonTerminatingRun()).as("inputs %s", inputs).isEmpty();
            int ones = (int) inputs.chars().filter(ch -> ch == '1').count();
            assertThat(c.valence()).as("inputs %s", inputs).isEqualTo(ones >= 2 ? Valence.ONE : Valence.ZERO);
        }
    }

    @Test
    void shouldTerminateButBreakAgreementWhenDecidingOnNMinusOneValues() {
        var report = FlpAnalysis.of(new DecideOnNMinusOne()).analyse();

        assertThat(report.termination()).isTrue();
        assertThat(report.validity()).isTrue();
        assertThat(report.agreement()).isFalse();
        // inputs 011: p1 tells p0 and p2 its 1 first; p0 decides tie→0, p2 decides 1 (4 steps)
        var violation = report.config("011").agreementViolation().orElseThrow();
        assertThat(violation.path()).hasSize(4);
        assertThat(violation.state().decisions()).isEqualTo("0_1");
    }

    @Test
    void shouldFindTheBivalentInitialConfigurationsComputedByHand() {
        // FirstProposalWins: p0 decides whichever proposal of p1, p2 arrives first: bivalent iff they differ
        assertThat(FlpAnalysis.of(new FirstProposalWins()).analyse().bivalentInitialConfigurations())
                .containsExactly("001", "010", "101", "110");
        // DecideOnNMinusOne: two 1s and one 0 (a process with input 0 decides 0 on a tie)
        assertThat(FlpAnalysis.of(new DecideOnNMinusOne()).analyse().bivalentInitialConfigurations())
                .containsExactly("011", "101", "110");
        // WaitForAll: the inputs fix the majority, so no initial configuration is bivalent
        assertThat(FlpAnalysis.of(new WaitForAll()).analyse().bivalentInitialConfigurations()).isEmpty();
    }

    @Test
    void shouldStopTheCoordinatorProtocolByCrashingTheCoordinator() {
        var report = FlpAnalysis.of(new FirstProposalWins()).analyse();

        assertThat(report.agreement()).isTrue();
        assertThat(report.validity()).isTrue();
        assertThat(report.termination()).isFalse();
        assertThat(report.config("110").nonTerminatingRun().orElseThrow()).hasSize(3).contains("crash p0");
    }

    @Test
    void shouldBreakOnlyValidityWhenDecidingAFixedDefault() {
        var report = FlpAnalysis.of(new FixedDefault()).analyse();

        assertThat(report.states()).as("one configuration per input, nothing ever sent").isEqualTo(8);
        assertThat(report.agreement()).isTrue();
        assertThat(report.termination()).isTrue();
        assertThat(report.validity()).isFalse();
        assertThat(report.config("111").validityViolation().orElseThrow().path()).isEmpty();
    }

    @Test
    void shouldFindACriticalStepWhereOneDeliveryDecides() {
        // given the bivalent configuration 110 of FirstProposalWins
        var critical = FlpAnalysis.of(new FirstProposalWins()).criticalStep("110").orElseThrow();

        // then after both proposals are in flight, delivering one to p0 decides, and crashing p0 blocks everyone
        assertThat(critical.path()).hasSize(2).allMatch(l -> l.startsWith("send"));
        assertThat(critical.steps()).containsEntry("deliver p1→p0 propose(1)", Valence.ONE)
                .containsEntry("deliver p2→p0 propose(0)", Valence.ZERO)
                .containsEntry("crash p0", Valence.NONE);
        // and both deciding steps belong to p0, the case Lemma 3's proof rules out for a crash-tolerant protocol
        assertThat(critical.decidingProcesses()).containsExactly(0);
    }

    @Test
    void shouldSayThatACriticalStepIsUndefinedWhenTheProtocolBreaksAgreement() {
        // given DecideOnNMinusOne, which lets p0 decide 0 and p2 decide 1 from inputs 011
        var search = FlpAnalysis.of(new DecideOnNMinusOne()).criticalStep("011");

        // then the answer is not an empty result but a reason
        assertThat(search.kind()).isEqualTo(FlpAnalysis.CriticalSearch.Kind.AGREEMENT_VIOLATED);
        assertThat(search.step()).isEmpty();
        assertThat(search.toString()).contains("breaks agreement from inputs 011", "p0 decided 0 but p2 decided 1", "not defined");
        assertThatThrownBy(search::orElseThrow).isInstanceOf(IllegalStateException.class).hasMessageContaining("breaks agreement");
    }

    @Test
    void shouldSayWhenTheInitialConfigurationIsNotBivalent() {
        var search = FlpAnalysis.of(new FirstProposalWins()).criticalStep("111");

        assertThat(search.kind()).isEqualTo(FlpAnalysis.CriticalSearch.Kind.NOT_BIVALENT);
        assertThat(search.toString()).contains("1-valent, not bivalent");
    }

    @Test
    void shouldNameTheProcessThatTakesEachStep() {
        assertThat(FlpAnalysis.CriticalStep.processOf("send p1→p0 propose(1)")).isEqualTo(1);
        assertThat(FlpAnalysis.CriticalStep.processOf("deliver p1→p0 propose(1)")).isEqualTo(0);
        assertThat(FlpAnalysis.CriticalStep.processOf("crash p2")).isEqualTo(2);
        assertThatThrownBy(() -> FlpAnalysis.CriticalStep.processOf("nonsense")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldWalkLemmaTwoToTheProcessWhoseInputFlips() {
        var lemma = FlpAnalysis.of(new WaitForAll()).lemma2();

        assertThat(lemma.chain()).containsExactly("000", "100", "110", "111");
        assertThat(lemma.valences()).containsExactly(Valence.ZERO, Valence.ZERO, Valence.ONE, Valence.ONE);
        assertThat(lemma.flippedProcess()).isEqualTo(1);
        // with p1 crashed at the start the two configurations look the same to p0 and p2: nobody decides
        assertThat(lemma.leftWithCrash()).isEqualTo(Valence.NONE);
        assertThat(lemma.rightWithCrash()).isEqualTo(Valence.NONE);
    }

    @Test
    void shouldRejectMalformedInputsAndMessagesFromTheWrongSender() {
        var model = new ConsensusModel(new WaitForAll(), 3, 1);
        assertThatThrownBy(() -> model.initial("01")).hasMessageContaining("3 bits");
        ConsensusProtocol forger = new ConsensusProtocol() {
            public String name() { return "Forger"; }
            public Reaction react(int self, int n, int input, List<Message> r) {
                return Reaction.send(List.of(new Message((self + 1) % n, self, "value", input)));
            }
        };
        assertThatThrownBy(() -> new ConsensusModel(forger, 3, 1).initial("000")).hasMessageContaining("only from itself");
    }
}
