// Wrong solution for tg-1: a general that has not decided yet is counted as not attacking, so a state where one has decided to attack and the other has not decided counts as a violation.
package dev.dbinternals.ch08.twogenerals;

public final class AgreementInvariant {

    private AgreementInvariant() {
    }

    public static boolean holds(GeneralsState s) {
        boolean aAttacks = s.a() == Decision.ATTACK;
        boolean bAttacks = s.b() == Decision.ATTACK;
        return aAttacks == bAttacks;
    }
}
