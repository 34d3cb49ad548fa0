package dev.dbinternals.ch08.twogenerals;

import dev.dbinternals.ch08.harness.exercise.NotDoneYet;
import java.util.List;

/**
 * Exercise tg-5: a protocol of the class C(3) (두 장군 문제) that loses as little as the class allows.
 *
 * <p>Three rounds, one bit per messenger: A sends in rounds 1 and 3, B in round 2 (see
 * {@link OneBitProtocol}). Make both generals attack when no messenger is captured, let nobody
 * attack when the plan is RETREAT, and make the generals disagree in as few of the 16 runs
 * (2 plans × 8 loss patterns) as any protocol of C(3) can; the test computes that number by
 * enumerating the class. Demo 5 ({@code every-protocol}) prints how your protocol fares.
 */
public final class YourOneBitProtocol implements OneBitProtocol {

    private static final String FILE = "ch08-two-generals/src/exercise/java/dev/dbinternals/ch08/twogenerals/YourOneBitProtocol.java";

    @Override
    public int rounds() {
        return 3;
    }

    @Override
    public boolean send(int round, Plan plan, List<Heard> heard) {
        throw new NotDoneYet("tg-5", FILE, "return the bit the sender of this round sends, from its plan (A) and what it heard",
                "이번 라운드에 보내는 쪽이 보낼 비트를, 자기 계획(A만 있다)과 받은 것으로 정해 반환하세요.");
    }

    @Override
    public boolean attacks(General general, Plan plan, List<Heard> heard) {
        throw new NotDoneYet("tg-5", FILE, "decide whether this general attacks, from its plan (A) and what it heard",
                "이 장군이 공격할지를, 자기 계획(A만 있다)과 받은 것으로 정하세요.");
    }
}
