package dev.dbinternals.ch08.concurrency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbinternals.ch08.harness.lang.Columns;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("check-history: verdicts as exit codes, clear errors on bad input")
class CheckHistoryCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String content, String model, String initial, boolean independent) throws IOException {
        Path f = dir.resolve("history.edn");
        Files.writeString(f, content);
        return Demo05CheckHistory.checkFile(f.toString(), model, initial, independent, false, "linearizable", 1_000_000, 10,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void shouldExitZeroAndPrintAWitnessForALinearizableHistory() throws IOException {
        int code = run("{:process 0, :type :invoke, :f :write, :value 3}\n{:process 0, :type :ok, :f :write, :value 3}\n"
                + "{:process 1, :type :invoke, :f :read, :value nil}\n{:process 1, :type :ok, :f :read, :value 3}\n", "register", "nil", false);

        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("LINEARIZABLE", "witness order", "p1 read → 3");
    }

    @Test
    void shouldExitOneAndPrintTheCoreForANonLinearizableHistory() throws IOException {
        int code = run("{:process 0, :type :invoke, :f :add, :value 1}\n{:process 1, :type :invoke, :f :add, :value 1}\n"
                + "{:process 0, :type :ok, :f :add, :value 1}\n{:process 1, :type :ok, :f :add, :value 1}\n"
                + "{:process 2, :type :invoke, :f :read}\n{:process 2, :type :ok, :f :read, :value 1}\n", "counter", "0", false);

        assertThat(code).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("NOT LINEARIZABLE", "p2 read → 1");
    }

    @Test
    void shouldCheckAMutexAndAMultiRegisterFromTheCommandLine() throws IOException {
        // a mutex acquired twice without a release in between, with a failed acquire that does not count
        int mutex = run("""
                {:type :invoke, :f :acquire, :process 0, :index 0}
                {:type :ok, :f :acquire, :process 0, :index 1}
                {:type :invoke, :f :acquire, :process 1, :index 2}
                {:type :fail, :f :acquire, :process 1, :error :already-held, :index 3}
                {:type :invoke, :f :acquire, :process 2, :index 4}
                {:type :ok, :f :acquire, :process 2, :index 5}
                """, "mutex", "nil", false);
        assertThat(mutex).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("model mutex: NOT LINEARIZABLE").doesNotContain("initial nil");

        int multi = run("""
                {:type :invoke, :f :txn, :value [[:write :x 1]], :process 0}
                {:type :ok, :f :txn, :value [[:write :x 1]], :process 0}
                {:type :invoke, :f :txn, :value [[:read :x nil] [:read :y nil]], :process 1}
                {:type :ok, :f :txn, :value [[:read :x 1] [:read :y 0]], :process 1}
                """, "multi-register", "{:x 0, :y 0}", false);
        assertThat(multi).isZero();
    }

    @Test
    void shouldExitTwoWithLineAndColumnOnGarbage() throws IOException {
        int code = run("{:process 0, :type :invoke, :f :write, :value 3}\n{:process 0 :type :ok :f :write :value [3}", "register", "nil", false);

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("line 2, column");
    }

    @Test
    void shouldExitTwoOnAnUnknownModelOrOperation() throws IOException {
        assertThat(run("{:process 0, :type :invoke, :f :read}", "queue", "nil", false)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--model must be register, cas-register, counter, mutex or multi-register");
        assertThat(run("{:process 0, :type :invoke, :f :enqueue, :value 1}\n{:process 0, :type :ok, :f :enqueue, :value 1}", "register", "nil", false))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no operation :enqueue");
    }

    @Test
    void shouldExitTwoOnAMissingFile() {
        int code = Demo05CheckHistory.checkFile(dir.resolve("nope.edn").toString(), "register", "nil", false, false, "linearizable", 10, 10,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no such file");
    }

    // ---- hostile input: a clear message and exit 2 ("bad input"), never 0 or 1, never a stack trace (issue 12 §5)

    @Test
    void shouldRefuseCollectionsNestedThousandsDeep() throws IOException {
        int code = run("[".repeat(5000) + "]".repeat(5000), "register", "nil", false);

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("nested more than").doesNotContain("StackOverflow");
    }

    @Test
    void shouldRefuseAnEmptyFileAndOneWithoutOperations() throws IOException {
        assertThat(run("", "register", "nil", false)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("is empty");
        err.reset();
        assertThat(run("  \n ; only a comment\n", "register", "nil", false)).isEqualTo(2);
        assertThat(run("[]", "register", "nil", false)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no operation");
    }

    @Test
    void shouldSayABinaryFileIsNotText() throws IOException {
        Path f = dir.resolve("binary.edn");
        Files.write(f, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, (byte) 0xc3, 0x28});
        int code = Demo05CheckHistory.checkFile(f.toString(), "register", "nil", false, false, "linearizable", 1_000_000, 10,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("not UTF-8 text").doesNotContain("Input length");
    }

    @Test
    void shouldRefuseANumberAMillionDigitsLong() throws IOException {
        int code = run("{:process 0, :type :invoke, :f :write, :value " + "7".repeat(1_000_000) + "}\n", "register", "nil", false);

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("a number of 1000000 characters");
    }

    // ---- many files in one JVM (issue 12 §5)

    private static final String GOOD = "{:process 0, :type :invoke, :f :write, :value 3}\n{:process 0, :type :ok, :f :write, :value 3}\n"
            + "{:process 1, :type :invoke, :f :read, :value nil}\n{:process 1, :type :ok, :f :read, :value 3}\n";
    private static final String STALE = "{:process 0, :type :invoke, :f :write, :value 3}\n{:process 0, :type :ok, :f :write, :value 3}\n"
            + "{:process 1, :type :invoke, :f :read, :value nil}\n{:process 1, :type :ok, :f :read, :value 0}\n";

    private Demo05CheckHistory.Settings settings(String failedCas) {
        return new Demo05CheckHistory.Settings("cas-register", "0", false, false, "linearizable", 1_000_000, 10, failedCas);
    }

    private int batch(java.util.List<String> paths) {
        return Demo05CheckHistory.checkMany(paths, settings("drop"), new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    @Test
    void shouldCheckAFolderRecursivelyAndGiveOneRowPerFile() throws IOException {
        Files.createDirectories(dir.resolve("a/b"));
        Files.writeString(dir.resolve("a/one.edn"), GOOD);
        Files.writeString(dir.resolve("a/b/two.edn"), GOOD);
        Files.writeString(dir.resolve("a/b/notes.txt"), "not a history");

        int code = batch(java.util.List.of(dir.resolve("a").toString()));

        String report = out.toString(StandardCharsets.UTF_8);
        assertThat(code).isZero();
        assertThat(report.lines().filter(l -> l.contains(".edn") && l.contains("linearizable"))).hasSize(2);
        assertThat(report).doesNotContain("notes.txt").contains("2 files in one JVM", "2 linearizable", "exit status 0");
    }

    @Test
    void shouldGiveAGarbageFileItsRowAndGoOnWithTheOthers() throws IOException {
        Files.writeString(dir.resolve("good.edn"), GOOD);
        Files.write(dir.resolve("garbage.edn"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, (byte) 0xc3, 0x28});
        Files.writeString(dir.resolve("nested.edn"), "[".repeat(5000));

        int code = batch(java.util.List.of(dir.resolve("good.edn").toString(), dir.resolve("garbage.edn").toString(),
                dir.resolve("nested.edn").toString()));

        String report = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as("bad input, and nothing worse").isEqualTo(2);
        assertThat(report).contains("not UTF-8 text", "nested more than", "1 linearizable", "2 bad input")
                .doesNotContain("Exception", "\tat ");
        assertThat(report.lines().filter(l -> l.contains("good.edn")).findFirst().orElseThrow()).contains("linearizable");
    }

    @Test
    void shouldExitWithTheWorstVerdictANotLinearizableFileAboveABadOne() throws IOException {
        Files.writeString(dir.resolve("good.edn"), GOOD);
        Files.writeString(dir.resolve("stale.edn"), STALE);
        Files.writeString(dir.resolve("empty.edn"), "");

        int code = batch(java.util.List.of(dir.toString(), dir.resolve("missing.edn").toString()));

        assertThat(code).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("NOT linearizable", "is empty", "no such file", "4 files in one JVM",
                "1 not", "2 bad input");
    }

    @Test
    void shouldRankBadInputAboveUnknownAndUnknownAboveLinearizable() throws IOException {
        Path good = Files.writeString(dir.resolve("good.edn"), GOOD);
        Path empty = Files.writeString(dir.resolve("empty.edn"), "");
        // a budget of one search step: the check of good.edn gives up (UNKNOWN)
        Demo05CheckHistory.Settings oneStep = new Demo05CheckHistory.Settings("cas-register", "0", false, false, "linearizable", 1, 10, "drop");
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);

        assertThat(Demo05CheckHistory.checkMany(java.util.List.of(good.toString()), settings("drop"), o)).isZero();
        assertThat(Demo05CheckHistory.checkMany(java.util.List.of(good.toString()), oneStep, o)).as("unknown over linearizable").isEqualTo(3);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("UNKNOWN (budget)", "1 unknown");
        assertThat(Demo05CheckHistory.checkMany(java.util.List.of(empty.toString(), good.toString()), oneStep, o))
                .as("bad input over unknown").isEqualTo(2);
    }

    @Test
    void shouldNameTheFolderARelativePathWasLookedForIn() {
        String cwd = Path.of("").toAbsolutePath().toString();

        assertThat(Demo05CheckHistory.noSuchFile("no/such.edn")).contains("no such file: no/such.edn", cwd, "absolute path");
        assertThat(Demo05CheckHistory.noSuchFile(dir.resolve("none.edn").toString())).doesNotContain("relative");
        assertThat(batch(java.util.List.of("no/such.edn", dir.toString() + "/none.edn"))).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("a relative path is read from " + cwd);
    }

    @Test
    void shouldTellPathsFromOptionValues() {
        java.util.List<String> paths = new java.util.ArrayList<>();
        java.util.List<String> rest = new java.util.ArrayList<>();
        Demo05CheckHistory.splitPaths(new String[] {"a.edn", "--model", "register", "--independent", "true", "dir", "--initial=0",
                "--failed-cas", "read-other", "b.edn"}, paths, rest);

        assertThat(paths).containsExactly("a.edn", "dir", "b.edn");
        assertThat(rest).containsExactly("--model", "register", "--independent", "true", "--initial=0", "--failed-cas", "read-other");
    }

    // ---- :fail on a CAS (issue 12 §5)

    @Test
    void shouldGiveDifferentVerdictsForAFailedCasWithEachFlagValue() throws IOException {
        Path f = dir.resolve("failed-cas.edn");
        Files.writeString(f, """
                {:process 0, :type :invoke, :f :write, :value 1}
                {:process 0, :type :ok, :f :write, :value 1}
                {:process 1, :type :invoke, :f :cas, :value [1 2]}
                {:process 1, :type :fail, :f :cas, :value [1 2]}
                """);
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);

        assertThat(Demo05CheckHistory.checkFile(f.toString(), settings("drop"), o, e)).isZero();
        assertThat(Demo05CheckHistory.checkFile(f.toString(), settings("read-other"), o, e)).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("a failed :cas kept as a read of another value", "cas-failed [1 2]");
    }

    @Test
    void shouldCountHangulAsTwoColumnsSoKoreanTablesLineUp() {
        assertThat(Columns.width("선형적")).isEqualTo(6);
        assertThat(Columns.width("/tmp/a.edn")).isEqualTo(10);
        assertThat(Columns.width("잘못된 입력")).isEqualTo(11);
    }
}
