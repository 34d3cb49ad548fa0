package dev.dbinternals.ch08.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./ch08 replay <module> <Test#method> <seed>}, the command a failing seed prints, never
 * "passes" without running the test: a misspelt class or method is one line and exit 2 before
 * Maven starts, and a Maven run that executed no test is exit 2 afterwards. Runs
 * {@code tools/Ch08.java} in a child JVM over a small tree of its own, with a stand-in {@code mvn}
 * first on the PATH that records its arguments (so no real build runs here; the real command was
 * checked by hand, see the harness README, "Replay a seed").
 */
class LauncherReplayTest {

    private static final Path ROOT = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent();
    private static Path classes;

    @TempDir
    Path tree;

    record Run(int status, String output) {
    }

    @BeforeAll
    static void compileTheLauncher() throws IOException {
        classes = Files.createTempDirectory("ch08-launcher");
        int rc = javax.tools.ToolProvider.getSystemJavaCompiler().run(null, null, null, "-encoding", "UTF-8", "-nowarn",
                "-d", classes.toString(), ROOT.resolve("tools/Ch08.java").toString());
        assertThat(rc).as("tools/Ch08.java compiles").isZero();
    }

    /** A repository in miniature: two modules with one test class each (one an exercise). */
    @BeforeEach
    void makeTheTree() throws IOException {
        Files.writeString(tree.resolve("tour.txt"), "", StandardCharsets.UTF_8);
        Path links = Files.createDirectories(tree.resolve("ch08-links/src/test/java/x"));
        Files.writeString(tree.resolve("ch08-links/pom.xml"), "<project/>", StandardCharsets.UTF_8);
        Files.writeString(links.resolve("LinkProperties.java"), """
                package x;
                class LinkProperties {
                    @Test
                    void shouldHoldWithHalfOfAllFramesLost() {
                    }
                }
                """, StandardCharsets.UTF_8);
        Files.writeString(links.resolve("LinkExerciseTest.java"), """
                package x;
                @Tag("exercise")
                class LinkExerciseTest {
                    @Test
                    void shouldDeliverOnce() {
                    }
                }
                """, StandardCharsets.UTF_8);
        Path harness = Files.createDirectories(tree.resolve("ch08-harness/src/test/java/y"));
        Files.writeString(tree.resolve("ch08-harness/pom.xml"), "<project/>", StandardCharsets.UTF_8);
        Files.writeString(harness.resolve("SeedsTest.java"), "class SeedsTest { @Test void shouldRun() { } }", StandardCharsets.UTF_8);
    }

    /**
     * A stand-in for Maven: writes its arguments to {@code mvn-args.txt}, then (if {@code testsRun}
     * is not negative) a Surefire report with that many tests, and exits with {@code status}.
     */
    private Path fakeMaven(int testsRun, int status) throws IOException {
        Path bin = Files.createDirectories(tree.resolve("bin"));
        Path mvn = bin.resolve("mvn");
        String report = testsRun < 0 ? "" : "mkdir -p ch08-links/target/surefire-reports\n"
                + "echo '<testsuite name=\"x.LinkProperties\" tests=\"" + testsRun + "\" failures=\"0\" skipped=\"0\">' > ch08-links/target/surefire-reports/TEST-x.LinkProperties.xml\n";
        Files.writeString(mvn, "#!/bin/sh\necho \"$@\" > mvn-args.txt\necho \"$MAVEN_OPTS\" > mvn-opts.txt\n" + report + "exit " + status + "\n",
                StandardCharsets.UTF_8);
        mvn.toFile().setExecutable(true);
        return bin;
    }

