package dev.dbinternals.ch08.flp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbinternals.ch08.harness.demo.DemoList;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Demo02NarrationTest {

    @Test
    void shouldCountTheOutcomeFixingStepsItNarratesFromTheCriticalConfiguration(@TempDir Path out) throws Exception {
        // given the critical configuration the demo explains
        var critical = FlpAnalysis.of(new FirstProposalWins()).criticalStep("110").orElseThrow();
        long fixing = critical.steps().values().stream().filter(v -> v == Valence.ZERO || v == Valence.ONE).count();
        int p = critical.decidingProcesses().first();

        // when the demo runs
        String text = DemoList.runQuick(new DemoList.Demo("bivalence", Demo02Bivalence.class.getName(), ""), out);

        // then the number of steps it names is the number of steps that fix the outcome
        assertThat(text).contains("each of the " + fixing + " steps of p" + p);
    }

    @Test
    void shouldCountTheSameStepsInKorean(@TempDir Path out) throws Exception {
        // given the critical configuration the demo explains
        var critical = FlpAnalysis.of(new FirstProposalWins()).criticalStep("110").orElseThrow();
        long fixing = critical.steps().values().stream().filter(v -> v == Valence.ZERO || v == Valence.ONE).count();
        int p = critical.decidingProcesses().first();

        // when the demo runs in Korean
        String text = DemoList.runQuick(new DemoList.Demo("bivalence", Demo02Bivalence.class.getName(), ""), out, "--lang", "ko");

        // then it names the same process and the same number of outcome-fixing steps
        assertThat(text).contains("결과를 정하는 p" + p + "의").contains("단계 " + fixing + "개는");
    }
}
