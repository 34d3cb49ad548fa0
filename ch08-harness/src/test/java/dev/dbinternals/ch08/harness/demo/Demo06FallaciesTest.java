package dev.dbinternals.ch08.harness.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fallacies demo runs all eight (or one with --only), narrates each verdict, and rejects bad --only values clearly. */
class Demo06FallaciesTest {

    private static String run(String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            Demo06Fallacies.main(args);
        } finally {
            System.setOut(old);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void shouldRunAllEightFallaciesInQuickModeAndWriteTheSummary(@TempDir Path dir) throws Exception {
        String out = run("--quick", "--out", dir.toString());

        for (int n = 1; n <= 8; n++) {
            assertThat(out).contains("== Fallacy " + n + " of 8: ");
        }
        assertThat(out.split("the naive program failed; the fix held\\.", -1)).hasSize(9);
        assertThat(out).contains("./ch08 demo links forged-frame");
        assertThat(Files.readString(dir.resolve("fallacies.md"))).contains("| 8 | The network is homogeneous |");
    }

    @Test
    void shouldRunOnlyTheChosenFallacy(@TempDir Path dir) {
        String out = run("--quick", "--only", "3", "--out", dir.toString());

        assertThat(out).contains("== Fallacy 3 of 8: \"Bandwidth is infinite\"").doesNotContain("== Fallacy 1 of 8");
    }

    @Test
    void shouldRejectAnOnlyValueOutside1To8ListingTheValidValues() {
        for (String bad : new String[] {"0", "9", "x", "1.5", ""}) {
            assertThatThrownBy(() -> Demo06Fallacies.choose(bad)).as("--only %s", bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("valid values: 1 (The network is reliable)")
                    .hasMessageContaining("8 (The network is homogeneous)");
        }
        assertThat(Demo06Fallacies.choose("all")).hasSize(8);
        assertThat(Demo06Fallacies.choose("6").get(0).number()).isEqualTo(6);
    }
}
