/*
 * Reads Surefire's XML reports of the exercise tests and prints the reader's progress, or
 * proves that every exercise test fails on its stub and passes on its solution.
 *
 * Run by ./ch08 (as a single-file Java program, so it needs no build of its own):
 *   java tools/ExerciseReport.java progress <root> <module>...
 *   java tools/ExerciseReport.java honesty  <root> <snapshot-dir> <module>...
 *   java tools/ExerciseReport.java summary  <root> <module>...   (all tests of the last run, one line)
 */
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

public class ExerciseReport {

    enum Outcome { PASSED, FAILED, SKIPPED }

    /** One exercise test method's result. */
    record TestResult(String exercise, String test, Outcome outcome, String message) {
        String key() {
            return exercise + " :: " + test;
        }
    }

    /** Korean when the launcher says so (CH08_LANG, set from --lang) or the locale is Korean: the rule of Lang in ch08-harness. */
    static final boolean KO = korean(System.getenv());

    static boolean korean(Map<String, String> env) {
        String explicit = env.get("CH08_LANG");
        if (explicit != null && !explicit.isBlank()) {
            return explicit.strip().equalsIgnoreCase("ko");
        }
        for (String name : List.of("LC_ALL", "LC_MESSAGES", "LANG")) {
            String v = env.get(name);
            if (v != null && !v.isEmpty()) {
                return v.toLowerCase(java.util.Locale.ROOT).startsWith("ko");
            }
        }
        return java.util.Locale.getDefault().getLanguage().equals("ko");
    }

