package dev.dbinternals.ch08.concurrency;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

import dev.dbinternals.ch08.harness.check.CheckResult;
import dev.dbinternals.ch08.harness.check.LinearizabilityChecker;
import dev.dbinternals.ch08.harness.check.Model;
import dev.dbinternals.ch08.harness.check.Models;
import dev.dbinternals.ch08.harness.check.SequentialConsistencyChecker;
import dev.dbinternals.ch08.harness.check.Verdict;
import dev.dbinternals.ch08.harness.history.Edn;
import dev.dbinternals.ch08.harness.history.EdnParseException;
import dev.dbinternals.ch08.harness.history.History;
import dev.dbinternals.ch08.harness.history.JepsenHistory;
import dev.dbinternals.ch08.harness.history.Operation;
import dev.dbinternals.ch08.harness.demo.DemoArgs;
import dev.dbinternals.ch08.harness.lang.Columns;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Checks a Jepsen history file (EDN) for linearizability or sequential consistency and prints a
 * witness order or a small non-linearizable core. Without a file, checks the bundled examples.
 *
 * <pre>
 * ./ch08 demo ch08-concurrency check-history path/to/history.edn --model cas-register
 * </pre>
 *
 * <p>Exit status: 0 valid, 1 not valid, 3 unknown (budget exhausted), 2 bad arguments or bad input.
 *
 * <p>Several files, or folders (every {@code *.edn} under them): each is checked in this one JVM,
 * a summary table is printed (file, operations, model, verdict, time), and the exit status is
 * the worst one (see {@link #checkMany}); a bad file gets its row and does not stop the others.
 *
 * <p>{@code --failed-cas}: a {@code :cas} completed with {@code :fail} is dropped by default (it did
 * not happen, as Knossos reads {@code :fail}), or with {@code read-other} kept as a read that saw a
 * value other than the expected one (as the etcd model in Porcupine's tests): see
 * {@link JepsenHistory#withFailedCasAsReads}.
 *
 * <p>Book: Chapter 8, "State Consistency" (상태 일관성).
 */
public final class Demo05CheckHistory {

    private static final String[] SAMPLES = {"stale-read.edn", "cas-register.edn", "racy-counter.edn", "independent.edn"};

    private Demo05CheckHistory() {
    }

    /** Options that take a value (the next token, unless written --name=value), so a path is never mistaken for one. */
    private static final Set<String> VALUED = Set.of("--model", "--initial", "--consistency", "--budget", "--witness", "--file",
            "--failed-cas", "--seed", "--out", "--lang");

    private static DemoArgs options() {
        return DemoArgs.forDemo("check-history", "check Jepsen EDN history files (several files or folders: a summary table), or the bundled examples when none is given",
                        "Jepsen EDN 히스토리 파일을 검사한다 (파일이나 폴더를 여럿 주면 요약 표). 파일을 주지 않으면 함께 들어 있는 예제를 검사한다")
                .fileOption("file", "the history file (or give it alone, without --file; or several files and folders)",
                        "히스토리 파일 (--file 없이 파일만 줘도 된다. 파일과 폴더를 여럿 줘도 된다)")
                .positional("file")
                .choiceOption("model", "cas-register", List.of("register", "cas-register", "counter", "mutex", "multi-register"),
                        "the object the history operates on", "히스토리가 다루는 객체")
                .option("initial", "nil", "the object's initial value, in EDN (a counter takes an integer; nil means 0)",
                        "객체의 초깃값, EDN으로 (카운터는 정수를 받는다. nil은 0이다)")
                .choiceOption("consistency", "linearizable", List.of("linearizable", "sequential"),
                        "what to check (sequential: small histories only)", "무엇을 검사할지 (sequential: 작은 히스토리만)")
                .longOption("budget", 10_000_000, 1, Long.MAX_VALUE, "search steps per key before answering UNKNOWN",
                        "UNKNOWN이라고 답하기 전에 키마다 쓸 탐색 단계 수")
                .intOption("witness", 20, 0, 1_000_000, "how many operations of a witness order to print", "증거 순서 중 몇 개의 연산을 출력할지")
                .flag("independent", "client values are [key value] tuples; each key is checked on its own",
                        "클라이언트 값이 [key value] 튜플이다. 키마다 따로 검사한다")
                .flag("strict-nil-reads", "a read of nil means the register held nil (default: matches anything, as Knossos)",
                        "nil 읽기는 레지스터에 nil이 들어 있었다는 뜻이다 (기본값: Knossos처럼 어떤 값과도 맞는다)")
                .choiceOption("failed-cas", "drop", List.of("drop", "read-other"),
                        "a :cas that completed with :fail: drop it (did not happen, as Knossos) or read-other (it saw a value other than the expected one, as Porcupine's etcd model)",
                        ":fail 로 끝난 :cas: drop 은 버린다 (일어나지 않았다, Knossos처럼), read-other 는 기대값이 아닌 값을 본 읽기로 둔다 (Porcupine의 etcd 모델처럼)")
                .check(x -> model(x.get("model"), x.get("initial"), x.flagValue("strict-nil-reads")))
                .writesNoFiles();
    }

    public static void main(String[] args) {
        // several paths, or a folder: batch mode in this one JVM; one file or none: as before
        List<String> paths = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        splitPaths(args, paths, rest);
        if (paths.size() > 1 || (paths.size() == 1 && Files.isDirectory(Path.of(paths.get(0))))) {
            DemoArgs a = options().parse(rest.toArray(String[]::new));
            a.fileValue("file").ifPresent(f -> paths.add(0, f.toString()));
            System.exit(checkMany(paths, settings(a), DemoSupport.stdout()));
        }
        if (paths.size() == 1 && !paths.get(0).startsWith("-") && !exists(paths.get(0))) {
            // a wrong option is reported first, by the parser, as before (a stray token after an unknown
            // option lands here as a "path"); then, instead of the parser's generic "must be a readable
            // file", where a relative path was looked for
            options().parse(rest.toArray(String[]::new));
            System.err.println("check-history: " + noSuchFile(paths.get(0)));
            System.exit(2);
        }
        DemoArgs a = options().parse(args);
        PrintStream out = DemoSupport.stdout();
        String file = a.fileValue("file").map(Path::toString).orElse(null);
        boolean strictNil = a.flagValue("strict-nil-reads");
        try {
            if (file == null) {
                DemoArgs.heading(out, t("No file given: checking the bundled example histories", "파일이 없다: 함께 들어 있는 예제 히스토리를 검사한다"));
                out.println(t("(flags --independent and --strict-nil-reads take no value; usage: check-history --help)",
                        "(플래그 --independent 와 --strict-nil-reads 는 값을 받지 않는다. 사용법: check-history --help)"));
                for (String sample : SAMPLES) {
                    String text = resource(sample);
                    String model = sample.equals("racy-counter.edn") ? "counter" : sample.equals("cas-register.edn") ? "cas-register" : "register";
                    boolean indep = sample.equals("independent.edn");
                    DemoArgs.heading(out, sample + t(" (model " + model + (indep ? ", independent keys" : "") + ", initial 0)",
                            " (모델 " + model + (indep ? ", 독립 키" : "") + ", 초깃값 0)"));
                    out.print(t(text.lines().filter(l -> l.startsWith(";")).map(l -> l + "\n").reduce("", String::concat), sampleKo(sample)));
                    History h = JepsenHistory.parse(text, indep);
                    Model<?> m = model(model, model.equals("counter") ? "0" : "0", strictNil);
                    out.print(LinearizabilityChecker.create().check(h, m).render(20));
                    if (sample.equals("stale-read.edn")) {
                        out.print(SequentialConsistencyChecker.create().check(h, m).render(20));
                    }
                }
                return;
            }
            System.exit(checkFile(file, settings(a), out, System.err));
        } catch (EdnParseException e) {
            System.err.println("check-history: " + (file == null ? "" : file + ": ") + e.getMessage());
            System.exit(2);
        } catch (IllegalArgumentException e) {
            System.err.println("check-history: " + e.getMessage());
            System.exit(2);
        }
    }

    /** What to check, as given on the command line. */
    record Settings(String model, String initial, boolean independent, boolean strictNil, String consistency, long budget, int witness,
                    String failedCas) {
    }

    private static Settings settings(DemoArgs a) {
        return new Settings(a.get("model"), a.get("initial"), a.flagValue("independent"), a.flagValue("strict-nil-reads"), a.get("consistency"),
                a.longValue("budget"), a.intValue("witness"), a.get("failed-cas"));
    }

    /** The tokens that are paths (not options, not an option's value), in order; the rest in {@code rest}. */
    static void splitPaths(String[] args, List<String> paths, List<String> rest) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                boolean flagValue = (a.equalsIgnoreCase("true") || a.equalsIgnoreCase("false")) && i > 0 && args[i - 1].startsWith("--");
                if (flagValue) {
                    rest.add(a);
                } else {
                    paths.add(a);
                }
                continue;
            }
            rest.add(a);
            if (VALUED.contains(a) && i + 1 < args.length) {
                rest.add(args[++i]);
            }
        }
    }

    /** How one file came out: the exit status it alone would give, and a row of the summary. */
    record Outcome(int status, int operations, long millis, String error) {
    }

    /**
     * Checks every file (folders: every {@code *.edn} file under them, recursively, in name order)
     * in this JVM and prints one row per file, then returns the worst status. Worst first: 1 (not
     * linearizable) &gt; 2 (bad input) &gt; 3 (unknown) &gt; 0. A proven violation is what a CI
     * job runs the checker for, so no other file's trouble may hide it; a file that could not be
     * read was not checked at all, which is worse than a check that ran out of budget.
     */
    static int checkMany(List<String> paths, Settings s, PrintStream out) {
        List<String> files = new ArrayList<>();
        List<Outcome> outcomes = new ArrayList<>();
        for (String p : paths) {
            Path path = Path.of(p);
            if (!Files.isDirectory(path)) {
                files.add(p);
                continue;
            }
            try (Stream<Path> walk = Files.walk(path)) {
                List<String> found = walk.filter(f -> Files.isRegularFile(f) && f.getFileName().toString().endsWith(".edn"))
                        .map(Path::toString).sorted().toList();
                if (found.isEmpty()) {
                    files.add(p + "/");
                } else {
                    files.addAll(found);
                }
            } catch (IOException | java.io.UncheckedIOException e) {
                files.add(p + "/");
            }
        }
        long started = System.nanoTime();
        PrintStream quiet = new PrintStream(java.io.OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
        for (String f : files) {
            if (f.endsWith("/")) {
                outcomes.add(new Outcome(2, -1, 0, t("a folder with no readable .edn file", "읽을 수 있는 .edn 파일이 없는 폴더")));
                continue;
            }
            outcomes.add(check(f, s, quiet));
        }
        long total = (System.nanoTime() - started) / 1_000_000;
        int width = Math.max(Columns.width(t("file", "파일")), files.stream().mapToInt(Columns::width).max().orElse(4));
        out.println(Columns.left(t("file", "파일"), width) + "  " + Columns.right(t("ops", "연산"), 9) + "  " + Columns.left(t("model", "모델"), 14) + "  "
                + Columns.left(t("verdict", "판정"), 24) + "  " + Columns.right("ms", 8));
        int[] count = new int[4];
        int worst = 0;
        for (int i = 0; i < files.size(); i++) {
            Outcome o = outcomes.get(i);
            count[o.status()]++;
            worst = rank(o.status()) > rank(worst) ? o.status() : worst;
            out.println(Columns.left(files.get(i), width) + "  " + Columns.right(o.operations() < 0 ? "-" : String.valueOf(o.operations()), 9) + "  "
                    + Columns.left(o.status() == 2 ? "-" : s.model(), 14) + "  " + Columns.left(verdictText(o.status(), s.consistency()), 24) + "  "
                    + Columns.right(o.status() == 2 ? "-" : String.valueOf(o.millis()), 8));
            if (o.error() != null) {
                out.println("  " + o.error());
            }
        }
        out.printf(t("%d files in one JVM, %d ms: %d %s, %d not, %d unknown, %d bad input; exit status %d"
                        + " (the worst: not valid 1 > bad input 2 > unknown 3 > all valid 0)%n",
                        "파일 %d개를 JVM 하나에서 %d ms: %d개 %s, %d개 위반, %d개 알 수 없음, %d개 잘못된 입력. 종료 상태 %d"
                        + " (가장 나쁜 것: 위반 1 > 잘못된 입력 2 > 알 수 없음 3 > 모두 만족 0)%n"),
                files.size(), total, count[0], verdictText(0, s.consistency()), count[1], count[3], count[2], worst);
        return worst;
    }

    private static int rank(int status) {
        return switch (status) {
            case 1 -> 3;
            case 2 -> 2;
            case 3 -> 1;
            default -> 0;
        };
    }

    private static String verdictText(int status, String consistency) {
        boolean lin = consistency.equals("linearizable");
        return switch (status) {
            case 0 -> lin ? t("linearizable", "선형적") : t("sequentially consistent", "순차 일관적");
            case 1 -> lin ? t("NOT linearizable", "선형적이지 않음") : t("NOT sequentially consistent", "순차 일관적이지 않음");
            case 3 -> t("UNKNOWN (budget)", "알 수 없음 (예산)");
            default -> t("bad input", "잘못된 입력");
        };
    }

    /**
     * Checks one history file and prints the report; returns the exit status (0 valid, 1 not,
     * 3 unknown, 2 bad input) instead of exiting, so tests can call it.
     */
    static int checkFile(String file, String modelName, String initial, boolean independent, boolean strictNil, String consistency,
                         long budget, int witness, PrintStream out, PrintStream err) {
        return checkFile(file, new Settings(modelName, initial, independent, strictNil, consistency, budget, witness, "drop"), out, err);
    }

    static int checkFile(String file, Settings s, PrintStream out, PrintStream err) {
        Outcome o = check(file, s, out);
        if (o.error() != null) {
            err.println("check-history: " + o.error());
        }
        return o.status();
    }

    /** Checks one file, printing its report to {@code out}; bad input comes back as status 2 with one line, never thrown. */
    static Outcome check(String file, Settings s, PrintStream out) {
        int operations = -1;
        try {
            String text;
            try {
                text = Files.readString(Path.of(file), StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                throw new IllegalArgumentException(noSuchFile(file));
            } catch (java.nio.charset.CharacterCodingException e) {
                throw new IllegalArgumentException(t(file + " is not UTF-8 text (a binary file?): a history is an EDN text file",
                        file + "은(는) UTF-8 텍스트가 아닙니다(바이너리 파일인가요?): 히스토리는 EDN 텍스트 파일입니다"));
            } catch (IOException | java.nio.file.InvalidPathException e) {
                throw new IllegalArgumentException(t("cannot read ", "읽을 수 없습니다: ") + file + ": " + e.getMessage());
            }
            if (text.isBlank()) {
                throw new IllegalArgumentException(t(file + " is empty: a history has at least one operation",
                        file + "이(가) 비어 있습니다: 히스토리에는 연산이 적어도 하나 있어야 합니다"));
            }
            History h;
            try {
                h = JepsenHistory.parse(text, s.independent());
            } catch (EdnParseException e) {
                return new Outcome(2, -1, 0, file + ": " + e.getMessage());
            }
            if (h.events().isEmpty()) {
                throw new IllegalArgumentException(t(file + " holds no operation: nothing to check",
                        file + "에는 연산이 하나도 없습니다: 검사할 것이 없습니다"));
            }
            Model<?> m = model(s.model(), s.initial(), s.strictNil());
            boolean readOther = s.failedCas().equals("read-other");
            List<Operation> ops = readOther ? JepsenHistory.withFailedCasAsReads(h) : h.operations();
            operations = ops.size();
            h.warnings().forEach(w -> out.println(t("warning: ", "경고: ") + w));
            boolean hasReads = !s.model().equals("counter") && !s.model().equals("mutex");
            out.printf(t("%s: %d events, %d client operations (%s), model %s%s%s%n",
                            "%s: 이벤트 %d개, 클라이언트 연산 %d개 (%s), 모델 %s%s%s%n"), file, h.events().size(),
                    ops.size(), readOther ? t(":fail ones removed, but a failed :cas kept as a read of another value",
                            ":fail 연산은 뺐다. 다만 실패한 :cas 는 다른 값을 본 읽기로 남겼다") : t(":fail ones removed", ":fail 연산은 뺐다"),
                    m.name(), s.model().equals("mutex") ? ""
                            : t(", initial ", ", 초깃값 ") + (s.model().equals("counter") && s.initial().equals("nil") ? "0" : s.initial()),
                    s.strictNil() || !hasReads ? "" : t(" (Knossos semantics: a read of nil matches any value; --strict-nil-reads to change)",
                            " (Knossos 의미: nil 읽기는 어떤 값과도 맞는다. 바꾸려면 --strict-nil-reads)"));
            long started = System.nanoTime();
            CheckResult r = switch (s.consistency()) {
                case "linearizable" -> LinearizabilityChecker.create().withBudget(s.budget()).check(ops, m);
                case "sequential" -> SequentialConsistencyChecker.create().withBudget(s.budget()).check(ops, m);
                default -> throw new IllegalArgumentException(t("--consistency must be linearizable or sequential, got '",
                        "--consistency 는 linearizable 또는 sequential 이어야 합니다. 받은 값: '") + s.consistency() + "'");
            };
            long millis = (System.nanoTime() - started) / 1_000_000;
            out.print(r.render(s.witness()));
            out.printf(t("checked in %d ms, %d search configurations%n", "검사 %d ms, 탐색한 구성 %d개%n"), millis, r.configurations());
            return new Outcome(r.verdict() == Verdict.OK ? 0 : r.verdict() == Verdict.VIOLATED ? 1 : 3, operations, millis, null);
        } catch (EdnParseException e) {
            return new Outcome(2, operations, 0, file + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            return new Outcome(2, operations, 0, e.getMessage());
        }
    }

    private static boolean exists(String file) {
        try {
            return Files.exists(Path.of(file));
        } catch (java.nio.file.InvalidPathException e) {
            return true; // not a path we can look up: the option parser says what is wrong with it
        }
    }

    /**
     * "No such file", naming the folder a relative path was read from: the launcher starts this JVM
     * in the repository root, not in the folder {@code ./ch08} was called from, so a relative path
     * that exists where the reader stands is not found here.
     */
    static String noSuchFile(String file) {
        if (Path.of(file).isAbsolute()) {
            return t("no such file: ", "그런 파일이 없습니다: ") + file;
        }
        String dir = Path.of("").toAbsolutePath().toString();
        return t("no such file: " + file + " (a relative path is read from " + dir + ", the folder this program runs in;"
                        + " ./ch08 runs it in the repository root: give an absolute path)",
                "그런 파일이 없습니다: " + file + " (상대 경로는 이 프로그램이 실행되는 폴더 " + dir + " 에서 읽습니다."
                        + " ./ch08 은 저장소 루트에서 실행합니다: 절대 경로를 주세요)");
    }

    static Model<?> model(String name, String initialEdn, boolean strictNil) {
        Object initial;
        try {
            initial = Edn.read(initialEdn);
        } catch (EdnParseException e) {
            throw new IllegalArgumentException(t("--initial is not an EDN value: ", "--initial 이 EDN 값이 아닙니다: ") + e.getMessage());
        }
        return switch (name) {
            case "register" -> strictNil ? Models.register(initial) : Models.knossosRegister(initial);
            case "cas-register" -> strictNil ? Models.casRegister(initial) : Models.knossosCasRegister(initial);
            case "counter" -> {
                if (initial == null) {
                    yield Models.counter(0);
                }
                if (!(initial instanceof Long l)) {
                    throw new IllegalArgumentException(t("--initial of a counter must be an integer, got ", "카운터의 --initial 은 정수여야 합니다. 받은 값: ")
                            + initialEdn);
                }
                yield Models.counter(l);
            }
            case "mutex" -> Models.mutex();
            case "multi-register" -> {
                if (initial != null && !(initial instanceof java.util.Map<?, ?>)) {
                    throw new IllegalArgumentException(t("--initial of a multi-register must be a map such as {:x 0, :y 0}, got ",
                            "multi-register 의 --initial 은 {:x 0, :y 0} 같은 맵이어야 합니다. 받은 값: ") + initialEdn);
                }
                yield Models.multiRegister(initial == null ? java.util.Map.of() : (java.util.Map<?, ?>) initial, !strictNil);
            }
            default -> throw new IllegalArgumentException(t("--model must be register, cas-register, counter, mutex or multi-register, got '",
                    "--model 은 register, cas-register, counter, mutex, multi-register 중 하나여야 합니다. 받은 값: '") + name + "'");
        };
    }

    /** The comment lines of a bundled example (the English is in the file itself), in Korean. */
    private static String sampleKo(String sample) {
        return switch (sample) {
            case "stale-read.edn" -> "; 레지스터: p0의 1 쓰기가 p1의 읽기가 시작되기 전에 완료되는데도 p1은 옛 값 0을 읽는다.\n"
                    + "; 선형적이지 않다 (실시간으로 보면 오래된 값 읽기). 순차 일관적이다 (읽기를 맨 앞에 두면 된다).\n";
            case "cas-register.edn" -> "; 파티션이 있는 CAS 레지스터 실행: p2의 cas는 타임아웃되었고 (:info, 일어났을 수도 아닐 수도 있다),\n"
                    + "; p3의 쓰기는 실패했다 (:fail, 일어나지 않았다). 초깃값 0에서 선형적이다.\n";
            case "racy-counter.edn" -> "; 그림 8-1의 갱신 손실을 기록한 것: 두 증가가 겹쳐서 둘 다 완료되고, 그 뒤의 읽기는 하나만 본다.\n";
            case "independent.edn" -> "; 독립 키 (jepsen.independent): 값은 [key value] 튜플이다. 키 2에 오래된 값 읽기가 있다.\n"
                    + "; 검사 방법: --model register --independent --initial 0\n";
            default -> "";
        };
    }

    private static String resource(String name) {
        try (InputStream in = Demo05CheckHistory.class.getResourceAsStream("histories/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource histories/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
