package dev.dbinternals.ch08.harness.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbinternals.ch08.harness.Address;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
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
    @Tag("slow") // every demo once more, in Korean: the newest-JDK build in CI leaves it to the main run
    void everyDemoSpeaksKorean(@TempDir Path dir) throws Exception {
        assertThat(KoreanNarration.problems(DemoList.runAllQuick(dir, "--lang", "ko"))).isEmpty();
    }

    @Test
    void shouldWriteKoreanDiagramsWithAHangulFontList(@TempDir Path dir) throws Exception {
        DemoList.Demo pingPong = DemoList.ofThisModule().get(0);
        DemoList.runQuick(pingPong, dir, "--lang", "ko");
        String html = Files.readString(dir.resolve("ping-pong.html"));
        assertThat(html).contains("<html lang=\"ko\">").contains("손실이 있는 링크 위의 핑퐁").contains("선택한 이벤트")
                .contains("Noto Sans CJK KR").contains("Apple SD Gothic Neo").contains("Malgun Gothic");
        assertThat(Files.readString(dir.resolve("ping-pong.md"))).contains("# 손실이 있는 링크 위의 핑퐁");
    }

    @Test
    void shouldRunThePingPongDemoAndWriteItsDiagrams(@TempDir Path dir) throws Exception {
        String out = run(Demo01LossyPingPong::main, "--quick", "--out", dir.toString());

        assertThat(out).contains("identical").contains("12 pongs").contains("(another seed, another run)");
        assertThat(dir.resolve("ping-pong.html")).exists();
        assertThat(Files.readString(dir.resolve("ping-pong.md"))).contains("```mermaid").contains("sequenceDiagram");
    }

    @Test
    void shouldShowThatOnlyTheCutDirectionLosesMessages(@TempDir Path dir) throws Exception {
        String out = run(Demo02OneWayPartition::main, "--quick", "--out", dir.toString());

        assertThat(out).contains("B suspects [A]").contains("-> the views disagree: B suspects A").containsPattern("A->B\\s+0\\s+\\d+\\s+<- cut")
                .containsPattern("B->A\\s+[1-9]\\d*\\s+0");
        assertThat(dir.resolve("one-way-partition.html")).exists();
    }

    @Test
    void shouldReadTheVerdictOnTheViewsFromTheSuspicionListsNotAssumeIt() {
        Address a = Address.of("A");
        Address b = Address.of("B");
        assertThat(Demo02OneWayPartition.views(a, b, List.of(), List.of(a))).startsWith("-> the views disagree: B suspects A");
        assertThat(Demo02OneWayPartition.views(a, b, List.of(b), List.of(a))).isEqualTo("-> B suspects A, and A suspects B too.");
        assertThat(Demo02OneWayPartition.views(a, b, List.of(b), List.of())).startsWith("-> A suspects B");
        assertThat(Demo02OneWayPartition.views(a, b, List.of(), List.of()))
                .isEqualTo("-> neither A nor B suspects the other at this moment.");
    }

    @Test
    void shouldComputeTheClockDemosClaimsFromItsLaps() throws Exception {
        String fast = run(Demo03ClockDrift::main, "--quick");
        assertThat(fast).contains("98.0 ms of true time (it runs fast)").contains("lap 6 is 80 ms short")
                .contains("B's clocks agree with each other");
        // a slow clock: the narration follows the sign, and the run is long enough for every lap
        String slow = run(Demo03ClockDrift::main, "--quick", "--drift", "-20000");
        assertThat(slow).contains("102.0 ms of true time (it runs slow)").contains("lap 6 is 80 ms short");
        assertThat(Demo03ClockDrift.shortestWallLap(List.of(new long[] {100, 100_000, 0}, new long[] {-30, 100_000, 0})))
                .containsExactly(2, 130);
        assertThat(Demo03ClockDrift.rate(0)).isEqualTo("no drift");
    }

    @Test
    void shouldRunTheClockAndExplorerDemos() throws Exception {
        assertThat(run(Demo03ClockDrift::main, "--quick")).contains("wall stepped back 80.000ms");
        assertThat(run(Demo04Explorer::main, "--quick")).contains("explored 69 states")
                .contains("exactly-once delivery");
    }
}
