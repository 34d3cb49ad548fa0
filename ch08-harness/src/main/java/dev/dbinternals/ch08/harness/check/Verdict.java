package dev.dbinternals.ch08.harness.check;

/** What a checker concluded. */
public enum Verdict {
    /** A legal order exists; the result carries one (the witness). */
    OK,
    /** No legal order exists; the result carries a small set of operations that already cannot be ordered (the core). */
    VIOLATED,
    /** The search gave up at its budget: neither proved nor refuted. */
    UNKNOWN
}
