package dev.dbinternals.ch08.twogenerals;

import java.util.ArrayList;
import java.util.List;

/**
 * Exercise tg-3, reference solution: deliver messengers #1..#k (A sends the odd ones, B the even
 * ones) and capture #(k+1), the last of the chain.
 */
public final class ShortestCounterexample {

    private ShortestCounterexample() {
    }

    public static List<Move> forAckRounds(int k) {
        List<Move> moves = new ArrayList<>();
        for (int seq = 1; seq <= k + 1; seq++) {
            General sender = seq % 2 == 1 ? General.A : General.B;
            moves.add(new Move(seq, sender, seq <= k));
        }
        return moves;
    }
}
