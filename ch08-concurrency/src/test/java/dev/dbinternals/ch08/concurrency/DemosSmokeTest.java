package dev.dbinternals.ch08.concurrency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbinternals.ch08.harness.demo.DemoList;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

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
    void shouldListDemosInReadingOrderWithFigureEightOneFirst() throws IOException {
        DemoList.Demo first = DemoList.ofThisModule().get(0);

        assertThat(first.name()).isEqualTo("lost-update");
        assertThat(first.mainClass()).endsWith("Demo01LostUpdate");
    }
}
