package dev.dbinternals.ch08.links.exactlyonce;

import dev.dbinternals.ch08.harness.DurableStorage;
import dev.dbinternals.ch08.harness.exercise.NotDoneYet;
import java.util.function.Consumer;

/**
 * Exercise links-3: persisting the dedup table for crash-recovery (정확히 한 번만 처리).
 *
 * <p>Book: Chapter 8, Links → Exactly-once delivery (정확히 한 번만 전달) and Failure Models →
 * crash-recovery (충돌-복구). A dedup table in memory forgets everything in a crash, and the
 * sender's retry is then applied again. Only what was {@link DurableStorage#sync() synced}
 * survives a crash; a new table built over the same storage after a restart must know every
 * request processed before. Whatever step a crash interrupts (any put, remove or sync, inside
 * the effect or in your code), once the retry has been processed the effect must have been
 * applied <em>exactly once</em>; and once {@code applyOnce} has returned, a crash must not undo
 * it. This is the receiver's half of links-9.
 */
public final class DurableDedupTable {

    public DurableDedupTable(DurableStorage storage) {
        // keep the storage; everything you remember must live in it
    }

    /**
     * Runs {@code effect} (which writes to the storage, without syncing) unless {@code requestId} was
     * processed before, then makes the effect and the record durable together.
     *
     * @return {@code true} if the effect ran now, {@code false} if the request was a duplicate
     */
    public boolean applyOnce(String requestId, Consumer<DurableStorage> effect) {
        throw new NotDoneYet("links-3", "ch08-links/src/exercise/java/dev/dbinternals/ch08/links/exactlyonce/DurableDedupTable.java",
                "make applyOnce() run each request's effect exactly once, whatever step a crash interrupts",
                "충돌이 어느 단계를 끊든 applyOnce()가 각 요청의 효과를 정확히 한 번 실행하게 만드세요");
    }

    /** True if {@code requestId} was processed (durably, or in this life before a sync). */
    public boolean alreadyProcessed(String requestId) {
        throw new NotDoneYet("links-3", "ch08-links/src/exercise/java/dev/dbinternals/ch08/links/exactlyonce/DurableDedupTable.java", "make alreadyProcessed() read the table from storage",
                "alreadyProcessed()가 저장소에서 테이블을 읽게 만드세요");
    }
}
