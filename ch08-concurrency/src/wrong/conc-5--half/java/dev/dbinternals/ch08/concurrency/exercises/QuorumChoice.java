// Wrong solution for conc-5: half of the replicas are taken to be enough for reads and for writes.
package dev.dbinternals.ch08.concurrency.exercises;

import dev.dbinternals.ch08.concurrency.replication.Quorums;

/** Exercise conc-5. */
public final class QuorumChoice {

    private QuorumChoice() {
    }

    public static Quorums forReadsThatSeeTheLatestWrite(int n) {
        int majority = Math.max(1, n / 2);
        return new Quorums(n, majority, majority);
    }
}
