// Wrong solution for tg-1: disagreement is taken to mean "A attacks alone", so B attacking alone slips through.
package dev.dbinternals.ch08.twogenerals;

public final class AgreementInvariant {

    private AgreementInvariant() {
    }

    public static boolean holds(GeneralsState s) {
        return !(s.a() == Decision.ATTACK && s.b() == Decision.RETREAT);
    }
}