    static String t(String en, String ko) {
        return KO ? ko : en;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: ExerciseReport progress <root> <module>... | honesty <root> <snapshot> <module>... | summary <root> <module>...");
            System.exit(2);
        }
        Path root = Path.of(args[1]);
        switch (args[0]) {
            case "progress" -> System.exit(progress(root, List.of(args).subList(2, args.length)));
            case "honesty" -> System.exit(honesty(root, Path.of(args[2]), List.of(args).subList(3, args.length)));
            case "summary" -> System.exit(summary(root, List.of(args).subList(2, args.length)));
            default -> {
                System.err.println("unknown mode '" + args[0] + "' (valid: progress, honesty)");
                System.exit(2);
            }
        }
    }

    static int progress(Path root, List<String> modules) throws Exception {
        int solved = 0, total = 0;
        List<String> lines = new ArrayList<>();
        List<String> todo = new ArrayList<>();
        for (String m : modules) {
            Map<String, List<TestResult>> byExercise = group(read(root.resolve(m).resolve("target/surefire-reports")));
            if (byExercise.isEmpty()) {
                continue;
            }
            int ok = 0;
            for (var e : byExercise.entrySet()) {
                boolean done = e.getValue().stream().allMatch(r -> r.outcome() == Outcome.PASSED);
                if (done) {
                    ok++;
                } else {
                    TestResult first = e.getValue().stream().filter(r -> r.outcome() != Outcome.PASSED).findFirst().orElseThrow();
                    todo.add("  ✗ " + e.getKey() + "\n      " + first.test() + ": " + firstLine(first.message()));
                }
            }
            lines.add(m + t(": " + ok + "/" + byExercise.size() + " exercises solved", ": 문제 " + ok + "/" + byExercise.size() + " 해결"));
            solved += ok;
            total += byExercise.size();
        }
        if (total == 0) {
            System.out.println(t("No exercise test ran: is the build broken, or are there no exercises in these modules?",
                    "실행된 연습 문제 테스트가 없다. 빌드가 깨졌는지, 이 모듈들에 연습 문제가 없는지 확인하세요."));
            return 1;
        }
        if (!todo.isEmpty()) {
            System.out.println();
            System.out.println(t("Not solved yet (open the file the message names; hints: each module's HINTS.md and README):",
                    "아직 풀지 않은 문제 (메시지가 가리키는 파일을 여세요. 힌트: 각 모듈의 HINTS.ko.md 와 README.ko.md):"));
            todo.forEach(System.out::println);
        }
        System.out.println();
        lines.forEach(System.out::println);
        if (modules.size() > 1) {
            System.out.println(t("Chapter 8: " + solved + "/" + total + " exercises solved", "8장: 문제 " + solved + "/" + total + " 해결"));
        }
        return solved == total ? 0 : 1;
    }

    /** One plain line over every test of the last run, e.g. "tests: 412 passed, 0 failed, 3 skipped". */
    static int summary(Path root, List<String> modules) throws Exception {
        int passed = 0, failed = 0, skipped = 0;
        for (String m : modules) {
            for (TestResult r : read(root.resolve(m).resolve("target/surefire-reports"))) {
                switch (r.outcome()) {
                    case PASSED -> passed++;
                    case FAILED -> failed++;
                    case SKIPPED -> skipped++;
                }
            }
        }
        System.out.println("tests: " + passed + " passed, " + failed + " failed, " + skipped + " skipped");
        return failed == 0 && passed > 0 ? 0 : 1;
    }

    static int honesty(Path root, Path snapshot, List<String> modules) throws Exception {
        List<String> problems = new ArrayList<>();
        int exercises = 0, tests = 0, failOnStubs = 0, passOnSolutions = 0;
        for (String m : modules) {
            problems.addAll(checkStubsHaveSolutions(root.resolve(m)));
            Map<String, TestResult> stubs = index(read(snapshot.resolve("stubs").resolve(m)));
            Map<String, TestResult> solutions = index(read(snapshot.resolve("solutions").resolve(m)));
            TreeSet<String> keys = new TreeSet<>(stubs.keySet());
            keys.addAll(solutions.keySet());
            TreeSet<String> ids = new TreeSet<>();
            for (String k : keys) {
                tests++;
                TestResult onStub = stubs.get(k);
                TestResult onSolution = solutions.get(k);
                ids.add((onStub != null ? onStub : onSolution).exercise());
                if (onStub == null) {
                    problems.add(m + ": " + k + " did not run on the stubs");
                } else if (onStub.outcome() == Outcome.FAILED) {
                    failOnStubs++;
                } else {
                    problems.add(m + ": " + k + " " + (onStub.outcome() == Outcome.PASSED ? "PASSES" : "is skipped") + " on the stub: an exercise must fail until the reader writes the code");
                }
                if (onSolution == null) {
                    problems.add(m + ": " + k + " did not run on the solutions");
                } else if (onSolution.outcome() == Outcome.PASSED) {
                    passOnSolutions++;
                } else {
                    problems.add(m + ": " + k + " " + (onSolution.outcome() == Outcome.FAILED ? "FAILS" : "is skipped") + " on the reference solution: " + firstLine(onSolution.message()));
                }
            }
            exercises += ids.size();
        }
        int[] wrong = checkWrongSolutions(snapshot, problems);
        System.out.println();
        System.out.println(exercises + " exercises (" + tests + " tests): " + failOnStubs + " fail on stubs, " + passOnSolutions + " pass on solutions");
        System.out.println(wrong[0] + " recorded wrong solutions: " + wrong[1] + " fail at least one test of their exercise");
        if (exercises == 0) {
            System.out.println("honesty check FAILED: no exercise test ran at all");
            return 1;
        }
        if (!problems.isEmpty()) {
            System.out.println("honesty check FAILED:");
            problems.forEach(p -> System.out.println("  - " + p));
            return 1;
        }
        System.out.println("honesty check passed");
        return 0;
    }

    /**
     * Each recorded wrong solution (a misconception, kept in src/wrong/&lt;id&gt;--&lt;slug&gt;) must make at
     * least one test of its exercise fail. The launcher ran them in rounds, each with a
     * wrong-solutions.tsv naming what it ran; returns {recorded, caught} and adds the problems.
     */
    static int[] checkWrongSolutions(Path snapshot, List<String> problems) throws Exception {
        int recorded = 0, caught = 0;
        List<Path> rounds;
        try (Stream<Path> s = Files.list(snapshot)) {
            rounds = s.filter(p -> p.getFileName().toString().startsWith("wrong-")).sorted().toList();
        }
        for (Path round : rounds) {
            for (String line : Files.readAllLines(round.resolve("wrong-solutions.tsv"))) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t");
                String module = f[0], name = f[1], id = name.substring(0, name.indexOf("--"));
                recorded++;
                List<TestResult> ofExercise = read(round.resolve(module)).stream()
                        .filter(r -> r.exercise().equals(id) || r.exercise().startsWith(id + ":")).toList();
                List<TestResult> failed = ofExercise.stream().filter(r -> r.outcome() == Outcome.FAILED).toList();
                String where = module + "/src/wrong/" + name;
                if (ofExercise.isEmpty()) {
                    problems.add(where + ": no test of " + id + " ran with it (is the id right?)");
                } else if (failed.isEmpty()) {
                    problems.add(where + " PASSES every test of " + id + ": the tests do not catch this misconception");
                } else {
                    caught++;
                    System.out.println("  caught " + where + " by " + failed.get(0).test()
                            + (failed.size() > 1 ? " (+" + (failed.size() - 1) + " more)" : ""));
                }
            }
        }
        return new int[] {recorded, caught};
    }

    /** Every stub must have a solution with the same path, and the other way round. */
    static List<String> checkStubsHaveSolutions(Path module) throws IOException {
        List<String> out = new ArrayList<>();
        TreeSet<String> stubs = javaFiles(module.resolve("src/exercise/java"));
        TreeSet<String> solutions = javaFiles(module.resolve("src/solution/java"));
        for (String s : stubs) {
            if (!solutions.contains(s)) {
                out.add(module.getFileName() + ": stub src/exercise/java/" + s + " has no solution in src/solution/java/");
            }
        }
        for (String s : solutions) {
            if (!stubs.contains(s)) {
                out.add(module.getFileName() + ": solution src/solution/java/" + s + " has no stub in src/exercise/java/");
            }
        }
        return out;
    }

    static TreeSet<String> javaFiles(Path dir) throws IOException {
        TreeSet<String> out = new TreeSet<>();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> s = Files.walk(dir)) {
                s.filter(p -> p.toString().endsWith(".java")).forEach(p -> out.add(dir.relativize(p).toString()));
            }
        }
        return out;
    }

    static Map<String, List<TestResult>> group(List<TestResult> results) {
        Map<String, List<TestResult>> out = new TreeMap<>();
        results.forEach(r -> out.computeIfAbsent(r.exercise(), k -> new ArrayList<>()).add(r));
        return out;
    }

    static Map<String, TestResult> index(List<TestResult> results) {
        Map<String, TestResult> out = new TreeMap<>();
        results.forEach(r -> out.put(r.key(), r));
        return out;
    }

    static List<TestResult> read(Path reports) throws Exception {
        List<TestResult> out = new ArrayList<>();
        if (!Files.isDirectory(reports)) {
            return out;
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(reports)) {
            files = s.filter(p -> p.getFileName().toString().startsWith("TEST-") && p.toString().endsWith(".xml")).sorted().toList();
        }
        var factory = DocumentBuilderFactory.newInstance();
        factory.setExpandEntityReferences(false);
        for (Path f : files) {
            Element suite = factory.newDocumentBuilder().parse(f.toFile()).getDocumentElement();
            String exercise = suite.getAttribute("name");
            NodeList cases = suite.getElementsByTagName("testcase");
            for (int i = 0; i < cases.getLength(); i++) {
                Element c = (Element) cases.item(i);
                Outcome outcome = Outcome.PASSED;
                String message = "";
                for (String tag : new String[] {"failure", "error"}) {
                    NodeList n = c.getElementsByTagName(tag);
                    if (n.getLength() > 0) {
                        outcome = Outcome.FAILED;
                        Element e = (Element) n.item(0);
                        message = e.getAttribute("message").isEmpty() ? e.getTextContent() : e.getAttribute("message");
                    }
                }
                if (outcome == Outcome.PASSED && c.getElementsByTagName("skipped").getLength() > 0) {
                    outcome = Outcome.SKIPPED;
                }
                out.add(new TestResult(exercise, c.getAttribute("name"), outcome, message));
            }
        }
        return out;
    }

    /** The gist of a failure message on one line: AssertJ spreads "expected ... but was ..." over several. */
    static String firstLine(String s) {
        if (s == null || s.isBlank()) {
            return "(no message)";
        }
        String t = s.strip().replaceAll("\\s+", " ");
        return t.length() <= 1000 ? t : t.substring(0, 997) + "...";
    }
}
