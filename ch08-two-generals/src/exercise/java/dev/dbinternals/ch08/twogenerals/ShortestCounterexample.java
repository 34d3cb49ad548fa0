package dev.dbinternals.ch08.twogenerals;

import dev.dbinternals.ch08.harness.exercise.NotDoneYet;
import java.util.List;

/**
 * Exercise tg-3: find the counterexample path. For {@link AckRounds}(k) and a given general, write
 * down, move by move, the shortest run in which <em>that</em> general attacks alone (두 장군 문제,
 * the "last message"), or say that no run of AckRounds(k) lets it attack alone.
 *
 * <p>Work it out by hand first (which messenger must be captured? which ones must arrive? whose
 * messenger is it?), then compare with what {@code Demo01AttackAlone} prints. The point is to find
 * the run by reasoning: the harness explorer could search every run for you, and the test checks
 * your answer against it, but a class that calls it does not pass.
 */
public final class ShortestCounterexample {

    private ShortestCounterexample() {
    }

    /**
     * The network's moves, in order, of the shortest run of AckRounds(k) under plan ATTACK that ends
     * with {@code alone} attacking and the other general retreating; an empty list if no run does.
     */
    public static List<Move> forAckRounds(int k, General alone) {
        throw new NotDoneYet("tg-3", "ch08-two-generals/src/exercise/java/dev/dbinternals/ch08/twogenerals/ShortestCounterexample.java",
                "return the moves (new Move(seq, sender, delivered)) of the shortest run in which this general attacks alone,"
                        + " or an empty list if AckRounds(k) has no such run",
                "이 장군만 공격하는 가장 짧은 실행의 이동(new Move(seq, sender, delivered)) 목록을 반환하고,"
                        + " AckRounds(k)에 그런 실행이 없으면 빈 목록을 반환하세요.");
    }
}
