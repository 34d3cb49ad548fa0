package dev.dbinternals.ch08.flp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbinternals.ch08.harness.demo.DemoList;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemosSmokeTest {

    @Test
    void shouldRunEveryListedDemoQuicklyAndWriteItsDiagrams(@TempDir Path out) throws Exception {
        // given the demos the launcher's tour runs, from demos.txt
        var demos = DemoList.ofThisModule();
        assertThat(demos).isNotEmpty();

        for (DemoList.Demo demo : demos) {
            // when each runs with --quick
            Path dir = out.resolve(demo.name());
            String text = DemoList.runQuick(demo, dir);

            // then it narrates and writes at least one file under --out
            assertThat(text).as("output of %s", demo.name()).contains("== ").contains("wrote " + dir);
            try (var files = Files.list(dir)) {
                assertThat(files.count()).as("files written by %s", demo.name()).isPositive();
            }
        }
    }
}
