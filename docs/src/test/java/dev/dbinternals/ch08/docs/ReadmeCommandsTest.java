package dev.dbinternals.ch08.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every command a README prints must work as printed on a clean clone: Maven commands that name a
 * module also build what it needs ({@code -am}) and do not assume a filled local repository
 * ({@code -o}); named tests exist; launcher commands exist; and the cheap ones (a demo's
 * {@code --help}) are run.
 */
class ReadmeCommandsTest {

    private static final Path ROOT = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent();

    /** A command as it appears in a Markdown file: inline code or a line of a fenced block. */
    record Command(Path file, String text) {
        @Override
        public String toString() {
            return ROOT.relativize(file) + ": " + text;
        }
    }

    static List<Command> commands() throws IOException {
        Pattern inline = Pattern.compile("`([^`]+)`");
        List<Command> out = new ArrayList<>();
        for (Path md : markdownFiles()) {
            boolean fenced = false;
            for (String line : Files.readAllLines(md, StandardCharsets.UTF_8)) {
                if (line.strip().startsWith("```")) {
                    fenced = !fenced;
                    continue;
                }
                List<String> candidates = new ArrayList<>();
                if (fenced) {
                    candidates.add(line.strip().replaceFirst("^\\$ ", ""));
                } else {
                    Matcher m = inline.matcher(line);
                    while (m.find()) {
                        candidates.add(m.group(1).strip());
                    }
                }
                for (String c : candidates) {
                    if (c.endsWith("# misspelt on purpose")) {
                        continue; // shows what a wrong name does: the one command meant not to work
                    }
                    String cmd = c.replaceAll("\\s+#.*$", "").strip();
                    if (cmd.matches("^(mvn|\\./mvnw|mvnw|\\./ch08|java -jar|java -cp) .*")) {
                        out.add(new Command(md, cmd));
                    }
                }
            }
        }
        return out;
    }

