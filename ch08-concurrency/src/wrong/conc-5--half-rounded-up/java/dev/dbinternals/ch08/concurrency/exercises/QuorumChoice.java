// Wrong solution for conc-5: half the replicas rounded up is taken to be a majority, which it is not for an even N.
package dev.dbinternals.ch08.concurrency.exercises;

import dev.dbinternals.ch08.concurrency.replication.Quorums;

/** Exercise conc-5. */
public final class QuorumChoice {

    private QuorumChoice() {
    }

    public static Quorums forReadsThatSeeTheLatestWrite(int n) {
        int majority = (n + 1) / 2;
        return new Quorums(n, majority, majority);
    }
}
