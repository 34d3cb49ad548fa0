package dev.dbinternals.ch08.failuremodels.arbitrary;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.exercise.NotDoneYet;
import java.util.List;
import java.util.OptionalLong;

/**
 * Exercise failures-3: cross-check the replies of replicas, some of which may be faulty in
 * arbitrary ways (임의의 장애), as aircraft control systems cross-check their subcomponents.
 */
public final class Vote {

    /** One reply as it arrived: who sent it, and what it says. A replica may appear more than once. */
    public record Reply(Address replica, long value) {
    }

    private Vote() {
    }

    /**
     * The value that at least {@code f + 1} <em>different</em> replicas replied, or empty if no
     * value has that many yet. Only a replica's first reply counts: a faulty replica that sends
     * its answer many times (or the network that duplicates it) must not win the vote. If at
     * most {@code f} replicas are faulty, at most one value can qualify.
     */
    public static OptionalLong decide(List<Reply> replies, int f) {
        throw new NotDoneYet("failures-3", "ch08-failure-models/src/exercise/java/dev/dbinternals/ch08/failuremodels/arbitrary/Vote.java",
                "make decide() return the value reported by at least f + 1 different replicas (one vote per replica), else empty");
    }
}
