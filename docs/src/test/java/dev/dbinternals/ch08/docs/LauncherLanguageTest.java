package dev.dbinternals.ch08.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher and the exercise report speak the reader's language: {@code --lang ko|en}, else
 * the locale; a wrong {@code --lang} is a clear error with exit status 2. Runs
 * {@code tools/Ch08.java} and {@code tools/ExerciseReport.java} as the shims do, in a child JVM.
 */
class LauncherLanguageTest {

    private static final Path ROOT = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent();

    /** The tools compiled once: a JVM per run is enough, without compiling the source each time. */
    private static Path classes;

    record Run(int status, String output) {
    }

    @org.junit.jupiter.api.BeforeAll
    static void compileTheTools() throws IOException {
        classes = Files.createTempDirectory("ch08-tools");
        int rc = javax.tools.ToolProvider.getSystemJavaCompiler().run(null, null, null, "-encoding", "UTF-8", "-nowarn",
                "-d", classes.toString(), ROOT.resolve("tools/Ch08.java").toString(),
                ROOT.resolve("tools/ExerciseReport.java").toString());
        assertThat(rc).as("tools/*.java compile").isZero();
    }

    private static Run run(Map<String, String> env, String tool, String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Dch08.root=" + ROOT, "-Dfile.encoding=UTF-8",
                "-Dstdout.encoding=UTF-8", "-Dstderr.encoding=UTF-8", "-Dsun.stdout.encoding=UTF-8",
                "-Dsun.stderr.encoding=UTF-8", "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp", classes.toString(),
                tool.replace(".java", "")));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(ROOT.toFile()).redirectErrorStream(true);
        for (String v : List.of("CH08_LANG", "LC_ALL", "LC_MESSAGES", "LANG")) {
            pb.environment().remove(v);
        }
        pb.environment().put("LANG", "C.UTF-8");
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), out);
    }

    @Test
    void shouldPrintTheHelpInTheLanguageAsked() throws Exception {
        Run ko = run(Map.of(), "Ch08.java", "--lang", "ko", "--help");
        assertThat(ko.status()).isZero();
        assertThat(ko.output()).contains("사용법: ./ch08").contains("--lang en|ko");
        Run en = run(Map.of(), "Ch08.java", "--help", "--lang=en");
        assertThat(en.status()).isZero();
        assertThat(en.output()).contains("usage: ./ch08").doesNotContain("사용법");
    }

    @Test
    void shouldFollowTheLocaleWhenNoLangIsGiven() throws Exception {
        assertThat(run(Map.of("LANG", "ko_KR.UTF-8"), "Ch08.java", "help").output()).contains("사용법");
        assertThat(run(Map.of("LANG", "ko_KR.UTF-8", "LC_ALL", "C.UTF-8"), "Ch08.java", "help").output())
                .as("LC_ALL wins over LANG").doesNotContain("사용법");
        assertThat(run(Map.of("LANG", "ko_KR.UTF-8"), "Ch08.java", "--lang", "en", "help").output())
                .as("--lang wins over the locale").doesNotContain("사용법");
    }

    @Test
    void shouldRejectAWrongLanguageWithExitTwo() throws Exception {
        Run bad = run(Map.of(), "Ch08.java", "list", "--lang", "fr");
        assertThat(bad.status()).isEqualTo(2);
        assertThat(bad.output()).contains("--lang must be en or ko").doesNotContain("Exception");
        Run missing = run(Map.of(), "Ch08.java", "list", "--lang");
        assertThat(missing.status()).isEqualTo(2);
        assertThat(missing.output()).contains("--lang needs a value").doesNotContain("Exception");
    }

    @Test
    void shouldListTheDemosUnderKoreanHeadings() throws Exception {
        Run ko = run(Map.of("CH08_LANG", "ko"), "Ch08.java", "list");
        assertThat(ko.status()).isZero();
        assertThat(ko.output()).contains("동시 수행").contains("두 장군 문제").doesNotContain("Concurrent execution;");
    }

    @Test
    void shouldReportExerciseProgressInKorean(@TempDir Path tree) throws Exception {
        // one module with two exercises: links-1 solved, links-2 not
        Path reports = Files.createDirectories(tree.resolve("ch08-links/target/surefire-reports"));
        Files.writeString(reports.resolve("TEST-a.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <testsuite name="links-1: keeps the maximum" tests="1" failures="0" errors="0" skipped="0">
                  <testcase name="keepsTheMaximum()" classname="x.A"/>
                </testsuite>
                """, StandardCharsets.UTF_8);
        Files.writeString(reports.resolve("TEST-b.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <testsuite name="links-2: holds out-of-order messages" tests="1" failures="1" errors="0" skipped="0">
                  <testcase name="holds()" classname="x.B">
                    <failure message="연습 문제 links-2 를 아직 풀지 않았습니다">trace</failure>
                  </testcase>
                </testsuite>
                """, StandardCharsets.UTF_8);
        Run ko = run(Map.of("CH08_LANG", "ko"), "ExerciseReport.java", "progress", tree.toString(), "ch08-links");
        Run en = run(Map.of(), "ExerciseReport.java", "progress", tree.toString(), "ch08-links");
        assertThat(en.output()).contains("ch08-links: 1/2 exercises solved");
        assertThat(ko.output()).contains("ch08-links: 문제 1/2 해결").contains("아직 풀지 않은 문제");
    }
}