    @Test
    void shouldBuildWhatANamedModuleNeedsAndNeverAssumeAFilledLocalRepository() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (Command c : commands()) {
            if (!c.text().matches("^(mvn|\\./mvnw|mvnw) .*")) {
                continue;
            }
            List<String> words = List.of(c.text().split("\\s+"));
            if (words.contains("-o") || words.contains("--offline")) {
                wrong.add(c + "   (-o fails on a clean setup: the harness is not in the local repository)");
            }
            if (words.contains("-pl") && !words.contains("-am") && !c.text().contains("ch08-harness ")) {
                wrong.add(c + "   (-pl without -am cannot find ch08-harness on a clean setup)");
            }
            // On the stubs the harness's own exercises fail first, and Maven stops before the module named.
            if (words.contains("-Pexercises") && !words.contains("-Psolutions") && !c.text().contains("-Dtest=")
                    && !c.text().contains("-Dmaven.test.failure.ignore=true") && !c.text().contains("-pl ch08-harness ")) {
                wrong.add(c + "   (on unsolved stubs the harness's exercises fail first and the build stops: add -Dtest=... or -Dmaven.test.failure.ignore=true)");
            }
        }
        assertThat(wrong).as("Maven commands in the Markdown that fail on a clean clone").isEmpty();
    }

    @Test
    void shouldNameOnlyTestsThatExist() throws IOException {
        Set<String> tests = new TreeSet<>();
        List<Path> sources;
        try (Stream<Path> s = Files.walk(ROOT)) {
            sources = s.filter(p -> p.toString().endsWith(".java") && p.toString().contains("/src/test/java/"))
                    .filter(p -> !ROOT.relativize(p).toString().startsWith("target")).toList();
        }
        for (Path p : sources) {
            String cls = p.getFileName().toString().replace(".java", "");
            tests.add(cls);
            Matcher m = Pattern.compile("void (\\w+)\\(").matcher(Files.readString(p, StandardCharsets.UTF_8));
            while (m.find()) {
                tests.add(cls + "#" + m.group(1));
            }
        }
        // -Dtest=A#b,C and the launcher's "./ch08 replay <module> A#b <seed>"
        Pattern test = Pattern.compile("(?:-Dtest=|^\\./ch08 replay \\S+ )'?([A-Za-z0-9#*,.]+)'?");
        List<String> missing = new ArrayList<>();
        for (Command c : commands()) {
            Matcher m = test.matcher(c.text());
            while (m.find()) {
                for (String t : m.group(1).split(",")) {
                    if (!t.contains("*") && !tests.contains(t)) {
                        missing.add(c + "   (no test " + t + ")");
                    }
                }
            }
        }
        assertThat(missing).as("-Dtest= names in the Markdown that run nothing").isEmpty();
    }

    @Test
    void shouldUseOnlyLauncherCommandsThatExist() throws IOException {
        Set<String> valid = Set.of("tour", "demo", "list", "test", "exercises", "solutions", "honesty", "bench", "replay", "help", "--help");
        Set<String> modules = Set.of("concurrency", "harness", "links", "two-generals", "flp", "failure-models", "cascading");
        List<String> wrong = new ArrayList<>();
        for (Command c : commands()) {
            if (!c.text().startsWith("./ch08 ")) {
                continue;
            }
            String[] w = c.text().split("\\s+");
            if (!valid.contains(w[1])) {
                wrong.add(c + "   (no command " + w[1] + ")");
            } else if (Set.of("exercises", "solutions", "bench", "demo", "replay").contains(w[1]) && w.length > 2
                    && !w[2].startsWith("-") && !w[2].startsWith("<") && !modules.contains(w[2].replaceFirst("^ch08-", ""))) {
                wrong.add(c + "   (no module " + w[2] + ")");
            }
        }
        assertThat(wrong).as("./ch08 commands in the Markdown that the launcher refuses").isEmpty();
    }

    /** Runs {@code --help} of every demo a Markdown command names: cheap, and it proves the class starts. */
    @Test
    void shouldStartEveryDemoTheDocsNameWithHelp() throws Exception {
        Pattern demo = Pattern.compile("^\\./ch08 demo ([a-z0-9-]+) ([a-z0-9][a-z0-9-]*)");
        Set<String> seen = new LinkedHashSet<>();
        for (Command c : commands()) {
            Matcher m = demo.matcher(c.text());
            if (m.find()) {
                seen.add((m.group(1).startsWith("ch08-") ? "" : "ch08-") + m.group(1) + " " + m.group(2));
            }
        }
        assertThat(seen).as("demo commands in the docs").isNotEmpty();
        assumeTrue(Files.exists(ROOT.resolve("ch08-harness/target/runtime-classpath.txt")),
                "the modules are not built: run mvn -B test from the repository root");
        List<String> failed = new ArrayList<>();
        for (String s : seen) {
            String module = s.split(" ")[0], name = s.split(" ")[1];
            String mainClass = null;
            if (!Files.exists(ROOT.resolve(module).resolve("demos.txt"))) {
                continue;  // DocsConsistencyTest reports unknown modules
            }
            for (String line : Files.readAllLines(ROOT.resolve(module).resolve("demos.txt"), StandardCharsets.UTF_8)) {
                String[] p = line.strip().split("\\s+", 3);
                if (p.length == 3 && p[0].equals(name)) {
                    mainClass = p[1];
                }
            }
            if (mainClass == null) {
                continue;  // DocsConsistencyTest reports unknown demos
            }
            String cp = ROOT.resolve(module).resolve("target/classes") + File.pathSeparator
                    + Files.readString(ROOT.resolve(module).resolve("target/runtime-classpath.txt")).strip();
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", cp, mainClass, "--help").redirectErrorStream(true).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                failed.add(s + ": --help did not return within 60 s");
            } else if (p.exitValue() != 0 || !out.contains("usage")) {
                failed.add(s + ": --help exited " + p.exitValue() + ": " + out.strip());
            }
        }
        assertThat(failed).as("demos named in the docs whose --help fails").isEmpty();
    }

    private static List<Path> markdownFiles() throws IOException {
        try (Stream<Path> s = Files.walk(ROOT)) {
            return s.filter(p -> p.toString().endsWith(".md"))
                    .filter(p -> !ROOT.relativize(p).toString().matches("(^|.*/)(target|\\.git|ch08-out)(/.*)?"))
                    .sorted().toList();
        }
    }
}
