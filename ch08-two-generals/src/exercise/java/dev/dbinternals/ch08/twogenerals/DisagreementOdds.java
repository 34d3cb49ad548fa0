package dev.dbinternals.ch08.twogenerals;

import dev.dbinternals.ch08.harness.exercise.NotDoneYet;

/**
 * Exercise tg-2: how likely is a lonely attack? Closed forms for the Two Generals' Problem
 * (두 장군 문제) when every messenger is captured independently with probability {@code p}.
 *
 * <p>More rounds or more messengers make disagreement rarer; the point of the exercise is to see
 * from the formula that it never becomes impossible while {@code p > 0}.
 */
public final class DisagreementOdds {

    private DisagreementOdds() {
    }

    /** Probability that {@link AckRounds}(k) ends with one general attacking alone (plan ATTACK). */
    public static double ackRounds(int k, double p) {
        throw new NotDoneYet("tg-2", "ch08-two-generals/src/exercise/java/dev/dbinternals/ch08/twogenerals/DisagreementOdds.java",
                "return P(one general attacks alone) for AckRounds(k), plan ATTACK, each messenger captured"
                        + " independently with probability p (the README's exercise table has a hint for tg-2)",
                "AckRounds(k), 계획 ATTACK, 전령마다 독립적으로 확률 p로 붙잡힐 때 P(한 장군만 공격)을 반환하세요"
                        + " (README.ko.md 의 연습 문제 표에 tg-2 힌트가 있어요).");
    }

    /** Probability that {@link RedundantMessengers}(r) ends with A attacking alone (plan ATTACK). */
    public static double redundantMessengers(int r, double p) {
        throw new NotDoneYet("tg-2", "ch08-two-generals/src/exercise/java/dev/dbinternals/ch08/twogenerals/DisagreementOdds.java",
                "return P(A attacks alone) for RedundantMessengers(r), plan ATTACK, each messenger captured"
                        + " independently with probability p (the README's exercise table has a hint for tg-2)",
                "RedundantMessengers(r), 계획 ATTACK, 전령마다 독립적으로 확률 p로 붙잡힐 때 P(A만 공격)을 반환하세요"
                        + " (README.ko.md 의 연습 문제 표에 tg-2 힌트가 있어요).");
    }
}
