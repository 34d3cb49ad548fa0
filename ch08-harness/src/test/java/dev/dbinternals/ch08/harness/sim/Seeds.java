package dev.dbinternals.ch08.harness.sim;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

import dev.dbinternals.ch08.harness.render.Mermaid;
import dev.dbinternals.ch08.harness.render.SpaceTime;
import dev.dbinternals.ch08.harness.render.Window;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.LongConsumer;

/**
 * Runs a scenario over many seeds; a failure names the seed, the one command that replays it,
 * and where the failing run's trace and diagrams were written.
 *
 * <p>Book: Chapter 8, "Network Partitions and Partial Failures" (네트워크 파티션과 부분 장애):
 * a fault that shows up once in a thousand runs is only useful if that run can be replayed.
 *
 * <p>The replay command it prints is {@code ./ch08 replay <module> <TestClass#method> <seed>}
 * (tools/Ch08.java), which checks that the test exists before it runs Maven and that Maven ran
 * it afterwards. The diagrams of a long run show its last events, up to where it stopped.
 *
 * <p>System properties: {@code -Dch08.seed=N} runs only seed N (the replay; its trace and
 * diagrams are written under {@code target/ch08-failures/} whether it fails or not);
 * {@code -Dch08.seeds=K} runs K seeds instead of the test's count (for long soak runs);
 * {@code -Dch08.seedBase=B} starts from B instead of 1.
 *
 * <p>Test support: it lives in the harness's test sources and reaches the other modules' tests
 * as the harness test-jar ({@code <type>test-jar</type>}, test scope), so no main code depends
 * on it or on JUnit. It learns of each simulation through
 * {@link Simulation#addCreationListener}.
 *
 * <p>Thread-safe: each thread tracks its own most recent simulation.
 */
public final class Seeds {

    private static final ThreadLocal<Simulation> LAST = new ThreadLocal<>();
    private static final ThreadLocal<Boolean> ACTIVE = ThreadLocal.withInitial(() -> false);

    static {
        Simulation.addCreationListener(Seeds::remember);
    }

    private Seeds() {
    }

    /** Keeps the newest simulation created on this thread while a seed runs: its trace is written if the seed fails. */
    private static void remember(Simulation sim) {
        if (ACTIVE.get()) {
            LAST.set(sim);
        }
    }

    /**
     * Runs {@code runOneSeed} for seeds 1..{@code count} (see the class comment for overrides).
     * When it throws for a seed, rethrows an {@link AssertionError} that names the scenario,
     * the seed and the replay command, with the original failure as its cause; the trace of
     * the last {@link Simulation} created in that run is written under
     * {@code target/ch08-failures/}.
     *
     * @return the number of seeds run
     */
    public static int check(String scenario, int count, LongConsumer runOneSeed) {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(runOneSeed, "runOneSeed");
        if (count < 1) {
            throw new IllegalArgumentException(t("count must be at least 1, got " + count, "count는 1 이상이어야 합니다. 받은 값: " + count));
        }
        long first;
        int n;
        String only = System.getProperty("ch08.seed");
        if (only != null && !only.isBlank()) {
            first = parse("ch08.seed", only);
            n = 1;
        } else {
            first = System.getProperty("ch08.seedBase") == null ? 1 : parse("ch08.seedBase", System.getProperty("ch08.seedBase"));
            n = System.getProperty("ch08.seeds") == null ? count : (int) parse("ch08.seeds", System.getProperty("ch08.seeds"));
        }
        // the test method that called us: skip our frames, lambdas and assertion libraries, so
        // the replay command names a method surefire can run
        StackWalker.StackFrame caller = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
                .walk(s -> s.filter(f -> !f.getClassName().equals(Seeds.class.getName())
                                && !f.getMethodName().startsWith("lambda$")
                                && !f.getClassName().startsWith("org.assertj.")
                                && !f.getClassName().startsWith("org.junit."))
                        .findFirst().orElse(null));
        for (int i = 0; i < n; i++) {
            long seed = first + i;
            ACTIVE.set(true);
            LAST.remove();
            try {
                runOneSeed.accept(seed);
                if (only != null && !only.isBlank()) {
                    // a replay: write the run's trace and diagrams even when it passes this time
                    System.out.println(t("[seeds] replayed '" + scenario + "' seed " + seed, "[seeds] '" + scenario + "' 시드 " + seed + " 재현함")
                            + writeFailure(scenario, seed));
                }
            } catch (RuntimeException | AssertionError e) {
                String written = writeFailure(scenario, seed);
                throw new AssertionError(failureMessage(scenario, seed, i + 1, n, caller) + written
                        + t("\n  cause: ", "\n  원인: ") + e, e);
            } finally {
                ACTIVE.set(false);
                LAST.remove();
            }
        }
        // randomised tests print their seeds and how to replay one, pass or fail
        System.out.println(t("[seeds] '" + scenario + "' held for seeds " + first + ".." + (first + n - 1)
                + " (replay one: -Dch08.seed=N; more: -Dch08.seeds=K)",
                "[seeds] '" + scenario + "': 시드 " + first + ".." + (first + n - 1)
                + "에서 성립했다 (하나 재현: -Dch08.seed=N; 더 많이: -Dch08.seeds=K)"));
        return n;
    }

