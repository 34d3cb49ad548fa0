package dev.dbinternals.ch08.concurrency.interleaving;

/**
 * How an outcome is graded, as in jcstress's {@code @Outcome(expect = ...)}.
 *
 * <p>Book: Chapter 8, "Concurrent Execution" (동시 수행).
 */
public enum Expect {
    /** A correct result. */
    ACCEPTABLE,
    /** Allowed by the program as written, and worth pointing at: here, a lost update. */
    ACCEPTABLE_INTERESTING,
    /** Must never happen; in the exhaustive model, unreachable (0 interleavings). */
    FORBIDDEN
}
