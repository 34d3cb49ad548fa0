package dev.dbinternals.ch08.twogenerals;

import dev.dbinternals.ch08.harness.exercise.NotDoneYet;
import java.util.List;

/**
 * Exercise tg-3: find the counterexample path. Write down, move by move, the shortest run of
 * {@link AckRounds}(k) in which one general attacks alone (두 장군 문제, the "last message").
 *
 * <p>Work it out by hand first (which messenger must be captured? which ones must arrive?),
 * then compare with what {@code Demo01AttackAlone} prints.
 */
public final class ShortestCounterexample {

    private ShortestCounterexample() {
    }

    /** The network's moves of the shortest disagreeing run of AckRounds(k), in order. */
    public static List<Move> forAckRounds(int k) {
        throw new NotDoneYet("tg-3", "ch08-two-generals/src/exercise/java/dev/dbinternals/ch08/twogenerals/ShortestCounterexample.java",
                "return the moves (new Move(seq, sender, delivered)) of the shortest run in which one general attacks alone");
    }
}