    private static long parse(String prop, String v) {
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(t("-D" + prop + " needs a whole number, got '" + v + "'",
                    "-D" + prop + "에는 정수가 필요합니다. 받은 값: '" + v + "'"));
        }
    }

    /** The message of a failure: scenario, seed and the replay command. Public for tests and other runners. */
    public static String failureMessage(String scenario, long seed, int index, int of, StackWalker.StackFrame caller) {
        String head = t("scenario '" + scenario + "' failed for seed " + seed + " (run " + index + " of " + of + ")\n",
                "시나리오 '" + scenario + "': 시드 " + seed + "에서 실패했다 (실행 " + of + "번 중 " + index + "번째)\n");
        if (!StackWalker.getInstance().walk(frames -> frames.anyMatch(f -> f.getClassName().startsWith("org.junit.")))) {
            // not a JUnit test (a plain main, a tool): no Maven command could name it, so say what works
            return head + t("  replay: run the same program again with -Dch08.seed=" + seed
                            + " (it was not started by JUnit, so there is no test to name)",
                    "  재현: 같은 프로그램에 -Dch08.seed=" + seed + " 옵션을 붙여 다시 실행하세요 (JUnit이 시작한 실행이 아니어서 이름을 댈 테스트가 없습니다)");
        }
        String module = moduleOf(caller);
        String test = caller == null ? "<TestClass>"
                : caller.getClassName().substring(caller.getClassName().lastIndexOf('.') + 1)
                        .replaceAll("\\$.*", "") + "#" + caller.getMethodName();
        // the launcher checks the name before it starts Maven (a misspelt class or method is an
        // error, not a run of nothing), adds -Pexercises for an exercise test, and runs fast
        return head + t("  replay: ", "  재현: ") + "./ch08 replay " + module + " " + test + " " + seed;
    }

    /**
     * The module of the test that called: the folder above the {@code target} folder its class was
     * loaded from ({@code ch08-links/target/test-classes}), else the working directory's name (where
     * Surefire runs a module's tests).
     */
    static String moduleOf(StackWalker.StackFrame caller) {
        try {
            Path from = Path.of(caller.getDeclaringClass().getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path p = from; p != null; p = p.getParent()) {
                if (p.getFileName() != null && p.getFileName().toString().equals("target") && p.getParent() != null
                        && p.getParent().getFileName() != null) {
                    return p.getParent().getFileName().toString();
                }
            }
        } catch (RuntimeException | java.net.URISyntaxException e) {
            // no frame, no class reference or no code source: fall back to the working directory
        }
        Path cwd = Path.of("").toAbsolutePath().getFileName();
        return cwd == null ? "." : cwd.toString();
    }

    private static String writeFailure(String scenario, long seed) {
        Simulation sim = LAST.get();
        if (sim == null || sim.trace().size() == 0) {
            return "";
        }
        try {
            Path dir = Path.of("target", "ch08-failures");
            Files.createDirectories(dir);
            String base = scenario.replaceAll("[^A-Za-z0-9._-]+", "-") + "-seed-" + seed;
            Path txt = dir.resolve(base + ".txt");
            Files.writeString(txt, sim.trace().toText(), StandardCharsets.UTF_8);
            // a long run's diagrams show its end, where it stopped: an invariant stops it at the
            // event that broke it, and a property checked afterwards fails on what the last events did
            Path html = dir.resolve(base + ".html");
            Files.writeString(html, SpaceTime.html(sim.trace(), e -> e.kind() != TraceEvent.Kind.TIMER_SET && e.kind() != TraceEvent.Kind.TIMER_CANCEL,
                    t("Space-time diagram: '" + scenario + "', seed " + seed, "시공간 다이어그램: '" + scenario + "', 시드 " + seed), Window.END),
                    StandardCharsets.UTF_8);
            Path mmd = dir.resolve(base + ".mmd");
            Files.writeString(mmd, Mermaid.sequenceDiagram(sim.trace(), Window.END), StandardCharsets.UTF_8);
            return t("\n  trace: ", "\n  트레이스: ") + txt.toAbsolutePath() + t("\n  diagram: ", "\n  다이어그램: ") + html.toAbsolutePath()
                    + t(" (and " + mmd.getFileName() + ")", " (그리고 " + mmd.getFileName() + ")");
        } catch (IOException | RuntimeException e) {
            return t("\n  (could not write the trace: ", "\n  (트레이스를 쓸 수 없었다: ") + e + ")";
        }
    }
}
