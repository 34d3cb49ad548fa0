package dev.dbinternals.ch08.concurrency.exercises;

import dev.dbinternals.ch08.concurrency.replication.Quorums;
import dev.dbinternals.ch08.harness.exercise.NotDoneYet;

/**
 * Exercise conc-5: make R and W a quorum.
 *
 * <p>Book: Chapter 8, "State Consistency" (상태 일관성). For {@code n} replicas, return the
 * {@link Quorums} with the smallest R and W such that every read quorum meets every write quorum
 * AND any two write quorums meet (so two writers cannot both succeed on disjoint replicas),
 * with R = W.
 */
public final class QuorumChoice {

    private QuorumChoice() {
    }

    public static Quorums forReadsThatSeeTheLatestWrite(int n) {
        throw new NotDoneYet("conc-5", "ch08-concurrency/src/exercise/java/dev/dbinternals/ch08/concurrency/exercises/QuorumChoice.java", "return the smallest R = W for which every read quorum meets every write quorum and any two write quorums meet");
    }
}
