package dev.dbinternals.ch08.twogenerals;

import dev.dbinternals.ch08.harness.exercise.NotDoneYet;

/**
 * Exercise tg-1: write the <b>agreement</b> invariant (합의) of the Two Generals' Problem
 * (두 장군 문제) for the explorer.
 *
 * <p>The explorer checks an invariant in <em>every</em> reachable state, including states where
 * messengers are still on the way and nobody has decided yet. Agreement is about decisions:
 * it is broken exactly in a state where both generals have decided, differently.
 */
public final class AgreementInvariant {

    private AgreementInvariant() {
    }

    /** True unless both generals decided in {@code s} and one attacks while the other retreats. */
    public static boolean holds(GeneralsState s) {
        throw new NotDoneYet("tg-1", "ch08-two-generals/src/exercise/java/dev/dbinternals/ch08/twogenerals/AgreementInvariant.java",
                "return false only for a state in which both generals decided and their decisions differ");
    }
}
