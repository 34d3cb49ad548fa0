package dev.dbinternals.ch08.concurrency;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Every demo in demos.txt runs in quick mode")
class DemosSmokeTest {

    @Test
    void shouldRunEveryListedDemoQuickly() throws Exception {
        List<String[]> demos = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("demos.txt"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                demos.add(line.trim().split("\\s+", 3));
            }
        }
        assertThat(demos).hasSizeGreaterThanOrEqualTo(9);
        for (String[] d : demos) {
            Method main = Class.forName(d[1]).getMethod("main", String[].class);
            main.invoke(null, (Object) new String[] {"--quick", "--out", "target/demo-out/" + d[0]});
        }
        assertThat(Path.of("target/demo-out/lost-update/outcomes.md")).exists();
    }

    @Test
    void shouldListDemosInReadingOrderWithFigureEightOneFirst() throws IOException {
        String first = Files.readAllLines(Path.of("demos.txt")).stream().filter(l -> !l.startsWith("#") && !l.isBlank())
                .findFirst().orElseThrow();

        assertThat(first).startsWith("lost-update").contains("Demo01LostUpdate");
    }
}
