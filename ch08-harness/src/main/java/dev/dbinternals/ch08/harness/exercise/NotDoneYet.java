package dev.dbinternals.ch08.harness.exercise;

/**
 * Thrown by every exercise stub until the reader writes the code.
 *
 * <p>The message names the exercise, the file to edit and what is expected, so a red test
 * tells the reader exactly where to go. Exercises are described in each module's README.
 *
 * <p>Book: every section of Chapter 8 (분산 시스템 소개와 개요) has exercises built on it.
 * Immutable and thread-safe.
 */
public final class NotDoneYet extends UnsupportedOperationException {
    private static final long serialVersionUID = 1L;

    /**
     * @param exercise the exercise id, for example {@code links-1}
     * @param file     the file to edit, relative to the repository root
     * @param expected one sentence: what the code should do
     */
    public NotDoneYet(String exercise, String file, String expected) {
        super("Exercise " + exercise + " is not done yet: open " + file + " and " + expected
                + " (hint: the Exercises table in the module's README.md)");
    }
}
