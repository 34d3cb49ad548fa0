// Wrong solution for failures-3: the module's own Tally does the vote; it exposes nobody, so faulty() is left as the stub had it.
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
     * The value that at least {@code f + 1} <em>different</em> replicas replied, or empty if no
     * value has that many yet. Only a replica's first reply counts: a faulty replica that sends
     * its answer many times (or the network that duplicates it) must not win the vote. If at
     * most {@code f} replicas are faulty, at most one value can qualify.
     */
    public static OptionalLong decide(List<Reply> replies, int f) {
        Tally t = new Tally(f);
        replies.forEach(r -> t.offer(r.replica(), r.value()));
        return t.decision();
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
