package dev.dbinternals.ch08.flp;

/**
 * Exercise flp-2, reference solution: every <em>correct</em> (non-crashed) process has decided;
 * crashed processes are not required to.
 */
public final class Termination {

    private Termination() {
    }

    public static boolean holds(ConsensusOutcome o) {
        for (int p = 0; p < o.n(); p++) {
            if (o.correct(p) && !o.decided(p)) {
                return false;
            }
        }
        return true;
    }
}
