package dev.dbinternals.ch08.failuremodels.arbitrary;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.exercise.NotDoneYet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Exercise failures-3: cross-check the replies of replicas, some of which may be faulty in
 * arbitrary ways (임의의 장애), as aircraft control systems cross-check their subcomponents,
 * and say which replicas the replies expose.
 *
 * <p>Both methods assume what the vote itself assumes: at most {@code f} replicas are faulty, and
 * the correct ones all compute the same value.
 */
public final class Vote {

    /** One reply as it arrived: who sent it, and what it says. A replica may appear more than once. */
    public record Reply(Address replica, long value) {
    }

    private static final String FILE = "ch08-failure-models/src/exercise/java/dev/dbinternals/ch08/failuremodels/arbitrary/Vote.java";

    private Vote() {
    }

    /**
     * A value that is safe to return, as soon as these replies make one safe, or empty if none is
     * yet. A value is safe once it cannot come only from faulty replicas (at most {@code f} are).
     * A replica has one vote, its first reply: a faulty replica that sends its answer many times
     * (or the network that duplicates it) must not count for more than one, and what it says
     * later does not change its vote. If at most {@code f} replicas are faulty, at most one value
     * can be safe.
     */
    public static OptionalLong decide(List<Reply> replies, int f) {
        throw new NotDoneYet("failures-3", FILE, "make decide() return a value once it cannot have come only from faulty replicas, else empty",
                "decide()가 장애 복제본에게서만 나왔을 수는 없는 값이 생기면 그 값을, 아니면 빈 값을 돌려주도록 구현하세요.");
    }

    /**
     * The replicas these replies prove faulty. Never a correct replica, whatever the order and
     * however many replies are in; a replica that contradicts itself is faulty whatever the vote
     * says; and once a value is decided, every replica whose replies could not have come from a
     * correct replica.
     */
    public static Set<Address> faulty(List<Reply> replies, int f) {
        throw new NotDoneYet("failures-3", FILE, "make faulty() return the replicas the replies prove faulty, and never a correct one",
                "faulty()가 응답들로 장애임이 증명되는 복제본을 돌려주고, 올바른 복제본은 결코 돌려주지 않도록 구현하세요.");
    }
}
