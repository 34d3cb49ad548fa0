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
import dev.dbinternals.ch08.harness.demo.DemoArgs;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

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
 * <p>Book: Chapter 8, "State Consistency" (상태 일관성).
 */
public final class Demo05CheckHistory {

    private static final String[] SAMPLES = {"stale-read.edn", "cas-register.edn", "racy-counter.edn", "independent.edn"};

    private Demo05CheckHistory() {
    }

    public static void main(String[] args) {
        DemoArgs a = DemoArgs.forDemo("check-history", "check a Jepsen EDN history file, or the bundled examples when none is given",
                        "Jepsen EDN 히스토리 파일을 검사한다. 파일을 주지 않으면 함께 들어 있는 예제를 검사한다")
                .fileOption("file", "the history file (or give it alone, without --file)", "히스토리 파일 (--file 없이 파일만 줘도 된다)")
                .positional("file")
                .choiceOption("model", "cas-register", java.util.List.of("register", "cas-register", "counter", "mutex", "multi-register"),
                        "the object the history operates on", "히스토리가 다루는 객체")
                .option("initial", "nil", "the object's initial value, in EDN (a counter takes an integer; nil means 0)",
                        "객체의 초깃값, EDN으로 (카운터는 정수를 받는다. nil은 0이다)")
                .choiceOption("consistency", "linearizable", java.util.List.of("linearizable", "sequential"),
                        "what to check (sequential: small histories only)", "무엇을 검사할지 (sequential: 작은 히스토리만)")
                .longOption("budget", 10_000_000, 1, Long.MAX_VALUE, "search steps per key before answering UNKNOWN",
                        "UNKNOWN이라고 답하기 전에 키마다 쓸 탐색 단계 수")
                .intOption("witness", 20, 0, 1_000_000, "how many operations of a witness order to print", "증거 순서 중 몇 개의 연산을 출력할지")
                .flag("independent", "client values are [key value] tuples; each key is checked on its own",
                        "클라이언트 값이 [key value] 튜플이다. 키마다 따로 검사한다")
                .flag("strict-nil-reads", "a read of nil means the register held nil (default: matches anything, as Knossos)",
                        "nil 읽기는 레지스터에 nil이 들어 있었다는 뜻이다 (기본값: Knossos처럼 어떤 값과도 맞는다)")
                .check(x -> model(x.get("model"), x.get("initial"), x.flagValue("strict-nil-reads")))
                .writesNoFiles()
                .parse(args);
        PrintStream out = DemoSupport.stdout();
        String file = a.fileValue("file").map(Path::toString).orElse(null);
        boolean independent = a.flagValue("independent");
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
            System.exit(checkFile(file, a.get("model"), a.get("initial"), independent, strictNil, a.get("consistency"),
                    a.longValue("budget"), a.intValue("witness"), out, System.err));
        } catch (EdnParseException e) {
            System.err.println("check-history: " + (file == null ? "" : file + ": ") + e.getMessage());
            System.exit(2);
        } catch (IllegalArgumentException e) {
            System.err.println("check-history: " + e.getMessage());
            System.exit(2);
        }
    }

    /**
     * Checks one history file and prints the report; returns the exit status (0 valid, 1 not,
     * 3 unknown, 2 bad input) instead of exiting, so tests can call it.
     */
    static int checkFile(String file, String modelName, String initial, boolean independent, boolean strictNil, String consistency,
                         long budget, int witness, PrintStream out, PrintStream err) {
        try {
            String text;
            try {
                text = Files.readString(Path.of(file), StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                throw new IllegalArgumentException(t("no such file: ", "그런 파일이 없습니다: ") + file);
            } catch (java.nio.charset.CharacterCodingException e) {
                throw new IllegalArgumentException(t(file + " is not UTF-8 text (a binary file?): a history is an EDN text file",
                        file + "은(는) UTF-8 텍스트가 아닙니다(바이너리 파일인가요?): 히스토리는 EDN 텍스트 파일입니다"));
            } catch (IOException e) {
                throw new IllegalArgumentException(t("cannot read ", "읽을 수 없습니다: ") + file + ": " + e.getMessage());
            }
            if (text.isBlank()) {
                throw new IllegalArgumentException(t(file + " is empty: a history has at least one operation",
                        file + "이(가) 비어 있습니다: 히스토리에는 연산이 적어도 하나 있어야 합니다"));
            }
            History h = JepsenHistory.parse(text, independent);
            if (h.events().isEmpty()) {
                throw new IllegalArgumentException(t(file + " holds no operation: nothing to check",
                        file + "에는 연산이 하나도 없습니다: 검사할 것이 없습니다"));
            }
            Model<?> m = model(modelName, initial, strictNil);
            h.warnings().forEach(w -> out.println(t("warning: ", "경고: ") + w));
            boolean hasReads = !modelName.equals("counter") && !modelName.equals("mutex");
            out.printf(t("%s: %d events, %d client operations (:fail ones removed), model %s%s%s%n",
                            "%s: 이벤트 %d개, 클라이언트 연산 %d개 (:fail 연산은 뺐다), 모델 %s%s%s%n"), file, h.events().size(),
                    h.operations().size(), m.name(), modelName.equals("mutex") ? ""
                            : t(", initial ", ", 초깃값 ") + (modelName.equals("counter") && initial.equals("nil") ? "0" : initial),
                    strictNil || !hasReads ? "" : t(" (Knossos semantics: a read of nil matches any value; --strict-nil-reads to change)",
                            " (Knossos 의미: nil 읽기는 어떤 값과도 맞는다. 바꾸려면 --strict-nil-reads)"));
            long started = System.nanoTime();
            CheckResult r = switch (consistency) {
                case "linearizable" -> LinearizabilityChecker.create().withBudget(budget).check(h, m);
                case "sequential" -> SequentialConsistencyChecker.create().withBudget(budget).check(h, m);
                default -> throw new IllegalArgumentException(t("--consistency must be linearizable or sequential, got '",
                        "--consistency 는 linearizable 또는 sequential 이어야 합니다. 받은 값: '") + consistency + "'");
            };
            out.print(r.render(witness));
            out.printf(t("checked in %d ms, %d search configurations%n", "검사 %d ms, 탐색한 구성 %d개%n"), (System.nanoTime() - started) / 1_000_000,
                    r.configurations());
            return r.verdict() == Verdict.OK ? 0 : r.verdict() == Verdict.VIOLATED ? 1 : 3;
        } catch (EdnParseException e) {
            err.println("check-history: " + file + ": " + e.getMessage());
            return 2;
        } catch (IllegalArgumentException e) {
            err.println("check-history: " + e.getMessage());
            return 2;
        }
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
