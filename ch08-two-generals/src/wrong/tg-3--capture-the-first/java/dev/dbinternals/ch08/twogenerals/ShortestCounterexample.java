// Wrong solution for tg-3: captures the order (the first messenger), as if losing the plan were what splits the generals.
package dev.dbinternals.ch08.twogenerals;

import java.util.List;

public final class ShortestCounterexample {

    private ShortestCounterexample() {
    }

    public static List<Move> forAckRounds(int k, General alone) {
        return alone == General.A ? List.of(new Move(1, General.A, false)) : List.of();
    }
}
