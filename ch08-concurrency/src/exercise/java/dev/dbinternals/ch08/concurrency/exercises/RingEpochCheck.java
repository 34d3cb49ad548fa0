package dev.dbinternals.ch08.concurrency.exercises;

import dev.dbinternals.ch08.harness.exercise.NotDoneYet;

/**
 * Exercise conc-6: add the ring epoch check.
 *
 * <p>Book: Chapter 8, "State Consistency" (상태 일관성), divergent ring views (링 상태 불일치).
 * A storage node at ring epoch {@code nodeEpoch} receives a request routed with a ring at
 * {@code requestEpoch}. Return whether to serve it: refuse requests routed with an OLDER ring
 * (the node then replies with its ring and the client routes again); serve the rest.
 */
public final class RingEpochCheck {

    private RingEpochCheck() {
    }

    public static boolean admit(long nodeEpoch, long requestEpoch) {
        throw new NotDoneYet("conc-6", "ch08-concurrency/src/exercise/java/dev/dbinternals/ch08/concurrency/exercises/RingEpochCheck.java",
                "return false when the request was routed with an older ring epoch than the node's");
    }
}
