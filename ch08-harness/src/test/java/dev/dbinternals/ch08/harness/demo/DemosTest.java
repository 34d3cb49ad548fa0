package dev.dbinternals.ch08.harness.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The quick demos run, narrate, and write the diagrams they promise (the tour relies on it). */
class DemosTest {

    private static String run(ThrowingMain main, String... args) throws Exception {
        PrintStream old = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            main.run(args);
        } finally {
            System.setOut(old);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    interface ThrowingMain {
        void run(String[] args) throws Exception;
    }

    @Test
    void shouldRunThePingPongDemoAndWriteItsDiagrams(@TempDir Path dir) throws Exception {
        String out = run(Demo01LossyPingPong::main, "--quick", "--out", dir.toString());

        assertThat(out).contains("identical").contains("12 pongs");
        assertThat(dir.resolve("ping-pong.html")).exists();
        assertThat(Files.readString(dir.resolve("ping-pong.md"))).contains("```mermaid").contains("sequenceDiagram");
    }

    @Test
    void shouldShowThatOnlyTheCutDirectionLosesMessages(@TempDir Path dir) throws Exception {
        String out = run(Demo02OneWayPartition::main, "--quick", "--out", dir.toString());

        assertThat(out).contains("B suspects [A]").containsPattern("A->B\\s+0\\s+\\d+\\s+<- cut")
                .containsPattern("B->A\\s+[1-9]\\d*\\s+0");
        assertThat(dir.resolve("one-way-partition.html")).exists();
    }

    @Test
    void shouldRunTheClockAndExplorerDemos() throws Exception {
        assertThat(run(Demo03ClockDrift::main, "--quick")).contains("wall stepped back 80.000ms");
        assertThat(run(Demo04Explorer::main, "--quick")).contains("explored 69 states")
                .contains("exactly-once delivery");
    }
}
