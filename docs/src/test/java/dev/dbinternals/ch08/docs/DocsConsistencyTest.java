package dev.dbinternals.ch08.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the docs honest: they describe files, modules and demos that exist, and they cover the
 * whole chapter.
 */
class DocsConsistencyTest {

    private static final Path ROOT = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent();

    /** The notes' headings, used when the notes themselves (outside this repository) are not beside the clone. */
    private static final List<String> NOTES_HEADINGS = List.of(
            "동시 수행", "동시성과 병렬성", "분산 시스템의 자원 공유", "분산 컴퓨팅의 오류", "프로세싱", "클럭과 시간",
            "상태 일관성", "로컬 실행과 원격 실행", "장애 처리", "네트워크 파션 부분 장애", "계단식 장애 cascading failures",
            "분산 시스템 추상화", "링크", "손실될 수 있는 링크", "메시지 확인 응답", "메시지 재전송", "재전송 문제",
            "메시지 순서", "정확히 한 번만 전달", "두 장군 문제", "FLP 불가능성 이론", "시스템 동기성", "장애 모델",
            "충돌", "누락", "임의의 장애");

    @Test
    void shouldGiveEveryModuleAReadme() throws IOException {
        for (String module : modules()) {
            assertThat(ROOT.resolve(module).resolve("README.md")).as("README of module %s", module).isRegularFile();
        }
    }

