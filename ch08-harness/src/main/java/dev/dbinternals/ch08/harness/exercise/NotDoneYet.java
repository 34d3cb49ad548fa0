package dev.dbinternals.ch08.harness.exercise;

import dev.dbinternals.ch08.harness.lang.Lang;

/**
 * Thrown by every exercise stub until the reader writes the code.
 *
 * <p>The message names the exercise, the file to edit and what is expected, so a red test
 * tells the reader exactly where to go. Exercises are described in each module's README.
 *
 * <p>Book: every section of Chapter 8 (『데이터베이스 인터널스』 8장) has exercises built on it.
 * Immutable and thread-safe.
 */
public final class NotDoneYet extends UnsupportedOperationException {
    private static final long serialVersionUID = 1L;

    /**
     * @param exercise   the exercise id, for example {@code links-1}
     * @param file       the file to edit, relative to the repository root
     * @param expected   one sentence: what the code should do
     * @param expectedKo the same sentence in Korean (terms as in {@code docs/glossary.md}); shown
     *                   when the locale or {@code --lang} is Korean (see {@link Lang})
     */
    public NotDoneYet(String exercise, String file, String expected, String expectedKo) {
        super(Lang.t("Exercise " + exercise + " is not done yet: open " + file + " and " + expected
                        + " (hints: HINTS.md; the Exercises table in the module's README.md)",
                "연습 문제 " + exercise + "을(를) 아직 풀지 않았습니다: " + file + "을(를) 열고 " + expectedKo
                        + " (힌트: HINTS.ko.md, 모듈 README.ko.md의 연습 문제 표)"));
    }
}
