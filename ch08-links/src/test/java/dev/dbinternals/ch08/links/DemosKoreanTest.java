package dev.dbinternals.ch08.links;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbinternals.ch08.harness.demo.DemoList;
import dev.dbinternals.ch08.harness.demo.KoreanNarration;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every demo of demos.txt speaks Korean with {@code --lang ko}: Korean narration, headings with
 * Hangul, no English sentence left behind ({@link KoreanNarration}). The udp demo ends with
 * {@code System.exit}, so it runs in a JVM of its own; the others run in this one.
 */
class DemosKoreanTest {

    @Test
    @Tag("slow") // every demo once more, in Korean: the newest-JDK build in CI leaves it to the main run
    void everyDemoSpeaksKorean(@TempDir Path out) throws Exception {
        // given every demo of demos.txt; when each runs with --quick --lang ko
        Map<DemoList.Demo, String> outputs = new LinkedHashMap<>();
        for (DemoList.Demo d : DemoList.ofThisModule()) {
            outputs.put(d, d.name().equals("udp") ? runInOwnJvm(d, "--quick", "--messages", "200", "--lang", "ko")
                    : DemoList.runQuick(d, out.resolve(d.name()), "--lang", "ko"));
        }

        // then each prints Korean narration and no English prose
        assertThat(outputs).hasSize(12);
        assertThat(KoreanNarration.problems(outputs)).isEmpty();
    }

    private static String runInOwnJvm(DemoList.Demo d, String... args) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"), d.mainClass()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        p.getInputStream().transferTo(bytes);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String output = bytes.toString(StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(output).isZero();
        return output;
    }
}
