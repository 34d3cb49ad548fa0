/*
 * The launcher of the Chapter 8 companion: the guided tour, single demos, tests, exercises, the
 * exercise honesty check and benchmarks. One Java file, so it runs the same on Linux, macOS and
 * Windows; the shims `ch08` (POSIX sh) and `ch08.cmd` (Windows) only find a JDK and start it.
 *
 *   ./ch08 --help          (or: java tools/Ch08.java --help, from the repository root)
 *
 * It needs nothing but a JDK 17+: Maven is taken from the PATH, or else the Maven Wrapper
 * (mvnw / mvnw.cmd) beside this repository's pom.xml downloads it on first use.
 */
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

public class Ch08 {

    /** The modules in the order of the README's module table; the tour follows tour.txt instead. */
    static final Map<String, String> SECTIONS = new LinkedHashMap<>();

    static {
        SECTIONS.put("ch08-concurrency", "동시 수행 · 동시성과 병렬성 · 분산 시스템의 자원 공유 · 상태 일관성 (Concurrent execution, concurrency vs parallelism, shared state, state consistency)");
        SECTIONS.put("ch08-harness", "분산 컴퓨팅의 오류 · 클럭과 시간 · 네트워크 파티션과 부분 장애 (Fallacies of distributed computing; clocks; partitions and the test harness)");
        SECTIONS.put("ch08-links", "링크 · 로컬 실행과 원격 실행 (Links: fair-loss to perfect links, exactly-once; local vs remote execution)");
        SECTIONS.put("ch08-two-generals", "두 장군 문제 (Two Generals' Problem)");
        SECTIONS.put("ch08-flp", "FLP 불가능성 이론 · 시스템 동기성 (FLP impossibility; system synchrony)");
        SECTIONS.put("ch08-failure-models", "장애 처리 · 장애 모델 · 클럭과 시간 (Failure models: crash, omission, arbitrary; clocks and time)");
        SECTIONS.put("ch08-cascading", "프로세싱 · 계단식 장애 (Processing and queues; cascading failures)");
    }

    static final String USAGE = """
            Database Internals, Chapter 8 — the runnable companion.

            usage: ./ch08 <command> [options]          (Windows: ch08 <command> [options])

            commands:
              tour [--quick] [--no-build]      build (unless --no-build), then run every demo in the book's order
              demo <module> [<demo>] [args]    run one module's demos (or one demo); args go to the demo
                                               (every demo accepts --quick, --seed N, --out DIR, --lang, --help)
              list [--modules]                 the demos in the book's order (--modules: grouped by module)
              test [maven args]                run the test suite (same as: mvn -B test)
              exercises [<module>]             run the exercise tests against YOUR code and show progress
              solutions [<module>]             run the exercise tests against the reference solutions
              honesty                          check that every exercise test fails on its stub (as committed)
                                               and passes on its solution, every stub has a solution, and
                                               each recorded wrong solution (src/wrong) fails a test
                                               (a maintainers' check)
              bench <module> [JMH options]     build and run a module's JMH benchmarks (e.g. -f 1 -wi 2 -i 3 -r 1s)
              bench --smoke                    one fork, one 100 ms iteration of every benchmark (CI)
              replay <module> <Test#method> <seed>
                                               run one seed of one test (the command a failing seed prints);
                                               a test name that matches no test is an error
              help, --help                     this text

            options for every command:
              --lang en|ko                     the language of the output, the narration and the diagrams
                                               (default: Korean when LC_ALL, LC_MESSAGES or LANG starts with ko)

            modules: concurrency, harness, links, two-generals, flp, failure-models, cascading
                     (the ch08- prefix is optional)
            """;

    static final String USAGE_KO = """
            『데이터베이스 인터널스』 8장 — 실행해 보는 동반 프로젝트.

            사용법: ./ch08 <명령> [옵션]          (Windows: ch08 <명령> [옵션])

            명령:
              tour [--quick] [--no-build]      빌드한 뒤(--no-build 이면 건너뜀) 모든 데모를 책의 순서대로 실행
              demo <모듈> [<데모>] [인자]      한 모듈의 데모(또는 데모 하나)를 실행; 인자는 데모에 그대로 전달
                                               (모든 데모가 --quick, --seed N, --out DIR, --lang, --help 를 받음)
              list [--modules]                 책의 순서대로 나열한 데모 목록 (--modules: 모듈별로)
              test [maven 인자]                테스트 모음 실행 (mvn -B test 와 같음)
              exercises [<모듈>]               연습 문제 테스트를 여러분의 코드로 실행하고 진행 상황을 보여 줌
              solutions [<모듈>]               연습 문제 테스트를 참고 답안으로 실행
              honesty                          모든 연습 문제 테스트가 (커밋된) 스텁에서는 실패하고 참고 답안에서는
                                               통과하는지, 스텁마다 답안이 있는지, 기록된 틀린 답안(src/wrong)마다
                                               실패하는 테스트가 있는지 확인 (관리자용 검사)
              bench <모듈> [JMH 옵션]          모듈의 JMH 벤치마크를 빌드해 실행 (예: -f 1 -wi 2 -i 3 -r 1s)
              bench --smoke                    모든 벤치마크를 포크 하나, 100 ms 반복 한 번으로 (CI용)
              replay <모듈> <테스트#메서드> <시드>
                                               테스트 하나의 시드 하나를 실행 (실패한 시드가 출력하는 명령);
                                               어떤 테스트와도 맞지 않는 이름은 오류
              help, --help                     이 도움말

            모든 명령에 쓰는 옵션:
              --lang en|ko                     출력, 해설, 다이어그램의 언어
                                               (기본값: LC_ALL, LC_MESSAGES, LANG 가 ko 로 시작하면 한국어)

            모듈: concurrency, harness, links, two-generals, flp, failure-models, cascading
                  (앞의 ch08- 는 생략 가능)
            """;

    /** Korean output (--lang ko, CH08_LANG=ko, or a Korean locale); see Lang in ch08-harness for the same rule. */
    static boolean ko;

    /** The text for the language in effect. */
    static String t(String en, String ko) {
        return Ch08.ko ? ko : en;
    }

    /**
     * The language when no --lang is given: CH08_LANG, then LC_ALL, LC_MESSAGES, LANG (the first
     * set decides), then the JVM's locale. The same rule as dev.dbinternals.ch08.harness.lang.Lang.
     */
    static boolean koreanByDefault(Map<String, String> env) {
        String explicit = env.get("CH08_LANG");
        if (explicit != null && !explicit.isBlank()) {
            return parseLang(explicit);
        }
        for (String name : List.of("LC_ALL", "LC_MESSAGES", "LANG")) {
            String v = env.get(name);
            if (v != null && !v.isEmpty()) {
                return v.toLowerCase(Locale.ROOT).startsWith("ko");
            }
        }
        return Locale.getDefault().getLanguage().equals("ko");
    }

