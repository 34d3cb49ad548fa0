package dev.dbinternals.ch08.concurrency;

import static org.assertj.core.api.Assertions.assertThat;

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
}
