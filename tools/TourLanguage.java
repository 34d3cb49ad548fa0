/*
 * Checks a transcript of `./ch08 tour --quick --lang ko`: every demo the tour ran printed Korean
 * narration. Counts, per demo, the lines with Hangul (between one "---- <module> / <demo>: ..."
 * header and the next) and fails when a demo has fewer than 3, or when no demo ran at all.
 * The module tests check each demo's Korean in detail (KoreanNarration); this checks the tour as
 * the reader runs it, through the launcher.
 *
 *   java tools/TourLanguage.java <transcript file>
 */
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class TourLanguage {

    static final int MIN_HANGUL_LINES = 3;

    public static void main(String[] args) throws Exception {
        if (args.length != 1 || !Files.isRegularFile(Path.of(args[0]))) {
            System.err.println("usage: java tools/TourLanguage.java <transcript of ./ch08 tour --quick --lang ko>");
            System.exit(2);
        }
        List<String> lines = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8);
        Pattern header = Pattern.compile("^---- ([a-z-]+ / [a-z0-9-]+): .*");
        Map<String, Integer> hangul = new LinkedHashMap<>();
        String demo = null;
        for (String line : lines) {
            Matcher m = header.matcher(line);
            if (m.matches()) {
                demo = m.group(1);
                hangul.putIfAbsent(demo, 0);
            } else if (demo != null && line.codePoints().anyMatch(c -> c >= 0xAC00 && c <= 0xD7A3)
                    && !line.startsWith("---- ") && !line.startsWith("# ")) {
                hangul.merge(demo, 1, Integer::sum);
            }
        }
        int bad = 0;
        for (var e : hangul.entrySet()) {
            boolean ok = e.getValue() >= MIN_HANGUL_LINES;
            bad += ok ? 0 : 1;
            System.out.printf("%-42s %4d lines with Hangul%s%n", e.getKey(), e.getValue(), ok ? "" : "   <- too few");
        }
        if (hangul.isEmpty()) {
            System.out.println("no demo header found: is this a transcript of ./ch08 tour?");
            System.exit(1);
        }
        System.out.println(hangul.size() + " demos, " + bad + " with fewer than " + MIN_HANGUL_LINES + " lines of Korean");
        System.exit(bad == 0 ? 0 : 1);
    }
}
