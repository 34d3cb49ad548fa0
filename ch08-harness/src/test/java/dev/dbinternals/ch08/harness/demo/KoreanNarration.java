package dev.dbinternals.ch08.harness.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks what a demo printed with {@code --lang ko}: Korean narration, and no English sentence
 * left behind. Every module's demo test runs its demos in Korean through this.
 *
 * <p>A line is English prose when it has no Hangul and four or more lowercase English words in a
 * row ("the link lost it"). Trace lines (they start with a time: {@code 1.725ms  B  DELIVER ...})
 * are data, not narration, and are skipped. Each demo must print at least {@link #MIN_HANGUL_LINES}
 * lines with Hangul, and every heading ({@code == ... ==}) must have Hangul. Its tables must line up
 * on a terminal, where Hangul is two columns wide ({@link CrookedTables}).
 *
 * <p>Test scaffolding (harness test-jar), never in main code.
 */
public final class KoreanNarration {

    /** Fewer than this many lines with Hangul and the demo was not translated. */
    public static final int MIN_HANGUL_LINES = 3;

    private static final Pattern TRACE_LINE = Pattern.compile("^\\s*-?\\d+(\\.\\d+)?(ns|us|µs|ms|s)\\s.*");
    private static final Pattern WORD = Pattern.compile("[a-z]+(['’][a-z]+)?");

    private KoreanNarration() {
    }

    /** Whether {@code s} has a Hangul syllable or jamo. */
    public static boolean hasHangul(CharSequence s) {
        return s.codePoints().anyMatch(c -> (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0x1100 && c <= 0x11FF) || (c >= 0x3130 && c <= 0x318F));
    }

    /** Whether {@code line} reads as an English sentence (see the class comment). */
    public static boolean isEnglishProse(String line) {
        if (hasHangul(line) || TRACE_LINE.matcher(line).matches()) {
            return false;
        }
        int run = 0;
        for (String token : line.split("\\s+")) {
            String word = token.replaceAll("^[(\\[\"'“‘]+|[)\\]\"'”’.,;:!?]+$", "");
            if (WORD.matcher(word).matches()) {
                if (++run >= 4) {
                    return true;
                }
            } else {
                run = 0;
            }
        }
        return false;
    }

    /** The number of lines with Hangul in {@code output}. */
    public static long hangulLines(String output) {
        return output.lines().filter(KoreanNarration::hasHangul).count();
    }

    /** What is wrong with one demo's Korean output, one entry per problem (empty when it is Korean throughout). */
    public static List<String> problems(String demo, String output) {
        List<String> problems = new ArrayList<>();
        long hangul = hangulLines(output);
        if (hangul < MIN_HANGUL_LINES) {
            problems.add(demo + ": only " + hangul + " lines with Hangul");
        }
        output.lines().forEach(line -> {
            if (isEnglishProse(line)) {
                problems.add(demo + ": English left in Korean output: " + line.strip());
            } else if (line.startsWith("== ") && !hasHangul(line)) {
                problems.add(demo + ": heading without Korean: " + line.strip());
            }
        });
        CrookedTables.in(output).forEach(table -> problems.add(demo + ": table padded by characters, not terminal columns, at " + table));
        return problems;
    }

    /** The problems of every demo in {@code outputs} (from {@link DemoList#runAllQuick} with {@code --lang ko}). */
    public static List<String> problems(Map<DemoList.Demo, String> outputs) {
        List<String> all = new ArrayList<>();
        outputs.forEach((demo, output) -> all.addAll(problems(demo.name(), output)));
        return all;
    }
}
