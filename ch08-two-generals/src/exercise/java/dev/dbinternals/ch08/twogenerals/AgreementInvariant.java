package dev.dbinternals.ch08.twogenerals;

import dev.dbinternals.ch08.harness.exercise.NotDoneYet;

/**
 * Exercise tg-1: write the <b>agreement</b> invariant (합의) of the Two Generals' Problem
 * (두 장군 문제) for the explorer.
 *
 * <p>The explorer checks an invariant in <em>every</em> reachable state, including states where
 * messengers are still on the way and nobody has decided yet. Agreement (합의): both generals
 * attack, or both retreat.
 */
public final class AgreementInvariant {

    private AgreementInvariant() {
    }

    /** True when state {@code s} does not break agreement. */
    public static boolean holds(GeneralsState s) {
        throw new NotDoneYet("tg-1", "ch08-two-generals/src/exercise/java/dev/dbinternals/ch08/twogenerals/AgreementInvariant.java",
                "return false exactly when state s breaks agreement, true otherwise (the README's exercise table has a hint for tg-1)",
                "상태 s가 일치성(agreement)을 깨뜨릴 때에만 false를, 그 밖에는 true를 반환하세요 (README.ko.md 의 연습 문제 표에 tg-1 힌트가 있어요).");
    }
}
