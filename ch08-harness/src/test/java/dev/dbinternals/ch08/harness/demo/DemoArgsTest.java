package dev.dbinternals.ch08.harness.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one demo command-line parser: typed values, and an error naming what was wrong and what is allowed. */
class DemoArgsTest {

    private static DemoArgs spec(Path out) {
        return DemoArgs.forDemo("t", "a test demo", "시험용 데모")
                .intOption("pings", 20, 1, 100, "pings", "핑")
                .longOption("budget", 10, 1, Long.MAX_VALUE, "budget", "예산")
                .doubleOption("loss", 0.3, 0, 1, "loss", "손실")
                .choiceOption("node", "both", List.of("A", "B", "both"), "node", "노드")
                .flag("chaos", "chaos", "혼돈")
                .fileOption("file", "file", "파일")
                .hostPortOption("addr", "127.0.0.1:0", "address", "주소")
                .option("text", "nil", "free text", "자유 텍스트");
    }

    private static String error(Path out, String... args) {
        String[] withOut = new String[args.length + 2];
        withOut[0] = "--out";
        withOut[1] = out.toString();
        System.arraycopy(args, 0, withOut, 2, args.length);
        try {
            spec(out).parseOrThrow(withOut);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        throw new AssertionError("accepted " + String.join(" ", args));
    }

    @Test
    void shouldReadTypedValuesAndDefaults(@TempDir Path dir) throws Exception {
        Path history = Files.writeString(dir.resolve("h.edn"), "[]", StandardCharsets.UTF_8);
        DemoArgs a = spec(dir).parseOrThrow(new String[] {"--out", dir.resolve("o").toString(), "--pings", "7", "--loss=0.5",
            "--node", "A", "--chaos", "--file", history.toString(), "--seed", "-3", "--quick"});

        assertThat(a.intValue("pings")).isEqualTo(7);
        assertThat(a.longValue("budget")).isEqualTo(10);
        assertThat(a.doubleValue("loss")).isEqualTo(0.5);
        assertThat(a.get("node")).isEqualTo("A");
        assertThat(a.flagValue("chaos")).isTrue();
        assertThat(a.fileValue("file")).contains(history);
        assertThat(a.get("text")).isEqualTo("nil");
        assertThat(a.seed()).isEqualTo(-3);
        assertThat(a.quick()).isTrue();
        assertThat(a.changed("pings")).contains("7");
        assertThat(a.changed("budget")).isEmpty();
        assertThat(dir.resolve("o")).isDirectory();
    }

    @Test
    void shouldAcceptAFlagAloneOrWithTrueOrFalse(@TempDir Path dir) {
        String out = dir.toString();
        assertThat(spec(dir).parseOrThrow(new String[] {"--out", out}).flagValue("chaos")).isFalse();
        assertThat(spec(dir).parseOrThrow(new String[] {"--out", out, "--chaos", "true"}).flagValue("chaos")).isTrue();
        assertThat(spec(dir).parseOrThrow(new String[] {"--out", out, "--chaos=false"}).flagValue("chaos")).isFalse();
    }

    @Test
    void shouldSayWhatWasWrongAndWhatIsAllowed(@TempDir Path dir) {
        assertThat(error(dir, "--pings", "x")).isEqualTo("--pings must be a whole number from 1 to 100, got 'x'");
        assertThat(error(dir, "--pings", "101")).isEqualTo("--pings must be a whole number from 1 to 100, got '101'");
        assertThat(error(dir, "--pings", "1.5")).contains("a whole number");
        assertThat(error(dir, "--budget", "0")).isEqualTo("--budget must be a whole number from 1 up, got '0'");
        assertThat(error(dir, "--loss", "x")).isEqualTo("--loss must be a number from 0 to 1, got 'x'");
        assertThat(error(dir, "--loss", "1.01")).isEqualTo("--loss must be a number from 0 to 1, got '1.01'");
        assertThat(error(dir, "--loss", "NaN")).contains("--loss must be a number from 0 to 1");
        assertThat(error(dir, "--node", "a")).isEqualTo("--node must be one of A, B, both, got 'a'");
        assertThat(error(dir, "--chaos=maybe")).startsWith("--chaos must be true or false");
        assertThat(error(dir, "--chaos", "maybe")).contains("unexpected argument 'maybe' after --chaos");
        assertThat(error(dir, "--file", dir.resolve("nope").toString())).contains("--file must be a readable file").endsWith("(no such file)");
        assertThat(error(dir, "--file", dir.toString())).endsWith("(a folder)");
        assertThat(error(dir, "--addr", "localhost")).startsWith("--addr must be host:port");
        assertThat(error(dir, "--addr", "127.0.0.1:65536")).contains("port must be 0..65535");
        assertThat(error(dir, "--seed", "x")).isEqualTo("--seed must be a whole number, got 'x'");
        assertThat(error(dir, "--pings")).isEqualTo("--pings needs a value: a whole number from 1 to 100");
        assertThat(error(dir, "--pings", "--quick")).startsWith("--pings needs a value");
        assertThat(error(dir, "--bogus")).startsWith("unknown option '--bogus' (valid: --quick, --seed, --out, --lang, --help, --pings");
        assertThat(error(dir, "stray")).startsWith("unexpected argument 'stray'; options start with --");
    }

    @Test
    void shouldRejectAnOutFolderItCannotCreateBeforeTheDemoRuns(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x", StandardCharsets.UTF_8);

        assertThat(error(dir, "--out", file.toString())).isEqualTo("--out must be a folder this demo can create and write in, got '"
                + file + "' (" + file + " exists and is not a folder)");
        assertThat(error(dir, "--out", file.resolve("sub").toString())).startsWith("--out must be a folder this demo can create");
    }

    @Test
    void shouldNotCreateTheOutFolderOfADemoThatWritesNoFiles(@TempDir Path dir) {
        Path out = dir.resolve("never");
        DemoArgs.forDemo("t", "t", "시험").writesNoFiles().parseOrThrow(new String[] {"--out", out.toString()});

        assertThat(out).doesNotExist();
    }

    @Test
    void shouldRunCrossOptionChecksAndTakeOneBareArgumentAsThePositionalOption(@TempDir Path dir) throws Exception {
        Path history = Files.writeString(dir.resolve("h.edn"), "[]", StandardCharsets.UTF_8);
        DemoArgs a = DemoArgs.forDemo("t", "t", "시험").writesNoFiles().fileOption("file", "file", "파일").positional("file")
                .intOption("n", 1, 0, 9, "n", "n")
                .check(x -> {
                    if (x.quick() && x.intValue("n") > 4) {
                        throw new IllegalArgumentException("--n must be at most 4 with --quick");
                    }
                });

        assertThat(a.parseOrThrow(new String[] {"--n", "7", history.toString()}).fileValue("file")).contains(history);
        assertThatThrownBy(() -> DemoArgs.forDemo("t", "t", "시험").writesNoFiles().intOption("n", 1, 0, 9, "n", "n")
                .check(x -> {
                    throw new IllegalArgumentException("--n must be at most 4 with --quick");
                }).parseOrThrow(new String[] {"--quick"}))
                .hasMessage("--n must be at most 4 with --quick");
        assertThatThrownBy(() -> DemoArgs.forDemo("t", "t", "시험").writesNoFiles().fileOption("file", "f", "파일").positional("file")
                .parseOrThrow(new String[] {history.toString(), history.toString()}))
                .hasMessageContaining("only one file may be given");
    }

    @Test
    void shouldListEveryOptionWithWhatItAllowsAndItsDefaultInTheUsage(@TempDir Path dir) {
        String usage = spec(dir).usage();

        assertThat(usage).startsWith("usage: t [--quick] [--seed N] [--out DIR] [--lang en|ko] [--pings N] [--budget N] [--loss X] [--node A|B|both] [--chaos]")
                .contains("--pings N").contains("a whole number from 1 to 100 (default 20)")
                .contains("a number from 0 to 1 (default 0.3)").contains("one of A, B, both (default both)")
                .contains("off unless given").contains("--help");
        assertThatThrownBy(() -> spec(dir).parseOrThrow(new String[] {"--loss", "x", "--help"}))
                .isInstanceOf(DemoArgs.HelpRequested.class);
    }

    @Test
    void shouldRefuseADefaultOutsideItsOwnRangeAtDeclaration() {
        assertThatThrownBy(() -> DemoArgs.forDemo("t", "t", "시험").intOption("n", 10, 0, 9, "n", "n"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("--n must be a whole number from 0 to 9, got '10'");
        assertThatThrownBy(() -> DemoArgs.forDemo("t", "t", "시험").intOption("seed", 1, 0, 9, "n", "n"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldExitWithStatusTwoAndNoStackTraceWhenRunThroughDemoList(@TempDir Path dir) throws Exception {
        DemoList.Demo demo = new DemoList.Demo("ping-pong", Demo01LossyPingPong.class.getName(), "t");

        DemoList.Outcome bad = DemoList.runParsing(demo, java.util.List.of("--loss", "2", "--out", dir.toString()));
        DemoList.Outcome help = DemoList.runParsing(demo, java.util.List.of("--help"));

        assertThat(bad.status()).isEqualTo(2);
        assertThat(bad.output()).startsWith("ping-pong: --loss must be a number from 0 to 0.95, got '2'")
                .contains("usage: ping-pong").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(help.status()).isZero();
        assertThat(help.output()).startsWith("usage: ping-pong");
    }
}
