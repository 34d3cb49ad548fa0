package dev.dbinternals.ch08.flp;

import static dev.dbinternals.ch08.harness.lang.Lang.t;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * flp-1, graded by exploring every run (n = 3, at most one crash, one step per message sent). A
 * failure prints the shortest run that breaks the property, step by step.
 */
// Wrong solutions this must reject (src/wrong/flp-1--*): delegate (the module's WaitForAll: never
// passes on what it heard), decide-on-n-minus-one (never waits for a possibly crashed process, and
// two processes decide on different n - 1 inputs), relay-decide-early (relays, but decides on n - 1).
@Tag("exercise")
@DisplayName("flp-1: make consensus safe, leave as few runs undecided as you can, and pay FLP's price")
class SafeProtocolExerciseTest {

    /**
     * The analysis of every run (seconds of search), shared by the three tests that read it: the
     * protocol is deterministic, so one exploration serves them all. Not cached when it throws (a stub).
     */
    private static FlpAnalysis.Report report;

    private static synchronized FlpAnalysis.Report analysis() {
        if (report == null) {
            report = FlpAnalysis.of(new SafeProtocol()).analyse();
        }
        return report;
    }

    @Test
    void shouldKeepAgreementInEveryRunWithAtMostOneCrash() {
        for (var config : analysis().configs()) {
            config.agreementViolation().ifPresent(v -> fail(t("agreement broken: ", "일치성이 깨졌어요: ")
                    + ConsensusProperties.agreement(v.state().outcome()).detail() + t(" in this run:", ", 이 실행에서:")
                    + Runs.describe(config.inputs(), v.path(), v.state())));
        }
    }

    @Test
    void shouldKeepValidityInEveryRun() {
        for (var config : analysis().configs()) {
            config.validityViolation().ifPresent(v -> fail(t("validity broken: ", "유효성이 깨졌어요: ")
                    + ConsensusProperties.validity(v.state().outcome()).detail() + t(" in this run:", ", 이 실행에서:")
                    + Runs.describe(config.inputs(), v.path(), v.state())));
        }
    }

    @Test
    void shouldDecideInEveryRunWithoutACrash() {
        var analysis = new FlpAnalysis(new ConsensusModel(new SafeProtocol(), 3, 0));
        for (String inputs : analysis.model().allInputs()) {
            var config = analysis.analyse(inputs);
            config.nonTerminatingRun().ifPresent(path -> fail(t("with no crash, every process must decide; ", "충돌이 없으면 모든 프로세스가 결정해야 해요; ")
                    + ConsensusProperties.termination(config.nonTerminatingEnd().outcome()).detail() + t(" in this run:", ", 이 실행에서:")
                    + Runs.describe(inputs, path, config.nonTerminatingEnd())));
        }
    }

    @Test
    void shouldDecideInEveryRunWhoseCrashedProcessWasHeardFrom() {
        // a crash after the crashed process got a message out must not leave anyone waiting
        var model = new ConsensusModel(new SafeProtocol(), 3, 1);
        for (String inputs : model.allInputs()) {
            var result = model.explorer(inputs).explore();
            for (Configuration end : result.terminalStates()) {
                if (ConsensusProperties.termination(end.outcome()).holds() || !someoneHeardTheCrashedProcess(end)) {
                    continue;
                }
                fail(ConsensusProperties.termination(end.outcome()).detail()
                        + t(", although a correct process heard from the crashed one before it crashed, in this run:",
                                ", 정상 프로세스가 충돌한 프로세스로부터 충돌 전에 메시지를 받았는데도요. 이 실행에서:")
                        + Runs.describe(inputs, result.shortestPathTo(end), end));
            }
        }
    }

    @Test
    void shouldLeaveACorrectProcessWaitingForeverInSomeRunWithOneCrash() {
        // FLP: a safe protocol cannot also terminate when one process may crash
        var report = analysis();
        assertThat(report.termination())
                .as(t("FLP: with agreement and validity kept, some one-crash run must leave a correct process undecided;"
                        + " every run of %d configurations decided, so look at the agreement and validity tests",
                        "FLP: 일치성과 유효성을 지키면, 충돌이 하나인 어떤 실행에서는 정상 프로세스가 결정하지 못하고 남아야 해요;"
                        + " 구성 %d개의 모든 실행이 결정했으니 일치성과 유효성 테스트를 살펴보세요"), report.states())
                .isFalse();
    }

    private static boolean someoneHeardTheCrashedProcess(Configuration end) {
        for (int p = 0; p < end.n(); p++) {
            if (!end.process(p).crashed()) {
                continue;
            }
            int crashed = p;
            for (ProcessState other : end.processes()) {
                if (!other.crashed() && other.received().stream().anyMatch(m -> m.from() == crashed)) {
                    return true;
                }
            }
        }
        return false;
    }
}
