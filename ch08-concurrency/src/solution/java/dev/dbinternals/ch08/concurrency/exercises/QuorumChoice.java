package dev.dbinternals.ch08.concurrency.exercises;

import dev.dbinternals.ch08.concurrency.replication.Quorums;

/** Exercise conc-5, solved: majorities. */
public final class QuorumChoice {

    private QuorumChoice() {
    }

    public static Quorums forReadsThatSeeTheLatestWrite(int n) {
        int majority = n / 2 + 1;
        return new Quorums(n, majority, majority);
    }
}