    /** The rows of the chapter map's table, split into cells (without the header and separator). */
    private static List<List<String>> chapterMapRows() throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (String line : Files.readAllLines(ROOT.resolve("docs/chapter-map.md"), StandardCharsets.UTF_8)) {
            if (!line.startsWith("| ") || line.startsWith("| ---") || line.startsWith("| § ")) {
                continue;
            }
            String[] cells = line.substring(1, line.lastIndexOf('|')).split("\\|", -1);
            rows.add(Stream.of(cells).map(String::strip).toList());
        }
        assertThat(rows).as("rows of the chapter map's table").isNotEmpty();
        return rows;
    }

    private static final int SECTION = 0, NOTES_HEADING = 3, DEMO = 4, EXERCISES = 5, TESTS = 6;

    @Test
    void shouldMapEveryHeadingOfTheNotesToARowOfTheChapterMap() throws IOException {
        List<List<String>> rows = chapterMapRows();
        assertThat(rows).as("every row has 7 cells").allSatisfy(r -> assertThat(r).hasSize(7));
        List<String> headings = rows.stream().map(r -> r.get(NOTES_HEADING)).toList();
        for (String heading : notesHeadings()) {
            assertThat(headings).as("chapter-map.md 'notes heading' column").contains(heading);
        }
    }

    @Test
    void shouldGiveEveryRowOfTheChapterMapOneDemoThatExists() throws IOException {
        Pattern command = Pattern.compile("^`\\./ch08 demo ([a-z0-9-]+) ([a-z0-9-]+)(?: [^`]*)?`$");
        for (List<String> row : chapterMapRows()) {
            Matcher m = command.matcher(row.get(DEMO));
            assertThat(m.matches()).as("§%s names one demo command: %s", row.get(SECTION), row.get(DEMO)).isTrue();
            String module = "ch08-" + m.group(1);
            assertThat(demoNames(ROOT.resolve(module).resolve("demos.txt")))
                    .as("§%s: demo of %s", row.get(SECTION), module).contains(m.group(2));
        }
    }

    @Test
    void shouldNameOnlyExercisesAndTestClassesThatExistInTheChapterMap() throws IOException {
        Set<String> exerciseIds = new TreeSet<>();
        Set<String> testClasses = new TreeSet<>();
        Pattern displayName = Pattern.compile("@DisplayName\\(\"([a-z]+-[0-9]+)\\b");
        try (Stream<Path> s = Files.walk(ROOT)) {
            for (Path p : s.filter(p -> p.toString().endsWith(".java") && p.toString().contains("/src/test/java/")).toList()) {
                testClasses.add(p.getFileName().toString().replace(".java", ""));
                Matcher m = displayName.matcher(Files.readString(p, StandardCharsets.UTF_8));
                while (m.find()) {
                    exerciseIds.add(m.group(1));
                }
            }
        }
        for (List<String> row : chapterMapRows()) {
            for (String id : row.get(EXERCISES).split(",\\s*")) {
                if (!id.equals("—")) {
                    assertThat(exerciseIds).as("§%s exercise id", row.get(SECTION)).contains(id);
                }
            }
            Matcher m = Pattern.compile("`([A-Za-z0-9]+)`").matcher(row.get(TESTS));
            assertThat(m.find()).as("§%s names a test class", row.get(SECTION)).isTrue();
            do {
                assertThat(testClasses).as("§%s test class", row.get(SECTION)).contains(m.group(1));
            } while (m.find());
        }
    }

    @Test
    void shouldAskReviewQuestionsForEveryRowOfTheChapterMap() throws IOException {
        String map = Files.readString(ROOT.resolve("docs/chapter-map.md"), StandardCharsets.UTF_8);
        for (List<String> row : chapterMapRows()) {
            String heading = "\n### " + row.get(SECTION) + " ";
            int at = map.indexOf(heading);
            assertThat(at).as("a '### %s …' review-questions heading", row.get(SECTION)).isPositive();
            int next = map.indexOf("\n### ", at + 1);
            String block = map.substring(at, next < 0 ? map.length() : next);
            assertThat(block).as("review questions of §%s", row.get(SECTION)).contains("<details><summary>", "</details>");
        }
    }

    @Test
    void shouldTourEveryDemoInTheBooksOrder() throws IOException {
        List<String> toured = new ArrayList<>();
        int sections = 0;
        for (String line : Files.readAllLines(ROOT.resolve("tour.txt"), StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            String[] parts = line.strip().split("\\s+");
            if (parts[0].equals("section")) {
                assertThat(line).as("a section line names the heading in English and Korean").contains(" | ");
                sections++;
                continue;
            }
            assertThat(parts).as("tour.txt line '%s' is <module> <demo>", line).hasSize(2);
            assertThat(sections).as("a section line comes before '%s'", line).isPositive();
            assertThat(demoNames(ROOT.resolve("ch08-" + parts[0]).resolve("demos.txt")))
                    .as("tour.txt line '%s' names a demo of ch08-%s", line, parts[0]).contains(parts[1]);
            toured.add("ch08-" + parts[0] + " " + parts[1]);
        }
        for (String module : modules()) {
            for (String demo : demoNames(ROOT.resolve(module).resolve("demos.txt"))) {
                assertThat(toured).as("tour.txt visits every demo").contains(module + " " + demo);
            }
        }
    }

    @Test
    void shouldResolveEveryRelativeLinkInTheMarkdown() throws IOException {
        Pattern link = Pattern.compile("\\]\\(([^)\\s]+)\\)");
        List<String> broken = new ArrayList<>();
        for (Path md : markdownFiles()) {
            String text = Files.readString(md, StandardCharsets.UTF_8);
            Matcher m = link.matcher(text);
            while (m.find()) {
                String target = m.group(1);
                if (target.matches("^[a-z]+:.*") || target.startsWith("#")) {
                    continue;
                }
                String file = target.replaceAll("#.*$", "");
                if (!Files.exists(md.getParent().resolve(file).normalize())) {
                    broken.add(ROOT.relativize(md) + " -> " + target);
                }
            }
        }
        assertThat(broken).as("relative links that point nowhere").isEmpty();
    }

    @Test
    void shouldListOnlyDemosWhoseMainClassExists() throws IOException {
        for (String module : modules()) {
            Path demos = ROOT.resolve(module).resolve("demos.txt");
            if (!Files.exists(demos)) {
                continue;
            }
            for (String line : Files.readAllLines(demos, StandardCharsets.UTF_8)) {
                if (line.isBlank() || line.strip().startsWith("#")) {
                    continue;
                }
                String[] parts = line.strip().split("\\s+", 3);
                assertThat(parts).as("%s/demos.txt line '%s' has a name, a class and a title", module, line).hasSize(3);
                Path source = ROOT.resolve(module).resolve("src/main/java").resolve(parts[1].replace('.', '/') + ".java");
                assertThat(source).as("demo %s of %s", parts[0], module).isRegularFile();
                assertThat(Files.readString(source, StandardCharsets.UTF_8)).as("demo %s has a main method", parts[0])
                        .contains("static void main(");
            }
        }
    }

    @Test
    void shouldNameOnlyClassesThatExistInTheChapterMapAndGlossary() throws IOException {
        Set<String> classes = new TreeSet<>();
        try (Stream<Path> s = Files.walk(ROOT)) {
            s.filter(p -> p.toString().endsWith(".java") && p.toString().contains("/src/"))
                    .forEach(p -> classes.add(p.getFileName().toString().replace(".java", "")));
        }
        Pattern name = Pattern.compile("`([A-Z][A-Za-z0-9]+)(?:\\.[a-zA-Z]+(?:\\(\\))?)?`");
        List<String> missing = new ArrayList<>();
        for (String doc : List.of("docs/chapter-map.md", "docs/glossary.md")) {
            Matcher m = name.matcher(Files.readString(ROOT.resolve(doc), StandardCharsets.UTF_8));
            while (m.find()) {
                if (!classes.contains(m.group(1))) {
                    missing.add(doc + ": " + m.group());
                }
            }
        }
        assertThat(missing).as("class names in the docs without a source file").isEmpty();
    }

    @Test
    void shouldRunOnlyDemosThatExistInEveryCommandTheDocsShow() throws IOException {
        Pattern command = Pattern.compile("\\./ch08 demo ([a-z0-9-]+)(?: ([a-z0-9][a-z0-9-]*))?");
        List<String> wrong = new ArrayList<>();
        for (Path md : markdownFiles()) {
            Matcher m = command.matcher(Files.readString(md, StandardCharsets.UTF_8));
            while (m.find()) {
                String module = m.group(1).startsWith("ch08-") || m.group(1).equals("docs") ? m.group(1) : "ch08-" + m.group(1);
                Path demos = ROOT.resolve(module).resolve("demos.txt");
                if (!Files.isDirectory(ROOT.resolve(module))) {
                    wrong.add(ROOT.relativize(md) + ": no module " + m.group(1));
                } else if (m.group(2) != null && !demoNames(demos).contains(m.group(2))) {
                    wrong.add(ROOT.relativize(md) + ": no demo '" + m.group(2) + "' in " + module + "/demos.txt");
                }
            }
        }
        assertThat(wrong).as("./ch08 demo commands in the Markdown that would be refused").isEmpty();
    }

    private static Set<String> demoNames(Path demos) throws IOException {
        Set<String> names = new TreeSet<>();
        if (Files.exists(demos)) {
            for (String line : Files.readAllLines(demos, StandardCharsets.UTF_8)) {
                if (!line.isBlank() && !line.strip().startsWith("#")) {
                    names.add(line.strip().split("\\s+")[0]);
                }
            }
        }
        return names;
    }

    private static List<String> notesHeadings() throws IOException {
        Path notes = ROOT.resolveSibling("shared").resolve("seed/ch08-notes.ko.md");
        if (!Files.exists(notes)) {
            return NOTES_HEADINGS;
        }
        List<String> headings = new ArrayList<>();
        for (String line : Files.readAllLines(notes, StandardCharsets.UTF_8)) {
            if (line.startsWith("##")) {
                headings.add(line.replaceAll("^#+", "").replace("`", "").strip());
            } else if (line.startsWith("> ####")) {
                headings.add(line.replaceAll("^> #+", "").strip());
            }
        }
        return headings;
    }

    private static List<String> modules() throws IOException {
        String pom = Files.readString(ROOT.resolve("pom.xml"), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("<module>([^<]+)</module>").matcher(pom);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        assertThat(out).as("modules of the parent POM").isNotEmpty();
        return out;
    }

    private static List<Path> markdownFiles() throws IOException {
        try (Stream<Path> s = Files.walk(ROOT)) {
            return s.filter(p -> p.toString().endsWith(".md"))
                    .filter(p -> !ROOT.relativize(p).toString().matches("(^|.*/)(target|\\.git|ch08-out)(/.*)?"))
                    .sorted()
                    .toList();
        }
    }
}
