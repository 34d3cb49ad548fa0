package dev.dbinternals.ch08.twogenerals;

/**
 * Exercise tg-1, reference solution: the <b>agreement</b> invariant (합의) of the Two Generals'
 * Problem (두 장군 문제). Undecided states cannot break agreement; decided ones must match.
 */
public final class AgreementInvariant {

    private AgreementInvariant() {
    }

    /** True unless both generals decided in {@code s} and one attacks while the other retreats. */
    public static boolean holds(GeneralsState s) {
        if (!s.decided()) {
            return true;
        }
        return s.a() == s.b();
    }
}
