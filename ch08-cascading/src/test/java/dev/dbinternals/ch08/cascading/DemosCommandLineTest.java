package dev.dbinternals.ch08.cascading;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbinternals.ch08.harness.demo.DemoList;
import dev.dbinternals.ch08.harness.demo.KoreanNarration;
import dev.dbinternals.ch08.harness.lang.Lang;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every demo of demos.txt refuses a bad option value with a clear error, before it runs (no stack
 * trace), and speaks Korean throughout with {@code --lang ko}.
 */
class DemosCommandLineTest {

    @Test
    void shouldRejectEveryBadOptionValueBeforeTheDemoRuns(@TempDir Path dir) throws Exception {
        // given each demo of demos.txt and each option it declares, in English whatever the locale of the machine;
        // when given a malformed or out-of-range value
        String before = System.getProperty(Lang.PROPERTY);
        Lang.use(Lang.EN);
        List<DemoList.Outcome> outcomes;
        try {
            outcomes = DemoList.runBadCommandLines(dir);
        } finally {
            restore(before);
        }

        // then the parser stops it with status 2, the error and the usage, and no stack trace
        assertThat(outcomes).hasSizeGreaterThan(8 * 3);
        for (var o : outcomes) {
            assertThat(o.status()).as("%s", o).isEqualTo(2);
            assertThat(o.output()).as("%s", o).contains("usage: ").doesNotContain("Exception").doesNotContain("\tat ");
        }
    }

    @Test
    @Tag("slow") // every demo once more, in Korean: the newest-JDK build in CI leaves it to the main run
    void everyDemoSpeaksKorean(@TempDir Path dir) throws Exception {
        String before = System.getProperty(Lang.PROPERTY);
        try {
            // given every demo of demos.txt; when run with --quick --lang ko
            var outputs = DemoList.runAllQuick(dir, "--lang", "ko");

            // then every demo prints Korean lines, every heading has Korean, and no English prose is left
            assertThat(KoreanNarration.problems(outputs)).isEmpty();
        } finally {
            // --lang set the language of this JVM: give the other tests back the language they started with
            restore(before);
        }
    }

    private static void restore(String language) {
        if (language == null) {
            System.clearProperty(Lang.PROPERTY);
        } else {
            System.setProperty(Lang.PROPERTY, language);
        }
    }
}
