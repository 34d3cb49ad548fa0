package dev.dbinternals.ch08.failuremodels;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbinternals.ch08.harness.demo.DemoList;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;



@DisplayName("Every demo in demos.txt runs with --quick and narrates")
class DemosSmokeTest {

    @Test
    void shouldRunEveryListedDemoQuicklyAndPrintItsStory() throws Exception {
        var outputs = DemoList.runAllQuick(Path.of("target/demo-out"));
        assertThat(outputs).as("demos listed").hasSize(11);
        outputs.forEach((demo, text) ->
                assertThat(text).as("output of demo %s", demo.name()).contains("== ").hasSizeGreaterThan(300));
    }
}
