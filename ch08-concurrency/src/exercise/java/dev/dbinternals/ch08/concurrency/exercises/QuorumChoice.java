package dev.dbinternals.ch08.concurrency.exercises;

import dev.dbinternals.ch08.concurrency.replication.Quorums;
import dev.dbinternals.ch08.harness.exercise.NotDoneYet;

/**
 * Exercise conc-5: make R and W a quorum.
 *
 * <p>Book: Chapter 8, "State Consistency" (상태 일관성). For {@code n} replicas, return the
 * {@link Quorums} with R = W, as small as can be, such that every read quorum meets every write
 * quorum. With R = W, any two write quorums then meet as well (2W > N). That second condition is
 * what a write needs when it takes its version from the copies in its own write quorum: else a
 * write whose quorum misses the previous write's could pick a version no higher than that
 * write's. It is a design choice for that kind of write, not a rule of quorums: conc-8's writes
 * ask a read quorum for the newest version first, and its N = 5, W = 2 setting is graded
 * linearizable.
 */
public final class QuorumChoice {

    private QuorumChoice() {
    }

    public static Quorums forReadsThatSeeTheLatestWrite(int n) {
        throw new NotDoneYet("conc-5", "ch08-concurrency/src/exercise/java/dev/dbinternals/ch08/concurrency/exercises/QuorumChoice.java", "return the smallest R = W for which every read quorum meets every write quorum",
                "모든 읽기 쿼럼이 모든 쓰기 쿼럼과 겹치는 가장 작은 R = W를 돌려주도록 구현하세요.");
    }
}
