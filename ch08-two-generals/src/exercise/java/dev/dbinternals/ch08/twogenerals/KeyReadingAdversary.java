package dev.dbinternals.ch08.twogenerals;

import dev.dbinternals.ch08.harness.exercise.NotDoneYet;

/**
 * Exercise tg-7: the adversary that reads the key (두 장군 문제, randomised).
 *
 * <p>{@link RandomizedAttack}'s 1/r holds against an adversary that fixes its captures without
 * seeing the key. Suppose it could read the key A sends with its first messenger. Return the
 * messengers to capture (bit k-1 set for messenger k) so that the generals of
 * {@code RandomizedAttack(rounds)} disagree for sure when A drew {@code key}.
 */
public final class KeyReadingAdversary {

    private KeyReadingAdversary() {
    }

    /** The loss pattern for {@code key} in 1..rounds: bit k-1 set means messenger k is captured. */
    public static int capture(int rounds, int key) {
        throw new NotDoneYet("tg-7", "ch08-two-generals/src/exercise/java/dev/dbinternals/ch08/twogenerals/KeyReadingAdversary.java",
                "return the set of messengers to capture so that the generals disagree for this key",
                "이 키에서 두 장군의 결정이 어긋나도록 붙잡을 전령의 집합을 반환하세요.");
    }
}
