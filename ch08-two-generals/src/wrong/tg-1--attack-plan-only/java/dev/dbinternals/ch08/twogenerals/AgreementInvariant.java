// Wrong solution for tg-1: agreement is checked only under plan ATTACK, as if nobody could attack on RETREAT.
package dev.dbinternals.ch08.twogenerals;

public final class AgreementInvariant {

    private AgreementInvariant() {
    }

    public static boolean holds(GeneralsState s) {
        if (s.plan() == Plan.RETREAT) {
            return true; // "on RETREAT nobody attacks anyway"
        }
        return !s.decided() || s.a() == s.b();
    }
}
