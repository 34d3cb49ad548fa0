// Wrong solution for tg-3: believes the general with the plan (A) is always the one left alone, so it captures A's last messenger.
package dev.dbinternals.ch08.twogenerals;

import java.util.ArrayList;
import java.util.List;

public final class ShortestCounterexample {

    private ShortestCounterexample() {
    }

    public static List<Move> forAckRounds(int k, General alone) {
        if (alone != General.A) {
            return List.of();
        }
        int lastOfA = k % 2 == 0 ? k + 1 : k; // A sends the odd-numbered messengers
        List<Move> moves = new ArrayList<>();
        for (int seq = 1; seq <= lastOfA; seq++) {
            moves.add(new Move(seq, seq % 2 == 1 ? General.A : General.B, seq < lastOfA));
        }
        return moves;
    }
}
