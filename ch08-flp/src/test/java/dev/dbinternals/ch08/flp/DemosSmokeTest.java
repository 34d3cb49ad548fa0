package dev.dbinternals.ch08.flp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemosSmokeTest {

    @Test
    void shouldRunEveryListedDemoQuicklyAndWriteItsDiagrams(@TempDir Path out) throws Exception {
        // given the demos the launcher's tour runs, from demos.txt
        List<String[]> demos = Files.readAllLines(Path.of("demos.txt"), StandardCharsets.UTF_8).stream()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .map(l -> l.split("\\s+", 3)).toList();
        assertThat(demos).isNotEmpty();

        for (String[] demo : demos) {
            // when each runs with --quick
            Path dir = out.resolve(demo[0]);
            PrintStream original = System.out;
            ByteArrayOutputStream captured = new ByteArrayOutputStream();
            try {
                System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
                Class.forName(demo[1]).getMethod("main", String[].class)
                        .invoke(null, (Object) new String[] {"--quick", "--out", dir.toString()});
            } finally {
                System.setOut(original);
            }

            // then it narrates and writes at least one file under --out
            String text = captured.toString(StandardCharsets.UTF_8);
            assertThat(text).as("output of %s", demo[0]).contains("== ").contains("wrote " + dir);
            try (var files = Files.list(dir)) {
                assertThat(files.count()).as("files written by %s", demo[0]).isPositive();
            }
        }
    }
}
