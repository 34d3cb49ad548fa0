package dev.dbinternals.ch08.harness.lang;

/**
 * Padding by terminal columns, not by characters, so a Korean table lines up.
 *
 * <p>{@code String.format("%-10s", s)} counts characters; a terminal gives a Hangul syllable (and
 * other East Asian wide letters) two columns, so a Korean cell padded by {@code %-10s} pushes every
 * later column to the right. These methods count the columns the terminal will use: two for the
 * code points Unicode's East Asian Width property calls Wide or Fullwidth (the ranges below are
 * the ones this project prints: Hangul, CJK, fullwidth forms), one for everything else.
 *
 * <p>Book: none; it serves the Korean edition (『데이터베이스 인터널스』) of every demo.
 */
public final class Columns {

    private Columns() {
    }

    /** The columns a terminal gives {@code s}. */
    public static int width(CharSequence s) {
        return s.codePoints().map(c -> wide(c) ? 2 : 1).sum();
    }

    /** {@code s} followed by spaces up to {@code columns} columns (left-aligned); never cut. */
    public static String left(String s, int columns) {
        return s + " ".repeat(Math.max(0, columns - width(s)));
    }

    /** Spaces, then {@code s}, up to {@code columns} columns (right-aligned); never cut. */
    public static String right(String s, int columns) {
        return " ".repeat(Math.max(0, columns - width(s))) + s;
    }

    /** Whether a terminal draws code point {@code c} two columns wide (East Asian Wide or Fullwidth). */
    public static boolean wide(int c) {
        return (c >= 0x1100 && c <= 0x115F)      // Hangul Jamo, leading consonants (the vowels and finals that follow join them)
                || (c >= 0x2E80 && c <= 0x303E)  // CJK radicals, punctuation
                || (c >= 0x3041 && c <= 0x33FF)  // kana, Hangul compatibility jamo, CJK compatibility
                || (c >= 0x3400 && c <= 0x4DBF)  // CJK extension A
                || (c >= 0x4E00 && c <= 0x9FFF)  // CJK unified ideographs
                || (c >= 0xA960 && c <= 0xA97F)  // Hangul Jamo extended A
                || (c >= 0xAC00 && c <= 0xD7A3)  // Hangul syllables
                || (c >= 0xF900 && c <= 0xFAFF)  // CJK compatibility ideographs
                || (c >= 0xFE30 && c <= 0xFE4F)  // CJK compatibility forms
                || (c >= 0xFF00 && c <= 0xFF60)  // fullwidth forms
                || (c >= 0xFFE0 && c <= 0xFFE6)
                || (c >= 0x20000 && c <= 0x3FFFD);
    }
}
