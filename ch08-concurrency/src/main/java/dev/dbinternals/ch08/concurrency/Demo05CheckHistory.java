package dev.dbinternals.ch08.concurrency;

import dev.dbinternals.ch08.concurrency.check.CheckResult;
import dev.dbinternals.ch08.concurrency.check.LinearizabilityChecker;
import dev.dbinternals.ch08.concurrency.check.Model;
import dev.dbinternals.ch08.concurrency.check.Models;
import dev.dbinternals.ch08.concurrency.check.SequentialConsistencyChecker;
import dev.dbinternals.ch08.concurrency.check.Verdict;
import dev.dbinternals.ch08.concurrency.history.Edn;
import dev.dbinternals.ch08.concurrency.history.EdnParseException;
import dev.dbinternals.ch08.concurrency.history.History;
import dev.dbinternals.ch08.concurrency.history.JepsenHistory;
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
        DemoArgs a = DemoArgs.forDemo("check-history", "check a Jepsen EDN history file, or the bundled examples when none is given")
                .fileOption("file", "the history file (or give it alone, without --file)")
                .positional("file")
                .choiceOption("model", "cas-register", "the object the history operates on",
                        "register", "cas-register", "counter", "mutex", "multi-register")
                .option("initial", "nil", "the object's initial value, in EDN (a counter takes an integer; nil means 0)")
                .choiceOption("consistency", "linearizable", "what to check (sequential: small histories only)", "linearizable", "sequential")
                .longOption("budget", 10_000_000, 1, Long.MAX_VALUE, "search steps per key before answering UNKNOWN")
                .intOption("witness", 20, 0, 1_000_000, "how many operations of a witness order to print")
                .flag("independent", "client values are [key value] tuples; each key is checked on its own")
                .flag("strict-nil-reads", "a read of nil means the register held nil (default: matches anything, as Knossos)")
                .check(x -> model(x.get("model"), x.get("initial"), x.flagValue("strict-nil-reads")))
                .writesNoFiles()
                .parse(args);
        PrintStream out = DemoSupport.stdout();
        String file = a.fileValue("file").map(Path::toString).orElse(null);
        boolean independent = a.flagValue("independent");
        boolean strictNil = a.flagValue("strict-nil-reads");
        try {
            if (file == null) {
                DemoArgs.heading(out, "No file given: checking the bundled example histories");
                out.println("(flags --independent and --strict-nil-reads take no value; usage: check-history --help)");
                for (String sample : SAMPLES) {
                    String text = resource(sample);
                    String model = sample.equals("racy-counter.edn") ? "counter" : sample.equals("cas-register.edn") ? "cas-register" : "register";
                    boolean indep = sample.equals("independent.edn");
                    DemoArgs.heading(out, sample + " (model " + model + (indep ? ", independent keys" : "") + ", initial 0)");
                    out.print(text.lines().filter(l -> l.startsWith(";")).map(l -> l + "\n").reduce("", String::concat));
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
                throw new IllegalArgumentException("no such file: " + file);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
            }
            History h = JepsenHistory.parse(text, independent);
            Model<?> m = model(modelName, initial, strictNil);
            h.warnings().forEach(w -> out.println("warning: " + w));
            boolean hasReads = !modelName.equals("counter") && !modelName.equals("mutex");
            out.printf("%s: %d events, %d client operations (:fail ones removed), model %s%s%s%n", file, h.events().size(),
                    h.operations().size(), m.name(), modelName.equals("mutex") ? ""
                            : ", initial " + (modelName.equals("counter") && initial.equals("nil") ? "0" : initial),
                    strictNil || !hasReads ? "" : " (Knossos semantics: a read of nil matches any value; --strict-nil-reads to change)");
            long started = System.nanoTime();
            CheckResult r = switch (consistency) {
                case "linearizable" -> LinearizabilityChecker.create().withBudget(budget).check(h, m);
                case "sequential" -> SequentialConsistencyChecker.create().withBudget(budget).check(h, m);
                default -> throw new IllegalArgumentException("--consistency must be linearizable or sequential, got '" + consistency + "'");
            };
            out.print(r.render(witness));
            out.printf("checked in %d ms, %d search configurations%n", (System.nanoTime() - started) / 1_000_000, r.configurations());
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
            throw new IllegalArgumentException("--initial is not an EDN value: " + e.getMessage());
        }
        return switch (name) {
            case "register" -> strictNil ? Models.register(initial) : Models.knossosRegister(initial);
            case "cas-register" -> strictNil ? Models.casRegister(initial) : Models.knossosCasRegister(initial);
            case "counter" -> {
                if (initial == null) {
                    yield Models.counter(0);
                }
                if (!(initial instanceof Long l)) {
                    throw new IllegalArgumentException("--initial of a counter must be an integer, got " + initialEdn);
                }
                yield Models.counter(l);
            }
            case "mutex" -> Models.mutex();
            case "multi-register" -> {
                if (initial != null && !(initial instanceof java.util.Map<?, ?>)) {
                    throw new IllegalArgumentException("--initial of a multi-register must be a map such as {:x 0, :y 0}, got " + initialEdn);
                }
                yield Models.multiRegister(initial == null ? java.util.Map.of() : (java.util.Map<?, ?>) initial, !strictNil);
            }
            default -> throw new IllegalArgumentException("--model must be register, cas-register, counter, mutex or multi-register, got '"
                    + name + "'");
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
