package dev.dbinternals.ch08.flp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbinternals.ch08.harness.demo.DemoList;
import dev.dbinternals.ch08.harness.demo.KoreanNarration;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemosSmokeTest {

    @Test
    void shouldRunEveryListedDemoQuicklyAndWriteItsDiagrams(@TempDir Path out) throws Exception {
        // given the demos the launcher's tour runs, from demos.txt; when each runs with --quick
        var outputs = DemoList.runAllQuick(out);

        // then each narrates and writes at least one file under its --out folder
        assertThat(outputs).isNotEmpty();
        for (var e : outputs.entrySet()) {
            Path dir = out.resolve(e.getKey().name());
            assertThat(e.getValue()).as("output of %s", e.getKey().name()).contains("== ").contains("wrote " + dir);
            try (var files = Files.list(dir)) {
                assertThat(files.count()).as("files written by %s", e.getKey().name()).isPositive();
            }
        }
    }

    @Test
    @Tag("slow") // every demo once more, in Korean: the newest-JDK build in CI leaves it to the main run
    void everyDemoSpeaksKorean(@TempDir Path out) throws Exception {
        // given every demo of demos.txt; when each runs with --quick --lang ko
        var outputs = DemoList.runAllQuick(out, "--lang", "ko");

        // then each prints Korean narration, every heading has Hangul and no English sentence is left
        assertThat(outputs).isNotEmpty();
        assertThat(KoreanNarration.problems(outputs)).isEmpty();
    }

    @Test
    void shouldRejectEveryBadOptionValueBeforeTheDemoRuns(@TempDir Path dir) throws Exception {
        // given each demo of demos.txt and each option it declares; when given a malformed or out-of-range value
        var outcomes = DemoList.runBadCommandLines(dir);

        // then the parser stops it with status 2, the error and the usage, and no stack trace
        assertThat(outcomes).hasSizeGreaterThan(4 * 3);
        for (var o : outcomes) {
            assertThat(o.status()).as("%s", o).isEqualTo(2);
            assertThat(o.output()).as("%s", o).contains("usage: ").doesNotContain("Exception").doesNotContain("\tat ");
        }
    }
}
