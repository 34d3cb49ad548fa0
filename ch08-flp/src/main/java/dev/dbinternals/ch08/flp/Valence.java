package dev.dbinternals.ch08.flp;

/**
 * The valence of a configuration (FLP's term): which decision values are still reachable from it.
 *
 * <p>Book: Chapter 8, "FLP Impossibility" (FLP 불가능성 이론). A configuration is
 * <em>0-valent</em> or <em>1-valent</em> (univalent) when every run from it that decides, decides
 * that one value; <em>bivalent</em> when runs from it can still decide either. FLP's proof shows a
 * fault-tolerant protocol must start in a bivalent configuration (Lemma 2) and that the adversary
 * can always keep it bivalent (Lemma 3). {@link #NONE} means no run from here decides at all.
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
            case NONE -> "no decision reachable";
            case ZERO -> "0-valent";
            case ONE -> "1-valent";
            case BIVALENT -> "bivalent";
        };
    }
}