    private Run replay(Path bin, String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Dch08.root=" + tree, "-Dfile.encoding=UTF-8", "-Dstdout.encoding=UTF-8",
                "-Dstderr.encoding=UTF-8", "-XX:TieredStopAtLevel=1", "-cp", classes.toString(), "Ch08", "replay"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(tree.toFile()).redirectErrorStream(true);
        pb.environment().put("PATH", bin + ":/usr/bin:/bin"); // POSIX only, as the stand-in is
        pb.environment().put("CH08_LANG", "en");
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), out);
    }

    private String mavenArgs() throws IOException {
        return Files.readString(tree.resolve("mvn-args.txt"), StandardCharsets.UTF_8).strip();
    }

    @Test
    void shouldRefuseAMisspeltClassOrMethodBeforeMavenStarts() throws Exception {
        assumeFalse(System.getProperty("os.name").toLowerCase().startsWith("windows"), "the stand-in Maven is a shell script");
        Path bin = fakeMaven(1, 0);
        Run cls = replay(bin, "links", "LinkPropertes#shouldHoldWithHalfOfAllFramesLost", "417");
        assertThat(cls.status()).isEqualTo(2);
        assertThat(cls.output()).contains("no test class LinkPropertes in ch08-links").contains("did you mean: LinkProperties")
                .doesNotContain("Exception");
        Run method = replay(bin, "links", "LinkProperties#shouldHoldWithHalfOfAllFramesLst", "417");
        assertThat(method.status()).isEqualTo(2);
        assertThat(method.output()).contains("has no method shouldHoldWithHalfOfAllFramesLst").contains("shouldHoldWithHalfOfAllFramesLost");
        assertThat(replay(bin, "links", "LinkProperties#shouldHoldWithHalfOfAllFramesLost", "seven").status()).isEqualTo(2);
        assertThat(replay(bin, "linkz", "LinkProperties#shouldHoldWithHalfOfAllFramesLost", "1").status()).isEqualTo(2);
        assertThat(replay(bin, "links").status()).isEqualTo(2);
        Run help = replay(bin, "--help");
        assertThat(help.status()).as("asked for, so not an error").isZero();
        assertThat(help.output()).startsWith("usage: ./ch08 replay <module> <TestClass#method> <seed>");
        assertThat(tree.resolve("mvn-args.txt")).as("Maven never started").doesNotExist();
    }

    @Test
    void shouldRunThatOneSeedOfThatOneTest() throws Exception {
        assumeFalse(System.getProperty("os.name").toLowerCase().startsWith("windows"), "the stand-in Maven is a shell script");
        Run ok = replay(fakeMaven(1, 0), "ch08-links", "LinkProperties#shouldHoldWithHalfOfAllFramesLost", "417");
        assertThat(ok.status()).as(ok.output()).isZero();
        assertThat(mavenArgs()).isEqualTo("-q -pl ch08-links -am test -Dtest=LinkProperties#shouldHoldWithHalfOfAllFramesLost -Dch08.seed=417 -Dmdep.skip=true");
        assertThat(Files.readString(tree.resolve("mvn-opts.txt"))).contains("-XX:TieredStopAtLevel=1");
        Run exercise = replay(fakeMaven(1, 0), "links", "LinkExerciseTest#shouldDeliverOnce", "3");
        assertThat(exercise.status()).isZero();
        assertThat(mavenArgs()).as("an exercise test runs only with its profile").contains("-Pexercises").contains("-Dtest=LinkExerciseTest#shouldDeliverOnce");
        Run harness = replay(fakeMaven(1, 0), "harness", "SeedsTest#shouldRun", "3");
        assertThat(mavenArgs()).as("the harness, target here, must fail on no such test").contains("-Dsurefire.failIfNoSpecifiedTests=true");
        assertThat(harness.output()).doesNotContain("Exception");
        Run failed = replay(fakeMaven(1, 1), "links", "LinkProperties#shouldHoldWithHalfOfAllFramesLost", "417");
        assertThat(failed.status()).as("the seed fails again: Maven's status").isEqualTo(1);
    }

    @Test
    void shouldFailWhenMavenRanNoTest() throws Exception {
        assumeFalse(System.getProperty("os.name").toLowerCase().startsWith("windows"), "the stand-in Maven is a shell script");
        Run none = replay(fakeMaven(-1, 0), "links", "LinkProperties#shouldHoldWithHalfOfAllFramesLost", "417");
        assertThat(none.status()).isEqualTo(2);
        assertThat(none.output()).contains("Maven ran no test").contains("nothing was replayed");
        Run zero = replay(fakeMaven(0, 0), "links", "LinkProperties#shouldHoldWithHalfOfAllFramesLost", "417");
        assertThat(zero.status()).as("a report of zero tests is no replay either").isEqualTo(2);
    }
}
