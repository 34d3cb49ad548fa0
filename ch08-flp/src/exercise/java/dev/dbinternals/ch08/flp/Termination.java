package dev.dbinternals.ch08.flp;

import dev.dbinternals.ch08.harness.exercise.NotDoneYet;

/**
 * Exercise flp-2: state <b>termination</b> (종료) correctly. The study notes say, in paraphrase,
 * that consensus is valid only when all processes have decided; that is not the property. Write
 * the real one.
 * Assume the run is over (no step can happen any more).
 */
public final class Termination {

    private Termination() {
    }

    /** True when termination holds for the finished run {@code o}. */
    public static boolean holds(ConsensusOutcome o) {
        throw new NotDoneYet("flp-2", "ch08-flp/src/exercise/java/dev/dbinternals/ch08/flp/Termination.java",
                "return whether every process that termination is about has decided (think: which processes must decide?)");
    }
}
