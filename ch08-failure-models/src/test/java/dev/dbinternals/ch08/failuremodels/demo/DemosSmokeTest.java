package dev.dbinternals.ch08.failuremodels.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbinternals.ch08.harness.demo.DemoList;
import dev.dbinternals.ch08.harness.demo.KoreanNarration;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;



@DisplayName("Every demo in demos.txt runs with --quick and narrates")
class DemosSmokeTest {

    @Test
    void shouldRunEveryListedDemoQuicklyAndPrintItsStory() throws Exception {
        var outputs = DemoList.runAllQuick(Path.of("target/demo-out"));
        assertThat(outputs).as("demos listed").hasSize(11);
        outputs.forEach((demo, text) ->
                assertThat(text).as("output of demo %s", demo.name()).contains("== ").hasSizeGreaterThan(300));
    }

    @Test
    @Tag("slow") // every demo once more, in Korean: the newest-JDK build in CI leaves it to the main run
    void everyDemoSpeaksKorean(@TempDir Path dir) throws Exception {
        // given every demo run quickly with --lang ko; when its output is read line by line
        var problems = KoreanNarration.problems(DemoList.runAllQuick(dir, "--lang", "ko"));
        // then every demo narrates in Korean, every heading has Korean, and no English sentence is left
        assertThat(problems).isEmpty();
    }

    @Test
    void shouldRejectEveryBadOptionValueBeforeTheDemoRuns(@TempDir Path dir) throws Exception {
        // given each demo of demos.txt and each option it declares; when given a malformed or out-of-range value
        var outcomes = DemoList.runBadCommandLines(dir);

        // then the parser stops it with status 2, the error and the usage, and no stack trace
        assertThat(outcomes).hasSizeGreaterThan(11 * 3);
        for (var o : outcomes) {
            assertThat(o.status()).as("%s", o).isEqualTo(2);
            assertThat(o.output()).as("%s", o).contains("usage: ").doesNotContain("Exception").doesNotContain("\tat ");
        }
    }
}
