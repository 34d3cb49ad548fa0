// Wrong solution for tg-1: agreement is confused with non-triviality ("both attack"), so agreeing retreats and undecided states are flagged.
package dev.dbinternals.ch08.twogenerals;

public final class AgreementInvariant {

    private AgreementInvariant() {
    }

    public static boolean holds(GeneralsState s) {
        return s.a() == Decision.ATTACK && s.b() == Decision.ATTACK;
    }
}
