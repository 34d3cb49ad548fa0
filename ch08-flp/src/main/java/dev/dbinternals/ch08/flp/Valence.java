package dev.dbinternals.ch08.flp;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

/**
 * The valence of a configuration (FLP's term): which decision values are still reachable from it.
 *
 * <p>Book: Chapter 8, "FLP Impossibility" (FLP 불가능성 이론). A configuration is
 * <em>0-valent</em> or <em>1-valent</em> (univalent) when every run from it that decides, decides
 * that one value; <em>bivalent</em> when runs from it can still decide either. Valence is defined
 * for protocols that keep agreement (a configuration where two processes decided differently
 * would count as bivalent forever). FLP's proof assumes a protocol that tolerates one crash and
 * shows: it has a bivalent initial configuration (Lemma 2); and (Lemma 3) for a bivalent
 * configuration C and any event e applicable to C, among the configurations reached from C by a
 * finite sequence of events without e and then e itself, one is bivalent. The adversary may
 * interpose several steps before e, not just pick a next step. Applying Lemma 3 in stages, each
 * time with e = the next process in round-robin order receiving the oldest message waiting for
 * it, builds an admissible run with no crash that stays bivalent forever. {@link #NONE} means no run from here decides at all.
 */
public enum Valence {
    NONE, ZERO, ONE, BIVALENT;

    static Valence ofMask(int mask) {
        return switch (mask) {
            case 0 -> NONE;
            case 1 -> ZERO;
            case 2 -> ONE;
            default -> BIVALENT;
        };
    }

    static int maskOf(Configuration c) {
        int mask = 0;
        for (ProcessState p : c.processes()) {
            if (p.decided()) {
                mask |= 1 << p.decision();
            }
        }
        return mask;
    }

    @Override
    public String toString() {
        return switch (this) {
            case NONE -> t("no decision reachable", "도달 가능한 결정 없음");
            case ZERO -> t("0-valent", "0-단가");
            case ONE -> t("1-valent", "1-단가");
            case BIVALENT -> t("bivalent", "양가");
        };
    }
}
