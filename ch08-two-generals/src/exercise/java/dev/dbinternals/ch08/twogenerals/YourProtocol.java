package dev.dbinternals.ch08.twogenerals;

import dev.dbinternals.ch08.harness.exercise.NotDoneYet;
import java.util.List;

/**
 * Exercise tg-4: try to beat the Two Generals' Problem (두 장군 문제).
 *
 * <p>Write any finite messenger protocol you like: more rounds, more copies, cleverer decision
 * rules. It must be useful (both attack when no messenger is lost), valid (nobody attacks when
 * the plan is to retreat), keep agreement when at most one messenger is captured, and never let A
 * attack before it heard from B. The last test then lets the checker look for a run in which one
 * general attacks alone. (It will find one: that is the theorem. Look at which messenger it captures.)
 */
public final class YourProtocol implements MessengerProtocol {

    @Override
    public String name() {
        return "YourProtocol";
    }

    @Override
    public List<String> send(View view) {
        throw new NotDoneYet("tg-4", "ch08-two-generals/src/exercise/java/dev/dbinternals/ch08/twogenerals/YourProtocol.java",
                "return the messengers this general sends now, given what it has heard (A also knows the plan)",
                "지금까지 받은 것을 보고 이 장군이 지금 보낼 전령들을 반환하세요 (A는 계획도 알아요).");
    }

    @Override
    public boolean attacks(View view) {
        throw new NotDoneYet("tg-4", "ch08-two-generals/src/exercise/java/dev/dbinternals/ch08/twogenerals/YourProtocol.java",
                "decide whether this general attacks, from what it has heard by dawn",
                "새벽까지 받은 것으로부터 이 장군이 공격할지 정하세요.");
    }
}
