package dev.dbinternals.ch08.concurrency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbinternals.ch08.harness.demo.DemoList;
import dev.dbinternals.ch08.harness.demo.KoreanNarration;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Every demo in demos.txt runs in quick mode")
class DemosSmokeTest {

    @Test
    void shouldRunEveryListedDemoQuickly() throws Exception {
        var outputs = DemoList.runAllQuick(Path.of("target/demo-out"));
        assertThat(outputs).hasSizeGreaterThanOrEqualTo(9);
        outputs.forEach((d, text) -> assertThat(text).as("output of %s", d.name()).isNotBlank());
        assertThat(Path.of("target/demo-out/lost-update/outcomes.md")).exists();
    }

    @Test
    @Tag("slow") // every demo once more, in Korean: the newest-JDK build in CI leaves it to the main run
    void everyDemoSpeaksKorean(@TempDir Path dir) throws Exception {
        // given every demo of demos.txt; when each runs quick with --lang ko
        var outputs = DemoList.runAllQuick(dir, "--lang", "ko");

        // then each prints Korean narration and no English sentence is left behind
        assertThat(outputs).hasSizeGreaterThanOrEqualTo(9);
        assertThat(KoreanNarration.problems(outputs)).isEmpty();
    }

    @Test
    void shouldRejectEveryBadOptionValueBeforeTheDemoRuns(@TempDir Path dir) throws Exception {
        // given each demo of demos.txt and each option it declares; when given a malformed or out-of-range value
        var outcomes = DemoList.runBadCommandLines(dir);

        // then the parser stops it with status 2, the error and the usage, and no stack trace
        assertThat(outcomes).hasSizeGreaterThan(9 * 3);
        for (var o : outcomes) {
            assertThat(o.status()).as("%s", o).isEqualTo(2);
            assertThat(o.output()).as("%s", o).contains("usage: ").doesNotContain("Exception").doesNotContain("\tat ");
        }
    }

    @Test
    void shouldRejectAnInitialValueTheModelCannotTakeBeforeReadingTheFile(@TempDir Path dir) throws Exception {
        DemoList.Demo check = DemoList.ofThisModule().stream().filter(d -> d.name().equals("check-history")).findFirst().orElseThrow();

        var outcome = DemoList.runParsing(check, java.util.List.of("--model", "counter", "--initial", "[1"));

        assertThat(outcome.status()).as("%s", outcome).isEqualTo(2);
        assertThat(outcome.output()).startsWith("check-history: --initial is not an EDN value").doesNotContain("\tat ");
    }

    @Test
    void shouldListDemosInReadingOrderWithFigureEightOneFirst() throws IOException {
        DemoList.Demo first = DemoList.ofThisModule().get(0);

        assertThat(first.name()).isEqualTo("lost-update");
        assertThat(first.mainClass()).endsWith("Demo01LostUpdate");
    }
}
