package dev.dbinternals.ch08.harness.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoListTest {

    @Test
    void shouldReadDemosInOrderSkippingCommentsAndBlankLines(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("demos.txt");
        Files.writeString(file, "# demos\n\nb-second x.B Second demo (둘째)\na-first x.A First\n", StandardCharsets.UTF_8);

        var demos = DemoList.read(file);

        assertThat(demos).extracting(DemoList.Demo::name).containsExactly("b-second", "a-first");
        assertThat(demos.get(0).title()).isEqualTo("Second demo (둘째)");
    }

    @Test
    void shouldNameTheFileAndLineOfAMalformedEntry(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("demos.txt");
        Files.writeString(file, "ok x.Ok fine\nbroken-line-without-class\n", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> DemoList.read(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("demos.txt:2");
    }

    @Test
    void shouldRejectEveryBadOptionOfEveryHarnessDemoBeforeItRuns(@TempDir Path dir) throws Exception {
        // given each demo of demos.txt and each option it declares; when given a malformed or out-of-range value
        var outcomes = DemoList.runBadCommandLines(dir);

        // then the parser stops it with status 2, the error and the usage, and no stack trace
        assertThat(outcomes).hasSizeGreaterThan(6 * 3);
        for (var o : outcomes) {
            assertThat(o.status()).as("%s", o).isEqualTo(2);
            assertThat(o.output()).as("%s", o).contains("usage: ").doesNotContain("Exception").doesNotContain("\tat ");
        }
    }
}
