package dev.dbinternals.ch08.concurrency.exercises;

import dev.dbinternals.ch08.harness.exercise.NotDoneYet;

/**
 * Exercise conc-6: add the ring epoch check.
 *
 * <p>Book: Chapter 8, "State Consistency" (상태 일관성), divergent ring views (링 상태 불일치).
 * A storage node at ring epoch {@code nodeEpoch} receives a request routed with a ring at
 * {@code requestEpoch} (a larger epoch is a newer ring). Return whether to serve it. A refused
 * sender gets the node's ring and routes again; a node may itself lag behind and learn a newer
 * ring later by gossip. No request may be served by a node that knows the sender's ring is out
 * of date, and no sender may be refused for nothing.
 */
public final class RingEpochCheck {

    private RingEpochCheck() {
    }

    public static boolean admit(long nodeEpoch, long requestEpoch) {
        throw new NotDoneYet("conc-6", "ch08-concurrency/src/exercise/java/dev/dbinternals/ch08/concurrency/exercises/RingEpochCheck.java",
                "return whether to serve a request routed with ring epoch requestEpoch at a node at nodeEpoch",
                "링 에포크 requestEpoch로 라우팅된 요청을 에포크가 nodeEpoch인 노드가 처리할지를 돌려주도록 구현하세요.");
    }
}
