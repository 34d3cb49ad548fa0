// Wrong solution for tg-1: delegates to Run.agreement(), a property of a finished run, as if every state the explorer visits were the end of a run.
package dev.dbinternals.ch08.twogenerals;

import java.util.List;

public final class AgreementInvariant {

    private AgreementInvariant() {
    }

    public static boolean holds(GeneralsState s) {
        return new Run(s.plan(), List.of(), s).agreement();
    }
}
