package dev.dbinternals.ch08.twogenerals;

import java.util.ArrayList;
import java.util.List;

/**
 * Exercise tg-3, reference solution: deliver messengers #1..#k (A sends the odd ones, B the even
 * ones) and capture #(k+1), the last of the chain. Its sender heard everything addressed to it and
 * attacks; its receiver waits in vain and retreats. So only the sender of the last messenger can be
 * left alone: the other general has no such run.
 */
public final class ShortestCounterexample {

    private ShortestCounterexample() {
    }

    public static List<Move> forAckRounds(int k, General alone) {
        General lastSender = senderOf(k + 1);
        if (alone != lastSender) {
            return List.of();
        }
        List<Move> moves = new ArrayList<>();
        for (int seq = 1; seq <= k + 1; seq++) {
            moves.add(new Move(seq, senderOf(seq), seq <= k));
        }
        return moves;
    }

    private static General senderOf(int seq) {
        return seq % 2 == 1 ? General.A : General.B;
    }
}
