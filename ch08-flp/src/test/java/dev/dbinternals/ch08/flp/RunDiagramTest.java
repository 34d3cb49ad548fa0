package dev.dbinternals.ch08.flp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RunDiagramTest {

    @Test
    void shouldDrawTheCrashAndTheProcessesLeftWaiting() {
        // given WaitForAll's shortest non-terminating run from 000
        var analysis = FlpAnalysis.of(new WaitForAll());
        var report = analysis.analyse("000");

        // when drawn
        String mermaid = RunDiagram.mermaid(analysis.model(), analysis.model().initial("000"),
                report.nonTerminatingRun().orElseThrow(), "WaitForAll");

        // then the two deliveries, the crash, the undeliverable messages and both waiting processes appear
        assertThat(mermaid).startsWith("sequenceDiagram")
                .contains("p0->>p1: value(0)", "p1->>p0: value(0)", "Note over p2: CRASH",
                        "p0-xp2: value(0) never delivered", "Note over p0: waits forever", "Note over p1: waits forever");
    }

    @Test
    void shouldMarkEachDecisionWhereItHappens() {
        var analysis = FlpAnalysis.of(new DecideOnNMinusOne());
        var violation = analysis.analyse("011").agreementViolation().orElseThrow();

        String mermaid = RunDiagram.mermaid(analysis.model(), analysis.model().initial("011"), violation.path(), null);

        assertThat(mermaid).contains("Note over p0: decides 0", "Note over p2: decides 1").doesNotContain("waits forever");
        assertThat(mermaid.indexOf("decides 0")).isLessThan(mermaid.indexOf("p1->>p2"));
    }
}
