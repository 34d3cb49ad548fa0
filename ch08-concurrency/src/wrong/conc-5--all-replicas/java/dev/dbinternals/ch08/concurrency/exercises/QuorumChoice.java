// Wrong solution for conc-5: asking every replica is taken to be the smallest safe choice.
package dev.dbinternals.ch08.concurrency.exercises;

import dev.dbinternals.ch08.concurrency.replication.Quorums;

/** Exercise conc-5. */
public final class QuorumChoice {

    private QuorumChoice() {
    }

    public static Quorums forReadsThatSeeTheLatestWrite(int n) {
        int majority = n;
        return new Quorums(n, majority, majority);
    }
}
