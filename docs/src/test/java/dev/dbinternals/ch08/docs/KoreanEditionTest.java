package dev.dbinternals.ch08.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Korean edition (issue 11): every reader-facing text exists in both languages, the Korean
 * follows the glossary, and the Korean documents have the same sections as the English ones.
 *
 * <ul>
 *   <li>every {@code t(en, ko)} of the project has Korean in its Korean half and the same format
 *       specifiers in both halves, and every demo summary, option description and exercise message
 *       is given in Korean too;</li>
 *   <li>no Korean text uses a variant the glossary rejects ({@code docs/glossary.md}, "Variants not
 *       to use"), except where a document quotes the study notes;</li>
 *   <li>every {@code README.md}, {@code HINTS.md} and doc has its {@code .ko.md} twin, linked both
 *       ways, with the same headings (levels, in order), the same commands and table rows.</li>
 * </ul>
 */
class KoreanEditionTest {

    private static final Path ROOT = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent();
    private static final Pattern FORMAT = Pattern.compile("%(\\d+\\$)?[-#+0,(]*\\d*(\\.\\d+)?([a-zA-Z%])");
    private static final Pattern ENGLISH_WORD = Pattern.compile("\\b[a-z]{3,}\\b");

    // ------------------------------------------------------------------ both languages in the code

    @Test
    void shouldGiveEveryTwoLanguageTextKoreanWithTheSameFormatSpecifiers() throws IOException {
        List<String> problems = new ArrayList<>();
        int pairs = 0;
        for (Path file : javaSources()) {
            JavaSource src = new JavaSource(Files.readString(file, StandardCharsets.UTF_8));
            for (JavaSource.Call call : src.calls("t")) {
                String where = ROOT.relativize(file) + ":" + call.line();
                if (call.arguments().size() != 2) {
                    continue; // another method named t
                }
                pairs++;
                String en = call.arguments().get(0).literals();
                String ko = call.arguments().get(1).literals();
                // a single word may become punctuation in Korean (t(" and ", ", ")); a phrase may not
                if (ENGLISH_WORD.matcher(en).results().count() >= 2 && !hasHangul(ko)) {
                    problems.add(where + ": the Korean half has no Korean: " + call.arguments().get(1).source());
                }
                if (!specifiers(en).equals(specifiers(ko))) {
                    problems.add(where + ": format specifiers differ: " + specifiers(en) + " vs " + specifiers(ko));
                }
            }
        }
        assertThat(pairs).as("t(en, ko) pairs found (the scan works)").isGreaterThan(100);
        assertThat(problems).as("two-language texts whose Korean half is missing or formats differently").isEmpty();
    }

    @Test
    void shouldGiveEveryDemoSummaryOptionAndExerciseMessageInKorean() throws IOException {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Path file : javaSources()) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            JavaSource src = new JavaSource(text);
            List<String> methods = new ArrayList<>(List.of("NotDoneYet"));
            if (text.contains("DemoArgs") && !file.endsWith("DemoArgs.java")) {
                methods.addAll(List.of("forDemo", "intOption", "longOption", "doubleOption", "choiceOption", "flag",
                        "fileOption", "hostPortOption", "option"));
            }
            for (String m : methods) {
                for (JavaSource.Call call : src.calls(m)) {
                    if (m.equals("NotDoneYet") && !text.contains("new NotDoneYet(")) {
                        continue;
                    }
                    List<JavaSource.Argument> args = call.arguments();
                    if (args.isEmpty()) {
                        continue;
                    }
                    checked++;
                    JavaSource.Argument last = args.get(args.size() - 1);
                    if (!hasHangul(last.literals())) {
                        problems.add(ROOT.relativize(file) + ":" + call.line() + ": " + m + "(...) without Korean text: "
                                + last.source());
                    }
                }
            }
        }
        assertThat(checked).as("calls checked (the scan works)").isGreaterThan(50);
        assertThat(problems).as("reader-facing texts given in English only").isEmpty();
    }

    // ------------------------------------------------------------------ one set of terms

    @Test
    void shouldUseTheGlossarysTermInEveryKoreanText() throws IOException {
        Map<String, String> forbidden = forbiddenVariants();
        assertThat(forbidden).as("the glossary's variants not to use").hasSizeGreaterThan(10);
        List<String> problems = new ArrayList<>();
        for (Path file : textFiles()) {
            List<String> lines = quotableLinesRemoved(file);
            for (int i = 0; i < lines.size(); i++) {
                for (var f : forbidden.entrySet()) {
                    if (lines.get(i).contains(f.getKey())) {
                        problems.add(ROOT.relativize(file) + ":" + (i + 1) + ": '" + f.getKey() + "' (use " + f.getValue() + ")");
                    }
                }
            }
        }
        assertThat(problems).as("Korean words the glossary rejects").isEmpty();
    }

    @Test
    void shouldGiveTheKoreanGlossaryTheSameTermsAsTheEnglishOne() throws IOException {
        Path en = ROOT.resolve("docs/glossary.md");
        Path ko = ROOT.resolve("docs/glossary.ko.md");
        assertThat(ko).isRegularFile();
        List<List<String>> enTables = tables(en);
        List<List<String>> koTables = tables(ko);
        assertThat(koTables).as("tables of glossary.ko.md").hasSameSizeAs(enTables);
        for (int t = 0; t < enTables.size(); t++) {
            assertThat(koTables.get(t)).as("first column of table %d of glossary.ko.md", t + 1).isEqualTo(enTables.get(t));
        }
    }

    // ------------------------------------------------------------------ the same documents in Korean

    @Test
    void shouldGiveEveryReadmeAKoreanTwinWithTheSameSectionsAndCommands() throws IOException {
        List<Path> readmes;
        try (Stream<Path> s = Files.walk(ROOT)) {
            readmes = s.filter(p -> p.getFileName().toString().equals("README.md") && !excluded(p)).sorted().toList();
        }
        assertThat(readmes).as("README.md files").hasSizeGreaterThanOrEqualTo(9);
        List<String> problems = new ArrayList<>();
        for (Path en : readmes) {
            problems.addAll(twinProblems(en, en.resolveSibling("README.ko.md")));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void shouldGiveEveryHintsFileAKoreanTwinWithTheSameExercises() throws IOException {
        List<String> problems = new ArrayList<>();
        int files = 0;
        for (Path module : modules()) {
            Path en = module.resolve("HINTS.md");
            if (!Files.exists(en)) {
                continue;
            }
            files++;
            Path ko = module.resolve("HINTS.ko.md");
            problems.addAll(twinProblems(en, ko));
            if (Files.exists(ko)) {
                List<String> enIds = hintIds(en);
                List<String> koIds = hintIds(ko);
                if (!enIds.equals(koIds)) {
                    problems.add(ROOT.relativize(ko) + ": hints for " + koIds + ", HINTS.md has " + enIds);
                }
            }
        }
        assertThat(files).isEqualTo(modules().size());
        assertThat(problems).isEmpty();
    }

    @Test
    void shouldGiveEveryDocAKoreanTwinWithTheSameSectionsAndRows() throws IOException {
        List<String> problems = new ArrayList<>();
        for (String doc : List.of("chapter-map", "errata", "reading-guide", "glossary")) {
            Path en = ROOT.resolve("docs/" + doc + ".md");
            Path ko = ROOT.resolve("docs/" + doc + ".ko.md");
            problems.addAll(twinProblems(en, ko));
            if (Files.exists(ko)) {
                List<List<String>> enT = tables(en);
                List<List<String>> koT = tables(ko);
                if (enT.size() != koT.size()) {
                    problems.add(ROOT.relativize(ko) + ": " + koT.size() + " tables, the English has " + enT.size());
                } else {
                    for (int t = 0; t < enT.size(); t++) {
                        if (enT.get(t).size() != koT.get(t).size()) {
                            problems.add(ROOT.relativize(ko) + ": table " + (t + 1) + " has " + koT.get(t).size()
                                    + " rows, the English " + enT.get(t).size());
                        }
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    /** What differs between an English document and its Korean twin: existence, links, headings, commands. */
    private static List<String> twinProblems(Path en, Path ko) throws IOException {
        List<String> problems = new ArrayList<>();
        String enName = en.getFileName().toString();
        String koName = ko.getFileName().toString();
        if (!Files.isRegularFile(ko)) {
            problems.add(ROOT.relativize(en) + ": no Korean twin " + koName);
            return problems;
        }
        List<String> enLines = Files.readAllLines(en, StandardCharsets.UTF_8);
        List<String> koLines = Files.readAllLines(ko, StandardCharsets.UTF_8);
        if (enLines.stream().limit(3).noneMatch(l -> l.contains("(" + koName + ")"))) {
            problems.add(ROOT.relativize(en) + ": no link to " + koName + " in its first 3 lines");
        }
        if (koLines.stream().limit(3).noneMatch(l -> l.contains("(" + enName + ")"))) {
            problems.add(ROOT.relativize(ko) + ": no link back to " + enName + " in its first 3 lines");
        }
        if (!headingLevels(enLines).equals(headingLevels(koLines))) {
            problems.add(ROOT.relativize(ko) + ": headings (levels in order) " + headingLevels(koLines)
                    + " differ from " + enName + "'s " + headingLevels(enLines));
        }
        String koText = String.join("\n", koLines);
        for (String command : commands(enLines)) {
            if (!koText.contains(command)) {
                problems.add(ROOT.relativize(ko) + ": the command '" + command + "' of " + enName + " is missing");
            }
        }
        if (hangulLines(koLines) < Math.min(5, enLines.size() / 10)) {
            problems.add(ROOT.relativize(ko) + ": hardly any Korean in it");
        }
        return problems;
    }

    // ------------------------------------------------------------------ helpers

    static boolean hasHangul(CharSequence s) {
        return s.codePoints().anyMatch(c -> c >= 0xAC00 && c <= 0xD7A3);
    }

    private static long hangulLines(List<String> lines) {
        return lines.stream().filter(KoreanEditionTest::hasHangul).count();
    }

    private static List<String> specifiers(String format) {
        List<String> out = new ArrayList<>();
        Matcher m = FORMAT.matcher(format);
        while (m.find()) {
            out.add(m.group().replaceFirst("^%\\d+\\$", "%"));
        }
        out.sort(null);
        return out;
    }

    /** The levels of the Markdown headings outside fenced code, in order: "2 3 3 2 ...". */
    private static List<Integer> headingLevels(List<String> lines) {
        List<Integer> out = new ArrayList<>();
        boolean fenced = false;
        for (String l : lines) {
            if (l.startsWith("```")) {
                fenced = !fenced;
            } else if (!fenced && l.matches("^#{1,6} .*")) {
                out.add(l.indexOf(' '));
            }
        }
        return out;
    }

    /** The commands in fenced code blocks: lines starting with ./ch08, ch08, mvn, java or ./mvnw. */
    private static List<String> commands(List<String> lines) {
        List<String> out = new ArrayList<>();
        boolean fenced = false;
        for (String l : lines) {
            if (l.startsWith("```")) {
                fenced = !fenced;
                continue;
            }
            String s = l.strip().replaceFirst("^\\$ ", "");
            if (fenced && s.matches("^(\\./ch08|ch08|mvn|\\./mvnw|java) .*")) {
                out.add(s.replaceFirst("\\s+#.*$", "").strip());
            }
        }
        return out;
    }

    private static List<String> hintIds(Path hints) throws IOException {
        List<String> ids = new ArrayList<>();
        Matcher m = Pattern.compile("<summary>[^<]*?([a-z]+-\\d+)").matcher(Files.readString(hints, StandardCharsets.UTF_8));
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    /** The first column of every Markdown table, table by table (header and separator rows left out). */
    private static List<List<String>> tables(Path md) throws IOException {
        List<List<String>> out = new ArrayList<>();
        List<String> current = null;
        boolean header = false;
        for (String l : Files.readAllLines(md, StandardCharsets.UTF_8)) {
            if (l.startsWith("|")) {
                if (current == null) {
                    current = new ArrayList<>();
                    out.add(current);
                    header = true;
                    continue;
                }
                if (header && l.startsWith("| ---")) {
                    header = false;
                    continue;
                }
                current.add(l.substring(1).split("\\|", -1)[0].strip());
            } else {
                current = null;
            }
        }
        return out;
    }

    /** The glossary's "Variants not to use": not this -> but this. */
    static Map<String, String> forbiddenVariants() throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        boolean inSection = false;
        for (String l : Files.readAllLines(ROOT.resolve("docs/glossary.md"), StandardCharsets.UTF_8)) {
            if (l.startsWith("#")) {
                inSection = l.contains("Variants not to use");
            } else if (inSection && l.startsWith("| ") && !l.startsWith("| ---") && !l.startsWith("| not this")) {
                String[] cells = l.substring(1).split("\\|", -1);
                out.put(cells[0].strip(), cells[1].strip());
            }
        }
        return out;
    }

    /**
     * The lines of a text file where a forbidden variant counts: in the glossaries, the section that
     * lists the variants is blanked; in tables, a column whose header names the study notes (they are
     * quoted as they are, errors included) is blanked.
     */
    private static List<String> quotableLinesRemoved(Path file) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        boolean glossary = file.getFileName().toString().startsWith("glossary");
        boolean blankSection = false;
        List<Integer> quoteColumns = List.of();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.startsWith("#")) {
                blankSection = glossary && (l.contains("Variants not to use") || l.contains("쓰지 않는"));
            }
            if (blankSection) {
                lines.set(i, "");
                continue;
            }
            if (!l.startsWith("|")) {
                quoteColumns = List.of();
                continue;
            }
            String[] cells = l.substring(1).split("\\|", -1);
            if (i + 1 < lines.size() && lines.get(i + 1).startsWith("| ---")) { // a header row
                List<Integer> q = new ArrayList<>();
                for (int c = 0; c < cells.length; c++) {
                    String h = cells[c].toLowerCase();
                    if (h.contains("notes") || h.contains("노트")) {
                        q.add(c);
                    }
                }
                quoteColumns = q;
                continue;
            }
            for (int c : quoteColumns) {
                if (c < cells.length) {
                    cells[c] = "";
                }
            }
            lines.set(i, String.join("|", cells));
        }
        return lines;
    }

    /** Java sources of every module (main, test, exercise) and the launcher; not src/wrong, not build output. */
    private static List<Path> javaSources() throws IOException {
        try (Stream<Path> s = Files.walk(ROOT)) {
            return s.filter(p -> p.toString().endsWith(".java") && !excluded(p)
                            && !ROOT.relativize(p).toString().replace('\\', '/').matches(".*/src/wrong/.*"))
                    .sorted().toList();
        }
    }

    /** Every text a reader may see that can hold Korean: Markdown, Java, demos.txt, tour.txt. */
    private static List<Path> textFiles() throws IOException {
        try (Stream<Path> s = Files.walk(ROOT)) {
            return s.filter(p -> !excluded(p)).filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".md") || p.toString().endsWith(".java")
                            || p.getFileName().toString().equals("demos.txt") || p.getFileName().toString().equals("tour.txt"))
                    // the docs tests quote the notes' headings as they are
                    .filter(p -> !ROOT.relativize(p).toString().replace('\\', '/').startsWith("docs/src/test/"))
                    .sorted().toList();
        }
    }

    private static boolean excluded(Path p) {
        String rel = ROOT.relativize(p).toString().replace('\\', '/');
        return rel.startsWith(".") || rel.contains("/target/") || rel.startsWith("target/") || rel.contains("/.")
                || rel.startsWith("ch08-out/") || rel.contains("/ch08-out/") || rel.contains("node_modules");
    }

    private static List<Path> modules() throws IOException {
        try (Stream<Path> s = Files.list(ROOT)) {
            return s.filter(p -> p.getFileName().toString().startsWith("ch08-") && Files.isRegularFile(p.resolve("pom.xml")))
                    .sorted().toList();
        }
    }
}