    static boolean parseLang(String v) {
        return switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "ko" -> true;
            case "en" -> false;
            default -> throw new UsageError("--lang must be en or ko, got '" + v + "' (--lang 은 en 또는 ko 여야 합니다)");
        };
    }

    /** Takes every --lang X / --lang=X out of args (a global option, allowed anywhere) and sets the language. */
    static List<String> takeLang(List<String> args) {
        List<String> rest = new ArrayList<>(args);
        ko = koreanByDefault(System.getenv());
        for (int i = 0; i < rest.size(); i++) {
            if (rest.get(i).equals("--lang")) {
                if (i + 1 >= rest.size()) {
                    throw new UsageError("--lang needs a value: en or ko (--lang 에는 en 또는 ko 를 주세요)");
                }
                ko = parseLang(rest.get(i + 1));
                rest.subList(i, i + 2).clear();
                i--;
            } else if (rest.get(i).startsWith("--lang=")) {
                ko = parseLang(rest.get(i).substring("--lang=".length()));
                rest.remove(i);
                i--;
            }
        }
        return rest;
    }

    /** Every program the launcher starts (demos, Maven and its test JVMs, the report) speaks the same language. */
    static ProcessBuilder withLang(ProcessBuilder pb) {
        pb.environment().put("CH08_LANG", ko ? "ko" : "en");
        return pb;
    }

    /** A wrong command, module, demo or flag: printed as one line, exit status 2, no stack trace. */
    static final class UsageError extends RuntimeException {
        UsageError(String message) {
            super(message);
        }
    }

    record Demo(String module, String name, String mainClass, String title) {}

    final Path root;

    Ch08(Path root) {
        this.root = root;
    }

    public static void main(String[] args) {
        Path root = Path.of(System.getProperty("ch08.root", ".")).toAbsolutePath().normalize();
        if (!Files.isRegularFile(root.resolve("tour.txt"))) {
            System.err.println("ch08: cannot find the repository at " + root + " (run ./ch08 from its folder)");
            System.exit(2);
        }
        int rc;
        try {
            rc = new Ch08(root).run(takeLang(List.of(args)));
        } catch (UsageError e) {
            System.err.println("ch08: " + e.getMessage());
            rc = 2;
        } catch (UncheckedIOException e) {
            System.err.println("ch08: " + e.getCause().getMessage());
            rc = 1;
        }
        System.exit(rc);
    }

    int run(List<String> args) {
        if (args.isEmpty()) {
            System.err.print(t(USAGE, USAGE_KO));
            return 2;
        }
        List<String> rest = args.subList(1, args.size());
        return switch (args.get(0)) {
            case "tour" -> tour(rest);
            case "demo" -> demo(rest);
            case "list" -> list(rest);
            case "test" -> maven(concat(List.of("-B", "test"), rest));
            case "exercises" -> exercises(rest, false);
            case "solutions" -> exercises(rest, true);
            case "honesty" -> honesty(rest);
            case "bench" -> bench(rest);
            case "replay" -> replay(rest);
            case "help", "-h", "--help" -> {
                System.out.print(t(USAGE, USAGE_KO));
                yield 0;
            }
            default -> throw new UsageError(t("unknown command '", "알 수 없는 명령 '") + args.get(0)
                    + t("'; valid commands: ", "'; 가능한 명령: ") + "tour, demo, list, test, exercises, solutions, honesty, bench, replay, help");
        };
    }

    // ---------------------------------------------------------------- modules, demos, the tour

    String module(String name) {
        String m = name.endsWith("/") || name.endsWith("\\") ? name.substring(0, name.length() - 1) : name;
        if (!m.startsWith("ch08-")) {
            m = "ch08-" + m;
        }
        if (!SECTIONS.containsKey(m)) {
            throw new UsageError(t("unknown module '", "알 수 없는 모듈 '") + name + t("'; valid modules: ", "'; 가능한 모듈: ") + shortNames());
        }
        return m;
    }

    static String shortNames() {
        return SECTIONS.keySet().stream().map(m -> m.substring("ch08-".length())).collect(Collectors.joining(" "));
    }

    List<Demo> demosOf(String module) {
        List<Demo> out = new ArrayList<>();
        for (String line : lines(root.resolve(module).resolve("demos.txt"))) {
            String[] p = line.split("\\s+", 3);
            if (p.length == 3) {
                // "<English title> | <한국어 제목>": the title in the language in effect
                int bar = p[2].indexOf(" | ");
                String title = bar < 0 ? p[2] : t(p[2].substring(0, bar).strip(), p[2].substring(bar + 3).strip());
                out.add(new Demo(module, p[0], p[1], title));
            }
        }
        return out;
    }

    Demo demoOf(String module, String name) {
        return demosOf(module).stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow(() -> new UsageError(
                t("unknown demo '" + name + "' in " + module + "; valid demos: ", module + " 에 없는 데모 '" + name + "'; 가능한 데모: ")
                        + demosOf(module).stream().map(Demo::name).collect(Collectors.joining(" "))));
    }

    /** The non-comment, non-blank lines of a file (empty if it does not exist). */
    static List<String> lines(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** tour.txt as a list of entries: a section heading (demo == null) or a demo to run. */
    record TourEntry(String section, Demo demo) {}

    List<TourEntry> tourEntries() {
        List<TourEntry> out = new ArrayList<>();
        for (String line : lines(root.resolve("tour.txt"))) {
            if (line.startsWith("section ")) {
                String heading = line.substring("section ".length()).strip(); // "<English> | <한국어>"
                int bar = heading.indexOf(" | ");
                out.add(new TourEntry(bar < 0 ? heading : t(heading.substring(0, bar).strip(), heading.substring(bar + 3).strip()), null));
            } else {
                String[] p = line.split("\\s+");
                out.add(new TourEntry(null, demoOf(module(p[0]), p[1])));
            }
        }
        return out;
    }

    int list(List<String> args) {
        if (args.equals(List.of("--modules"))) {
            for (String m : SECTIONS.keySet()) {
                System.out.println(m.substring(5) + "  —  " + SECTIONS.get(m));
                for (Demo d : demosOf(m)) {
                    System.out.printf("    %-24s %s%n", d.name(), d.title());
                }
            }
            return 0;
        }
        if (args.equals(List.of("--help")) || args.equals(List.of("-h"))) {
            System.out.println(t("usage: ", "사용법: ") + "./ch08 list [--modules] [--lang en|ko]");
            return 0;
        }
        if (!args.isEmpty()) {
            throw new UsageError(t("list: unknown option '", "list: 알 수 없는 옵션 '") + args.get(0) + t("' (valid: --modules)", "' (가능한 옵션: --modules)"));
        }
        System.out.println(t("Chapter 8, section by section in the book's order (run one: ./ch08 demo <module> <demo>)",
                "8장, 책의 순서대로 절마다 (하나만 실행: ./ch08 demo <모듈> <데모>)"));
        for (TourEntry e : tourEntries()) {
            if (e.demo() == null) {
                System.out.println();
                System.out.println(e.section());
            } else {
                System.out.printf("    %-16s %-22s %s%n", e.demo().module().substring(5), e.demo().name(), e.demo().title());
            }
        }
        return 0;
    }

    int tour(List<String> args) {
        boolean quick = false, build = true;
        for (String a : args) {
            switch (a) {
                case "--quick" -> quick = true;
                case "--no-build" -> build = false;
                case "-h", "--help" -> {
                    System.out.println(t("usage: ", "사용법: ") + "./ch08 tour [--quick] [--no-build] [--lang en|ko]");
                    return 0;
                }
                default -> throw new UsageError(t("tour: unknown option '", "tour: 알 수 없는 옵션 '") + a
                        + t("' (valid: --quick, --no-build, --lang)", "' (가능한 옵션: --quick, --no-build, --lang)"));
            }
        }
        List<TourEntry> entries = tourEntries();  // refuses a broken tour.txt before building
        if (build) {
            build();
        }
        System.out.println(t("Database Internals, Chapter 8: Distributed Systems — Introduction and Overview",
                "『데이터베이스 인터널스』 8장: Distributed Systems — Introduction and Overview"));
        System.out.println(t("A guided tour of the chapter, section by section in the book's order.",
                "이 장을 책의 순서대로 절마다 둘러보는 가이드 투어다."));
        int ran = 0, failed = 0;
        for (TourEntry e : entries) {
            if (e.demo() == null) {
                System.out.println();
                System.out.println("#".repeat(80));
                System.out.println("# " + e.section());
                System.out.println("#".repeat(80));
                continue;
            }
            Demo d = e.demo();
            String m = d.module().substring(5);
            System.out.println();
            System.out.println("---- " + m + " / " + d.name() + ": " + d.title());
            System.out.println(t("---- (run alone: ./ch08 demo ", "---- (따로 실행: ./ch08 demo ") + m + " " + d.name() + ")");
            ran++;
            if (runDemo(d, quick ? List.of("--quick") : List.of()) != 0) {
                System.err.println("ch08: demo " + m + "/" + d.name() + t(" FAILED", " 실패"));
                failed++;
            }
        }
        System.out.println();
        System.out.println(t("Tour finished: " + ran + " demos, " + failed + " failed. Diagrams and tables are under ch08-out/.",
                "투어 끝: 데모 " + ran + "개, 실패 " + failed + "개. 다이어그램과 표는 ch08-out/ 아래에 있다."));
        return failed == 0 ? 0 : 1;
    }

    int demo(List<String> args) {
        if (args.isEmpty()) {
            throw new UsageError(t("demo: name a module (valid: ", "demo: 모듈을 지정하세요 (가능한 모듈: ") + shortNames() + ")");
        }
        if (args.get(0).equals("-h") || args.get(0).equals("--help")) {
            System.out.println(t("usage: ./ch08 demo <module> [<demo>] [demo args]   (a demo's own options: ./ch08 demo <module> <demo> --help)",
                    "사용법: ./ch08 demo <모듈> [<데모>] [데모 인자]   (데모의 옵션: ./ch08 demo <모듈> <데모> --help)"));
            return 0;
        }
        String m = module(args.get(0));
        List<String> rest = args.subList(1, args.size());
        if (!rest.isEmpty() && !rest.get(0).startsWith("-")) {
            Demo d = demoOf(m, rest.get(0));
            build();
            return runDemo(d, rest.subList(1, rest.size()));
        }
        build();
        int rc = 0;
        for (Demo d : demosOf(m)) {
            System.out.println();
            System.out.println("---- " + m.substring(5) + " / " + d.name() + ": " + d.title());
            rc |= runDemo(d, rest);
        }
        return rc;
    }

    int runDemo(Demo d, List<String> args) {
        Path classes = root.resolve(d.module()).resolve("target/classes");
        String cp = classes.toString();
        Path runtime = root.resolve(d.module()).resolve("target/runtime-classpath.txt");
        if (Files.exists(runtime)) {
            cp += File.pathSeparator + read(runtime).strip();
        }
        List<String> cmd = new ArrayList<>(List.of(javaExecutable(), "-Dfile.encoding=UTF-8",
                "-Dstdout.encoding=UTF-8", "-Dstderr.encoding=UTF-8",
                "-Dsun.stdout.encoding=UTF-8", "-Dsun.stderr.encoding=UTF-8", "-cp", cp, d.mainClass()));
        cmd.addAll(args);
        return exec(cmd, root, true);
    }

    // ---------------------------------------------------------------- building

    /** The build is up to date when its stamp is newer than every pom.xml and every source file. */
    Path stamp() {
        return root.resolve("target/launcher/build.stamp");
    }

    void build() {
        if (upToDate()) {
            return;
        }
        System.err.println(t("ch08: building (", "ch08: 빌드 중 (") + String.join(" ", mavenCommand()) + " -DskipTests process-classes) ...");
        Path log = root.resolve("target-build.log");
        if (maven(List.of("-B", "-DskipTests", "process-classes"), log, true) != 0) {
            System.err.print(read(log));
            throw new UsageError(t("the build failed (log above)", "빌드 실패 (위의 로그를 보세요)"));
        }
        delete(log);
        try {
            Files.createDirectories(stamp().getParent());
            Files.writeString(stamp(), "built by ./ch08\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean upToDate() {
        if (!Files.exists(stamp())) {
            return false;
        }
        for (String m : SECTIONS.keySet()) {
            if (!Files.isDirectory(root.resolve(m).resolve("target/classes"))) {
                return false;
            }
        }
        try {
            FileTime built = Files.getLastModifiedTime(stamp());
            List<Path> inputs = new ArrayList<>(List.of(root.resolve("pom.xml")));
            try (Stream<Path> modules = Files.list(root)) {
                for (Path m : modules.filter(p -> Files.isRegularFile(p.resolve("pom.xml"))).toList()) {
                    inputs.add(m.resolve("pom.xml"));
                    if (Files.isDirectory(m.resolve("src"))) {
                        try (Stream<Path> s = Files.walk(m.resolve("src"))) {
                            s.filter(Files::isRegularFile).forEach(inputs::add);
                        }
                    }
                }
            }
            for (Path p : inputs) {
                if (Files.getLastModifiedTime(p).compareTo(built) > 0) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Forget the stamp: a run with other profiles (the solutions) left other classes behind. */
    void invalidateBuild() {
        delete(stamp());
    }

    // ---------------------------------------------------------------- exercises and honesty

    List<String> reportModules(List<String> args) {
        return args.isEmpty() ? List.copyOf(SECTIONS.keySet()) : List.of(module(args.get(0)));
    }

    int exercises(List<String> args, boolean solutions) {
        String what = solutions ? "solutions" : "exercises";
        if (args.size() > 1) {
            throw new UsageError(what + t(": at most one module (valid: ", ": 모듈은 하나까지 (가능한 모듈: ") + shortNames() + ")");
        }
        if (args.size() == 1 && (args.get(0).equals("-h") || args.get(0).equals("--help"))) {
            System.out.println(t("usage: ./ch08 " + what + " [<module>] [--lang en|ko]", "사용법: ./ch08 " + what + " [<모듈>] [--lang en|ko]"));
            return 0;
        }
        List<String> modules = reportModules(args);
        System.err.println(solutions ? t("ch08: running the exercise tests against the reference solutions ...", "ch08: 연습 문제 테스트를 참고 답안으로 실행하는 중 ...")
                : t("ch08: running the exercise tests against your code ...", "ch08: 연습 문제 테스트를 여러분의 코드로 실행하는 중 ..."));
        List<String> mvn = new ArrayList<>();
        if (solutions) {
            mvn.add("-Psolutions");
        }
        if (!args.isEmpty()) {
            mvn.addAll(List.of("-pl", modules.get(0), "-am"));
        }
        runExerciseTests(root, mvn);
        int rc = exerciseReport(List.of("progress", root.toString()), modules);
        if (solutions) {
            invalidateBuild();
            build();  // put the reader's stubs back in target/classes
        }
        return rc;
    }

    /** Runs the exercise tests; a failing test is no error here: the report decides. */
    void runExerciseTests(Path tree, List<String> extra) {
        deleteReports(tree);
        Path log = root.resolve("target-exercises.log");
        List<String> args = new ArrayList<>(List.of("-B", "-Pexercises", "-Dmaven.test.failure.ignore=true", "-Dsurefire.printSummary=false"));
        if (!tree.equals(root)) {
            args.addAll(List.of("-f", tree.resolve("pom.xml").toString()));
        }
        args.addAll(extra);
        args.add("test");
        if (maven(args, log) != 0) {
            System.err.print(read(log));
            throw new UsageError(t("the build failed before the exercise tests could run (log above)",
                    "연습 문제 테스트를 실행하기 전에 빌드가 실패했다 (위의 로그를 보세요)"));
        }
        delete(log);
    }

    void deleteReports(Path tree) {
        for (String m : SECTIONS.keySet()) {
            deleteTree(tree.resolve(m).resolve("target/surefire-reports"));
        }
    }

    int exerciseReport(List<String> head, List<String> modules) {
        List<String> cmd = new ArrayList<>(List.of(javaExecutable(), "-Dfile.encoding=UTF-8", "-Dstdout.encoding=UTF-8", "-Dsun.stdout.encoding=UTF-8",
                root.resolve("tools/ExerciseReport.java").toString()));
        cmd.addAll(head);
        cmd.addAll(modules);
        return exec(cmd, root, false);
    }

    /**
     * Every exercise test must fail on its stub and pass on its solution. A reader who has solved
     * exercises has edited the stubs, so the check runs on a copy of the working tree in which
     * every stub is put back as committed (when the tree is a git clone); the reader's files are
     * never touched.
     *
     * <p>Why in this order: the stubs run first, so that the build of the reference solutions is the
     * one the rounds of wrong solutions start from; each round then recompiles only what it changed
     * (see {@link #runWrongSolutionRound}).
     */
    int honesty(List<String> args) {
        if (!args.isEmpty()) {
            if (args.get(0).equals("-h") || args.get(0).equals("--help")) {
                System.out.println(t("usage: ", "사용법: ") + "./ch08 honesty");
                return 0;
            }
            throw new UsageError(t("honesty takes no options", "honesty 에는 옵션이 없다"));
        }
        Path copy = root.resolve("target/honesty/tree");
        Path snap = root.resolve("target/honesty/reports");
        deleteTree(root.resolve("target/honesty"));
        copyTree(root, copy);
        int restored = restoreCommittedStubs(copy);
        if (restored > 0) {
            System.err.println("ch08: " + restored + " exercise file(s) differ from the committed stubs (your work): "
                    + "the check uses the committed stubs, in a copy under target/honesty; your files are untouched");
        }
        List<String> modules = List.copyOf(SECTIONS.keySet());
        List<List<WrongSolution>> rounds = wrongSolutionRounds(copy);
        int steps = 2 + rounds.size();
        System.err.println("ch08: honesty check 1/" + steps + ": exercise tests against the stubs ...");
        runExerciseTests(copy, List.of());
        snapshot(copy, snap.resolve("stubs"));
        System.err.println("ch08: honesty check 2/" + steps + ": exercise tests against the reference solutions ...");
        runExerciseTests(copy, List.of("-Psolutions"));
        snapshot(copy, snap.resolve("solutions"));
        // The solutions as they were when the copy was made: each round puts back from these what the round before replaced.
        Path pristine = root.resolve("target/honesty/pristine");
        for (String m : SECTIONS.keySet()) {
            if (Files.isDirectory(copy.resolve(m).resolve("src/solution"))) {
                copyTree(copy.resolve(m).resolve("src/solution"), pristine.resolve(m).resolve("src/solution"));
            }
        }
        WrongRounds state = new WrongRounds(copy, pristine);
        for (int r = 0; r < rounds.size(); r++) {
            List<WrongSolution> round = rounds.get(r);
            System.err.println("ch08: honesty check " + (3 + r) + "/" + steps + ": exercise tests against " + round.size()
                    + " recorded wrong solutions (round " + (r + 1) + " of " + rounds.size() + ") ...");
            runWrongSolutionRound(state, round, snap.resolve("wrong-" + (r + 1)));
        }
        return exerciseReport(List.of("honesty", copy.toString(), snap.toString()), modules);
    }

    /**
     * A recorded wrong solution: {@code <module>/src/wrong/<exercise id>--<slug>/java/...}, files with
     * the same paths as the exercise's stubs, holding a typical misconception. The honesty check
     * builds the reference solutions with these files in place of theirs, and at least one test of
     * the exercise must fail.
     */
    record WrongSolution(String module, String name, Path dir) {
        String exercise() {
            return name.substring(0, name.indexOf("--"));
        }
    }

    /**
     * The recorded wrong solutions, in rounds: round k holds the k-th wrong solution of each exercise
     * (by name), so one Maven run checks one wrong solution of every exercise at once. Exercises
     * use disjoint stub files, so the wrong solutions of one round never meet.
     */
    List<List<WrongSolution>> wrongSolutionRounds(Path tree) {
        Map<String, List<WrongSolution>> byExercise = new java.util.TreeMap<>();
        List<String> problems = new ArrayList<>();
        for (String m : SECTIONS.keySet()) {
            Path wrong = tree.resolve(m).resolve("src/wrong");
            if (!Files.isDirectory(wrong)) {
                continue;
            }
            try (Stream<Path> dirs = Files.list(wrong)) {
                for (Path d : dirs.filter(Files::isDirectory).sorted().toList()) {
                    String name = d.getFileName().toString();
                    if (!name.matches("[a-z]+-[0-9]+--[a-z0-9-]+")) {
                        problems.add(m + "/src/wrong/" + name + ": the name must be <exercise id>--<slug>, e.g. links-1--max-only");
                        continue;
                    }
                    WrongSolution w = new WrongSolution(m, name, d);
                    List<String> files = javaFilesUnder(d.resolve("java"));
                    if (files.isEmpty()) {
                        problems.add(m + "/src/wrong/" + name + ": no .java file under java/");
                    }
                    for (String f : files) {
                        if (!Files.exists(tree.resolve(m).resolve("src/exercise/java").resolve(f))) {
                            problems.add(m + "/src/wrong/" + name + "/java/" + f + ": no stub with that path in src/exercise/java");
                        }
                    }
                    byExercise.computeIfAbsent(m + " " + w.exercise(), k -> new ArrayList<>()).add(w);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (!problems.isEmpty()) {
            throw new UsageError("recorded wrong solutions that cannot be checked:\n  " + String.join("\n  ", problems));
        }
        List<List<WrongSolution>> rounds = new ArrayList<>();
        for (List<WrongSolution> ws : byExercise.values()) {
            for (int i = 0; i < ws.size(); i++) {
                if (rounds.size() <= i) {
                    rounds.add(new ArrayList<>());
                }
                rounds.get(i).add(ws.get(i));
            }
        }
        return rounds;
    }

    /** The test classes (simple names) of a module that carry {@code @DisplayName("<id>: ...")}. */
    static List<String> exerciseTestClasses(Path module, String id) {
        Path tests = module.resolve("src/test/java");
        String marker = "@DisplayName(\"" + id + ":";
        List<String> out = new ArrayList<>();
        for (String f : javaFilesUnder(tests)) {
            if (read(tests.resolve(f)).contains(marker)) {
                String name = f.substring(f.lastIndexOf('/') + 1);
                out.add(name.substring(0, name.length() - ".java".length()));
            }
        }
        return out;
    }

    static List<String> javaFilesUnder(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".java")).map(p -> dir.relativize(p).toString().replace('\\', '/')).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What the rounds of wrong solutions share: the copy, the pristine solutions, the source files
     * of every module (read once) and the class files the build of the solutions left (a round's
     * extra class files are removed, so no later round can compile against them).
     */
    static final class WrongRounds {
        final Path copy;
        final Path pristine;
        /** Every source file that is compiled with -Psolutions, by path, with its text. */
        final Map<Path, String> sources = new LinkedHashMap<>();
        final java.util.Set<Path> builtFiles = new java.util.HashSet<>();
        /** The solution files the previous round replaced: this round puts them back. */
        List<Path> replaced = List.of();

        WrongRounds(Path copy, Path pristine) {
            this.copy = copy;
            this.pristine = pristine;
            for (String m : SECTIONS.keySet()) {
                for (String dir : List.of("src/main/java", "src/solution/java", "src/test/java", "src/jmh/java")) {
                    Path d = copy.resolve(m).resolve(dir);
                    javaFilesUnder(d).forEach(f -> sources.put(d.resolve(f), read(d.resolve(f))));
                }
                builtFiles.addAll(filesUnder(classDirs(copy, m)));
            }
        }
    }

    static List<Path> classDirs(Path copy, String module) {
        return List.of(copy.resolve(module).resolve("target/classes"), copy.resolve(module).resolve("target/test-classes"));
    }

    static List<Path> filesUnder(List<Path> dirs) {
        List<Path> out = new ArrayList<>();
        for (Path d : dirs) {
            if (Files.isDirectory(d)) {
                try (Stream<Path> s = Files.walk(d)) {
                    s.filter(Files::isRegularFile).forEach(out::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return out;
    }

    static final java.util.regex.Pattern TYPE_DECLARATION = java.util.regex.Pattern.compile("\\b(?:class|interface|enum|record)\\s+([A-Z]\\w*)");

    /**
     * The source files that must be compiled again when {@code changed} change: these files, and every
     * source of any module that names the type of a changed file (its file name), or, in the same
     * package folder, another type a changed file declares (a nested type or a second top-level one:
     * elsewhere it is named through the first). A class that extends or implements such a type counts
     * as changed too, so its own users are there (a subclass inherits the changed members). A file
     * names a type when the simple name appears in it as a word: more than the compiler needs (a
     * comment will do), never less.
     */
    static java.util.Set<Path> dependents(Map<Path, String> sources, List<Path> changed) {
        java.util.Set<Path> out = new java.util.LinkedHashSet<>(changed);
        java.util.Deque<Path> todo = new java.util.ArrayDeque<>(changed);
        java.util.Set<String> seen = new java.util.HashSet<>();
        while (!todo.isEmpty()) {
            Path f = todo.pop();
            String file = f.getFileName().toString();
            String type = file.substring(0, file.length() - ".java".length());
            Map<String, Boolean> names = new LinkedHashMap<>(); // name -> searched in every module (else its package folder only)
            names.put(type, true);
            if (changed.contains(f)) {
                TYPE_DECLARATION.matcher(read(f)).results().forEach(r -> names.putIfAbsent(r.group(1), false));
            }
            String pkg = packageFolder(f);
            names.forEach((n, everywhere) -> {
                if (!seen.add(n + (everywhere ? "" : " in " + pkg))) {
                    return;
                }
                java.util.regex.Pattern word = java.util.regex.Pattern.compile("\\b" + n + "\\b");
                java.util.regex.Pattern inherits = java.util.regex.Pattern.compile("\\b(?:extends|implements)\\s[^{;]*\\b" + n + "\\b");
                sources.forEach((p, text) -> {
                    if (!out.contains(p) && (everywhere || packageFolder(p).equals(pkg)) && text.contains(n) && word.matcher(text).find()) {
                        out.add(p);
                        if (inherits.matcher(text).find()) {
                            todo.push(p);
                        }
                    }
                });
            });
        }
        return out;
    }

    /** {@code <module>:<package path>} of a source file ({@code <module>/src/<set>/java/<package path>/X.java}), whichever set it is in. */
    static String packageFolder(Path source) {
        for (int i = source.getNameCount() - 3; i >= 1; i--) {
            if (source.getName(i).toString().equals("src") && source.getName(i + 2).toString().equals("java")) {
                String pkg = i + 3 < source.getNameCount() - 1 ? source.subpath(i + 3, source.getNameCount() - 1).toString() : "";
                return source.getName(i - 1) + ":" + pkg.replace('\\', '/');
            }
        }
        return source.getParent().toString();
    }

    /**
     * Runs one round: puts back the solution files the previous round replaced, puts this round's
     * wrong solutions in their place, runs the exercise tests of their exercises, keeps the reports.
     *
     * <p>Why this is as strict as rebuilding every module, and much cheaper: the build of the solutions
     * is kept, and Maven's compiler recompiles only stale sources
     * ({@code -Dmaven.compiler.useIncrementalCompilation=false}): the files this round changed, and
     * every main, test and benchmark source of any module that names one of their types
     * ({@link #dependents}), which this method marks as changed. So a wrong solution must still
     * compile together with every source that uses it, and every class that uses it is compiled
     * against it; the rest are the solution's classes, unchanged. Class files a round adds are deleted
     * after it. (Before, every round rebuilt each module it touched, tests and benchmarks included.)
     */
    void runWrongSolutionRound(WrongRounds state, List<WrongSolution> round, Path to) {
        Path copy = state.copy;
        List<Path> changed = new ArrayList<>();
        try {
            for (Path p : state.replaced) {
                Path original = state.pristine.resolve(copy.relativize(p).toString());
                if (Files.exists(original)) {
                    Files.copy(original, p, StandardCopyOption.REPLACE_EXISTING);
                    changed.add(p);
                } else {
                    Files.delete(p); // a stub without a solution: the report names it
                }
            }
            List<Path> replaced = new ArrayList<>();
            for (WrongSolution w : round) {
                Path solutions = copy.resolve(w.module()).resolve("src/solution/java");
                for (String f : javaFilesUnder(w.dir().resolve("java"))) {
                    Files.copy(w.dir().resolve("java").resolve(f), solutions.resolve(f), StandardCopyOption.REPLACE_EXISTING);
                    replaced.add(solutions.resolve(f));
                }
            }
            state.replaced = replaced;
            changed.addAll(replaced);
            java.util.Set<Path> stale = dependents(state.sources, changed);
            FileTime now = FileTime.fromMillis(System.currentTimeMillis());
            for (Path p : stale) {
                Files.setLastModifiedTime(p, now);
            }
            // Only the exercises of this round's wrong solutions run: their test classes, found by the id in @DisplayName.
            List<String> tests = new ArrayList<>();
            for (WrongSolution w : round) {
                List<String> classes = exerciseTestClasses(copy.resolve(w.module()), w.exercise());
                if (classes.isEmpty()) {
                    throw new UsageError(w.module() + "/src/wrong/" + w.name() + ": no test class has @DisplayName(\"" + w.exercise() + ": ...\")");
                }
                tests.addAll(classes);
            }
            // The harness is always in the reactor: the other modules' test-jar dependency resolves to it, never to ~/.m2.
            java.util.Set<String> modules = new java.util.LinkedHashSet<>(List.of("ch08-harness"));
            for (Path p : stale) {
                modules.add(copy.relativize(p).getName(0).toString());
            }
            try {
                runExerciseTests(copy, List.of("-o", "-Psolutions", "-Dmaven.compiler.useIncrementalCompilation=false",
                        "-pl", String.join(",", modules),
                        "-Dtest=" + String.join(",", tests.stream().distinct().toList()), "-Dsurefire.failIfNoSpecifiedTests=false"));
            } catch (UsageError e) {
                throw new UsageError(e.getMessage() + "\n(this round built the solutions with these wrong solutions in place: "
                        + round.stream().map(w -> w.module() + "/src/wrong/" + w.name()).collect(Collectors.joining(", "))
                        + "; a recorded wrong solution must compile)");
            }
            for (String m : SECTIONS.keySet()) {
                for (Path f : filesUnder(classDirs(copy, m))) {
                    if (!state.builtFiles.contains(f)) {
                        Files.delete(f);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        snapshot(copy, to);
        StringBuilder manifest = new StringBuilder();
        round.forEach(w -> manifest.append(w.module()).append('\t').append(w.name()).append('\n'));
        try {
            Files.createDirectories(to);
            Files.writeString(to.resolve("wrong-solutions.tsv"), manifest, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void snapshot(Path tree, Path to) {
        for (String m : SECTIONS.keySet()) {
            Path reports = tree.resolve(m).resolve("target/surefire-reports");
            if (!Files.isDirectory(reports)) {
                continue;
            }
            try (Stream<Path> s = Files.list(reports)) {
                Files.createDirectories(to.resolve(m));
                for (Path f : s.filter(p -> p.getFileName().toString().matches("TEST-.*\\.xml")).toList()) {
                    Files.copy(f, to.resolve(m).resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Puts back, in the copy, every stub as committed; returns how many differed. 0 when git is not there. */
    int restoreCommittedStubs(Path copy) {
        if (!Files.exists(root.resolve(".git")) || exec(List.of("git", "--version"), root, false, true) != 0) {
            System.err.println("ch08: not a git clone: the check runs on the stubs as they are");
            return 0;
        }
        int n = 0;
        for (String m : SECTIONS.keySet()) {
            String stubs = m + "/src/exercise";
            for (String changed : gitLines("diff", "--name-only", "HEAD", "--", stubs)) {
                Path target = copy.resolve(changed);
                Optional<byte[]> committed = gitShow("HEAD:" + changed);
                try {
                    if (committed.isPresent()) {
                        Files.createDirectories(target.getParent());
                        Files.write(target, committed.get());
                    } else {
                        Files.deleteIfExists(target);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                n++;
            }
            for (String added : gitLines("ls-files", "--others", "--exclude-standard", "--", stubs)) {
                delete(copy.resolve(added));
                n++;
            }
        }
        return n;
    }

    List<String> gitLines(String... args) {
        List<String> cmd = new ArrayList<>(List.of("git", "-C", root.toString()));
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new UsageError("git " + String.join(" ", args) + " failed: " + out.strip());
            }
            return out.lines().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UsageError("interrupted");
        }
    }

    Optional<byte[]> gitShow(String object) {
        try {
            Process p = new ProcessBuilder("git", "-C", root.toString(), "show", object).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            return p.waitFor() == 0 ? Optional.of(out) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UsageError("interrupted");
        }
    }

    // ---------------------------------------------------------------- replay one seed of one test

    /**
     * {@code ./ch08 replay <module> <TestClass#method> <seed>}: the command Seeds prints when a seed
     * fails. Checks the names before Maven starts (a class or method that is not there is one clear
     * line and exit 2, in well under a second), adds -Pexercises for a test tagged "exercise", runs
     * that one seed with the fast settings below, and afterwards checks that a test really ran (a
     * Maven run that executes no test is success to Maven, and would be a replay that lies).
     */
    int replay(List<String> args) {
        String usage = t("usage: ./ch08 replay <module> <TestClass#method> <seed>, e.g. ./ch08 replay links PerfectLinkProperties#shouldHoldWithHalfOfAllFramesLost 417",
                "사용법: ./ch08 replay <모듈> <테스트클래스#메서드> <시드>, 예: ./ch08 replay links PerfectLinkProperties#shouldHoldWithHalfOfAllFramesLost 417");
        if (args.equals(List.of("--help")) || args.equals(List.of("-h"))) { // asked for: not an error
            System.out.println(usage);
            return 0;
        }
        if (args.size() != 3) {
            throw new UsageError(usage);
        }
        String m = replayModule(args.get(0));
        java.util.regex.Matcher name = java.util.regex.Pattern.compile("([A-Za-z_$][\\w$]*)(?:#([A-Za-z_$][\\w$]*))?").matcher(args.get(1));
        if (!name.matches()) {
            throw new UsageError(t("'" + args.get(1) + "' is not a test name: give TestClass#method (the simple class name); ",
                    "'" + args.get(1) + "' 은 테스트 이름이 아니다: 테스트클래스#메서드 (패키지 없는 클래스 이름) 로 주세요; ") + usage);
        }
        long seed;
        try {
            seed = Long.parseLong(args.get(2).strip());
        } catch (NumberFormatException e) {
            throw new UsageError(t("the seed must be a whole number, got '" + args.get(2) + "'", "시드는 정수여야 한다. 받은 값: '" + args.get(2) + "'"));
        }
        String cls = name.group(1);
        String method = name.group(2);
        Path tests = root.resolve(m).resolve("src/test/java");
        List<String> files = javaFilesUnder(tests);
        List<String> found = files.stream().filter(f -> f.equals(cls + ".java") || f.endsWith("/" + cls + ".java")).toList();
        if (found.isEmpty()) {
            List<String> classes = files.stream().map(f -> f.substring(f.lastIndexOf('/') + 1, f.length() - ".java".length())).toList();
            throw new UsageError(t("no test class " + cls + " in " + m + "/src/test/java", "찾을 수 없는 테스트 클래스: " + cls + " (" + m + "/src/test/java)")
                    + nearest(cls, classes));
        }
        String source = found.stream().map(f -> read(tests.resolve(f))).collect(Collectors.joining("\n"));
        if (method != null && !java.util.regex.Pattern.compile("\\bvoid\\s+" + java.util.regex.Pattern.quote(method) + "\\s*\\(").matcher(source).find()) {
            List<String> methods = new ArrayList<>();
            java.util.regex.Matcher v = java.util.regex.Pattern.compile("\\bvoid\\s+(\\w+)\\s*\\(").matcher(source);
            while (v.find()) {
                methods.add(v.group(1));
            }
            throw new UsageError(t("test class " + cls + " (" + m + ") has no method " + method, "테스트 클래스 " + cls + " (" + m + ") 에 없는 메서드: " + method)
                    + nearest(method, methods));
        }
        List<String> cmd = new ArrayList<>(mavenCommand());
        // -am: the harness is built in the same run, so this works on a clean clone with nothing installed
        cmd.addAll(List.of("-q", "-pl", m, "-am"));
        if (source.contains("@Tag(\"exercise\")")) {
            cmd.add("-Pexercises"); // the default build skips exercise tests: without it nothing would run
        }
        cmd.addAll(List.of("test", "-Dtest=" + args.get(1), "-Dch08.seed=" + seed,
                // the launcher's classpath file, which a test never reads: one plugin less to load
                "-Dmdep.skip=true"));
        if (m.equals("ch08-harness")) {
            // the harness's pom lets "no such test" pass (it is upstream of every replay); here it is the target
            cmd.add("-Dsurefire.failIfNoSpecifiedTests=true");
        }
        System.err.println("ch08: mvn " + String.join(" ", cmd.subList(mavenCommand().size(), cmd.size())));
        long start = System.currentTimeMillis() - 2000; // a report written by this run is newer than this (coarse file clocks)
        int rc;
        try {
            ProcessBuilder pb = withLang(new ProcessBuilder(cmd).directory(root.toFile()).inheritIO());
            // Maven's own JVM does a few seconds of short-lived work: the quick compiler and the
            // simple collector roughly halve its CPU time here; the test's JVM keeps the defaults
            pb.environment().merge("MAVEN_OPTS", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC", (a, b) -> a + " " + b);
            rc = pb.start().waitFor();
        } catch (IOException e) {
            throw new UsageError(t("cannot run Maven: ", "Maven을 실행할 수 없다: ") + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
        if (rc == 0 && testsRunSince(root.resolve(m).resolve("target/surefire-reports"), start) == 0) {
            throw new UsageError(t("Maven ran no test for " + args.get(1) + " in " + m + ": nothing was replayed",
                    m + " 에서 " + args.get(1) + " 에 해당하는 테스트를 Maven이 하나도 실행하지 않았다: 재현된 것이 없다"));
        }
        return rc;
    }

    /** A chapter module (the ch08- prefix optional), or a reader's own module: a folder with a pom.xml and tests. */
    String replayModule(String name) {
        String plain = name.endsWith("/") || name.endsWith("\\") ? name.substring(0, name.length() - 1) : name;
        if (!plain.contains("/") && !plain.contains("\\") && !plain.contains("..") && !plain.isEmpty()
                && Files.isRegularFile(root.resolve(plain).resolve("pom.xml")) && Files.isDirectory(root.resolve(plain).resolve("src/test/java"))) {
            return plain;
        }
        return module(name);
    }

    /** ", did you mean: X, Y?" with the names closest to {@code wrong} (edit distance), or "". */
    static String nearest(String wrong, List<String> names) {
        // only names a typo away (a third of the letters at most), so the hint never sends the reader elsewhere
        int most = Math.max(2, wrong.length() / 3);
        List<String> close = names.stream().distinct()
                .filter(n -> editDistance(wrong.toLowerCase(Locale.ROOT), n.toLowerCase(Locale.ROOT)) <= most)
                .sorted(java.util.Comparator.comparingInt((String n) -> editDistance(wrong.toLowerCase(Locale.ROOT), n.toLowerCase(Locale.ROOT))).thenComparing(n -> n))
                .limit(3).toList();
        return close.isEmpty() ? "" : t("; did you mean: ", "; 혹시 이것인가: ") + String.join(", ", close) + "?";
    }

    static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = Math.min(Math.min(cur[j - 1], prev[j]) + 1, prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
            int[] tmp = prev;
            prev = cur;
            cur = tmp;
        }
        return prev[b.length()];
    }

    /** Tests run (not skipped) according to the Surefire reports written since {@code sinceMillis}. */
    static int testsRunSince(Path reports, long sinceMillis) {
        if (!Files.isDirectory(reports)) {
            return 0;
        }
        int n = 0;
        try (Stream<Path> s = Files.list(reports)) {
            for (Path f : s.filter(p -> p.getFileName().toString().matches("TEST-.*\\.xml")).toList()) {
                if (Files.getLastModifiedTime(f).toMillis() < sinceMillis) {
                    continue;
                }
                String head = read(f);
                java.util.regex.Matcher suite = java.util.regex.Pattern.compile("<testsuite\\b[^>]*>").matcher(head);
                if (suite.find()) {
                    n += attribute(suite.group(), "tests") - attribute(suite.group(), "skipped");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return n;
    }

    static int attribute(String tag, String name) {
        java.util.regex.Matcher a = java.util.regex.Pattern.compile("\\s" + name + "=\"(\\d+)\"").matcher(tag);
        return a.find() ? Integer.parseInt(a.group(1)) : 0;
    }

    // ---------------------------------------------------------------- benchmarks

    int bench(List<String> args) {
        if (args.isEmpty()) {
            throw new UsageError(t("bench: name a module, or --smoke (valid modules: ", "bench: 모듈을 지정하거나 --smoke 를 주세요 (가능한 모듈: ") + shortNames() + ")");
        }
        Path log = root.resolve("target-bench.log");
        if (args.get(0).equals("--smoke")) {
            if (args.size() > 1) {
                throw new UsageError("bench --smoke takes no further options");
            }
            if (maven(List.of("-B", "-q", "-Pbench", "-DskipTests", "package"), log) != 0) {
                System.err.print(read(log));
                throw new UsageError("building the benchmark jars failed");
            }
            delete(log);
            invalidateBuild();
            int n = 0;
            for (String m : SECTIONS.keySet()) {
                if (!Files.isDirectory(root.resolve(m).resolve("src/jmh/java"))) {
                    continue;
                }
                System.out.println("== JMH smoke: " + m);
                // ignoreLock: a smoke run measures nothing, so it may share the machine with a real run
                if (exec(List.of(javaExecutable(), "-Djmh.ignoreLock=true", "-jar", root.resolve(m).resolve("target/benchmarks.jar").toString(),
                        "-f", "1", "-wi", "0", "-i", "1", "-r", "100ms", "-w", "100ms", "-foe", "true"), root, false) != 0) {
                    throw new UsageError("benchmarks of " + m + " failed");
                }
                n++;
            }
            System.out.println("JMH smoke: " + n + " benchmark jars ran. These figures prove only that every benchmark runs:"
                    + " no warm-up, one 100 ms iteration, no error bars. Measured figures and the settings that give"
                    + " stable ones are in each module README's benchmark section.");
            return 0;
        }
        if (args.get(0).equals("-h") || args.get(0).equals("--help")) {
            System.out.println(t("usage: ./ch08 bench <module> [JMH options]   (./ch08 bench harness -h lists JMH's own options)",
                    "사용법: ./ch08 bench <모듈> [JMH 옵션]   (JMH 자체 옵션: ./ch08 bench harness -h)"));
            return 0;
        }
        String m = module(args.get(0));
        if (!Files.isDirectory(root.resolve(m).resolve("src/jmh/java"))) {
            System.out.println(m + t(": no benchmarks yet", ": 아직 벤치마크가 없다"));
            return 0;
        }
        if (maven(List.of("-B", "-q", "-Pbench", "-DskipTests", "package", "-pl", m, "-am"), log) != 0) {
            System.err.print(read(log));
            throw new UsageError(t("building " + m + "/target/benchmarks.jar failed", m + "/target/benchmarks.jar 빌드 실패"));
        }
        delete(log);
        invalidateBuild();
        List<String> cmd = new ArrayList<>(List.of(javaExecutable(), "-jar", root.resolve(m).resolve("target/benchmarks.jar").toString()));
        cmd.addAll(args.subList(1, args.size()));
        return exec(cmd, root, false);
    }

    // ---------------------------------------------------------------- processes and files

    static boolean windows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    }

    static String javaExecutable() {
        Path home = Path.of(System.getProperty("java.home"));
        Path java = home.resolve("bin").resolve(windows() ? "java.exe" : "java");
        return Files.isExecutable(java) ? java.toString() : "java";
    }

    /** Maven from the PATH, else the Maven Wrapper of this repository. */
    List<String> mavenCommand() {
        String exe = windows() ? "mvn.cmd" : "mvn";
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir).resolve(exe))) {
                return List.of(exe);
            }
        }
        Path wrapper = root.resolve(windows() ? "mvnw.cmd" : "mvnw");
        if (Files.exists(wrapper)) {
            return windows() ? List.of("cmd", "/c", wrapper.toString()) : List.of("sh", wrapper.toString());
        }
        throw new UsageError("Maven is not on the PATH and the Maven Wrapper (mvnw) is missing: install Maven 3.8+");
    }

    int maven(List<String> args) {
        return maven(args, null);
    }

    /** Runs Maven in the repository root; with a log file, its output goes there instead of the console. */
    int maven(List<String> args, Path log) {
        return maven(args, log, false);
    }

    /**
     * Runs Maven with its output in {@code log}; with {@code progress}, each module Maven starts is
     * named on the console, so a first build (a minute or more) never looks hung.
     */
    int maven(List<String> args, Path log, boolean progress) {
        List<String> cmd = new ArrayList<>(mavenCommand());
        cmd.addAll(args);
        if (log == null) {
            return exec(cmd, root, false);
        }
        try {
            Process p = withLang(new ProcessBuilder(cmd).directory(root.toFile()).redirectErrorStream(true)).start();
            p.getOutputStream().close();
            // With progress on, a quiet stretch (a big module compiling) still prints a line every 4 s.
            java.util.concurrent.atomic.AtomicLong lastShown = new java.util.concurrent.atomic.AtomicLong(System.nanoTime());
            Thread heartbeat = new Thread(() -> {
                while (progress && !Thread.currentThread().isInterrupted()) {
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException e) {
                        return;
                    }
                    if (System.nanoTime() - lastShown.get() > 4_000_000_000L) {
                        System.err.println(t("ch08:   ... still building", "ch08:   ... 아직 빌드 중"));
                        lastShown.set(System.nanoTime());
                    }
                }
            });
            heartbeat.setDaemon(true);
            heartbeat.start();
            java.util.regex.Pattern building = java.util.regex.Pattern.compile("\\[INFO\\] Building (\\S+) \\S+ *(\\[\\d+/\\d+\\])");
            try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                    var out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
                for (String line; (line = in.readLine()) != null; ) {
                    out.write(line);
                    out.newLine();
                    var m = building.matcher(line);
                    if (progress && m.find()) {
                        System.err.println("ch08:   " + m.group(1) + " " + m.group(2));
                        lastShown.set(System.nanoTime());
                    }
                }
            } finally {
                heartbeat.interrupt();
            }
            return p.waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }

    static int exec(List<String> cmd, Path dir, boolean noInput) {
        return exec(cmd, dir, noInput, false);
    }

    /** Runs a command with this console; {@code noInput} closes its standard input (the tour never waits for a key). */
    static int exec(List<String> cmd, Path dir, boolean noInput, boolean quiet) {
        try {
            ProcessBuilder pb = withLang(new ProcessBuilder(cmd).directory(dir.toFile()));
            if (quiet) {
                pb.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
            } else {
                pb.redirectOutput(ProcessBuilder.Redirect.INHERIT).redirectError(ProcessBuilder.Redirect.INHERIT);
            }
            pb.redirectInput(noInput || quiet ? ProcessBuilder.Redirect.PIPE : ProcessBuilder.Redirect.INHERIT);
            Process p = pb.start();
            if (noInput || quiet) {
                p.getOutputStream().close();
            }
            return p.waitFor();
        } catch (IOException e) {
            if (quiet) {
                return 127;
            }
            throw new UsageError(t("cannot run ", "실행할 수 없다: ") + cmd.get(0) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }

    static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies the working tree without build output, git's data or demo output. */
    static void copyTree(Path from, Path to) {
        try {
            Files.walkFileTree(from, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                    if (!dir.equals(from) && Arrays.asList("target", ".git", "ch08-out", ".idea").contains(name)) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.REPLACE_EXISTING);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
