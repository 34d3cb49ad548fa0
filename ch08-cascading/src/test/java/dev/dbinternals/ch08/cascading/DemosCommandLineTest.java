package dev.dbinternals.ch08.cascading;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbinternals.ch08.harness.demo.DemoList;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every demo of demos.txt refuses a bad option value with a clear error, before it runs (no stack trace). */
class DemosCommandLineTest {

    @Test
    void shouldRejectEveryBadOptionValueBeforeTheDemoRuns(@TempDir Path dir) throws Exception {
        // given each demo of demos.txt and each option it declares; when given a malformed or out-of-range value
        var outcomes = DemoList.runBadCommandLines(dir);

        // then the parser stops it with status 2, the error and the usage, and no stack trace
        assertThat(outcomes).hasSizeGreaterThan(8 * 3);
        for (var o : outcomes) {
            assertThat(o.status()).as("%s", o).isEqualTo(2);
            assertThat(o.output()).as("%s", o).contains("usage: ").doesNotContain("Exception").doesNotContain("\tat ");
        }
    }
}
