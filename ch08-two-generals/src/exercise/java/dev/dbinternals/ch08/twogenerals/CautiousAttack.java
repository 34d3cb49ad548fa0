package dev.dbinternals.ch08.twogenerals;

import dev.dbinternals.ch08.harness.exercise.NotDoneYet;
import java.util.List;

/**
 * Exercise tg-6: trade attacking for agreeing (두 장군 문제, randomised).
 *
 * <p>{@link RandomizedAttack} disagrees with probability 1/r and attacks for sure when nothing is
 * lost. Write a randomised protocol for r rounds that disagrees with probability at most
 * 1/(2r) against every adversary that fixes its captures in advance, lets nobody attack when the
 * plan is RETREAT, and makes both generals attack with probability at least 1/2 when nothing is
 * lost. The test computes every probability exactly with {@link RandomizedOdds}.
 */
public final class CautiousAttack implements RandomizedRoundProtocol {

    private static final String FILE = "ch08-two-generals/src/exercise/java/dev/dbinternals/ch08/twogenerals/CautiousAttack.java";

    private final int rounds;

    public CautiousAttack(int rounds) {
        this.rounds = rounds;
    }

    @Override
    public int rounds() {
        return rounds;
    }

    @Override
    public int keys() {
        throw new NotDoneYet("tg-6", FILE, "say how many keys A draws from", "A가 키를 몇 개 중에서 뽑는지 반환하세요.");
    }

    @Override
    public String sendA(int round, Plan plan, int key, List<String> heard) {
        throw new NotDoneYet("tg-6", FILE, "return what A's messenger says in this round", "이번 라운드에 A의 전령이 전하는 말을 반환하세요.");
    }

    @Override
    public String sendB(int round, List<String> heard) {
        throw new NotDoneYet("tg-6", FILE, "return what B's messenger says in this round", "이번 라운드에 B의 전령이 전하는 말을 반환하세요.");
    }

    @Override
    public boolean attacksA(Plan plan, int key, List<String> heard) {
        throw new NotDoneYet("tg-6", FILE, "decide whether A attacks at dawn", "A가 새벽에 공격할지 정하세요.");
    }

    @Override
    public boolean attacksB(List<String> heard) {
        throw new NotDoneYet("tg-6", FILE, "decide whether B attacks at dawn", "B가 새벽에 공격할지 정하세요.");
    }
}
