package dev.dbinternals.ch08.failuremodels;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Every demo in demos.txt runs with --quick and narrates")
class DemosSmokeTest {

    @Test
    void shouldRunEveryListedDemoQuicklyAndPrintItsStory() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("demos.txt"), StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        assertThat(lines).as("demos listed").hasSize(11);
        PrintStream original = System.out;
        try {
            for (String line : lines) {
                String[] parts = line.split("\\s+", 3);
                ByteArrayOutputStream buffer = new ByteArrayOutputStream();
                System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
                Class.forName(parts[1]).getMethod("main", String[].class)
                        .invoke(null, (Object) new String[] {"--quick", "--out", "target/demo-out/" + parts[0]});
                System.setOut(original);
                assertThat(buffer.toString(StandardCharsets.UTF_8)).as("output of demo %s", parts[0])
                        .contains("== ").hasSizeGreaterThan(300);
            }
        } finally {
            System.setOut(original);
        }
    }
}
