// Wrong solution for tg-1: the invariant is written for the end of a run only, so a state still waiting for messengers counts as a violation.
package dev.dbinternals.ch08.twogenerals;

public final class AgreementInvariant {

    private AgreementInvariant() {
    }

    public static boolean holds(GeneralsState s) {
        return s.decided() && s.a() == s.b();
    }
}
