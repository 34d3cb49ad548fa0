package dev.dbinternals.ch08.concurrency.exercises;

import dev.dbinternals.ch08.concurrency.replication.ReadRepair;
import dev.dbinternals.ch08.concurrency.replication.Versioned;
import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.exercise.NotDoneYet;
import java.util.Map;

/**
 * Exercise conc-4: add read repair.
 *
 * <p>Book: Chapter 8, "State Consistency" (상태 일관성): read-time data repair. Given the copies
 * that replicas returned for one key, return a {@link ReadRepair.Plan}: the newest copy (highest
 * version; {@link Versioned#NONE} if every replica has nothing) and, for every replica whose copy
 * is older, that replica mapped to the newest copy (it will be sent a repair).
 */
public final class ReadRepairPlanner {

    private ReadRepairPlanner() {
    }

    public static ReadRepair.Plan plan(Map<Address, Versioned> replies) {
        throw new NotDoneYet("conc-4", "ch08-concurrency/src/exercise/java/dev/dbinternals/ch08/concurrency/exercises/ReadRepairPlanner.java",
                "return the newest copy and the replicas holding an older one",
                "가장 새로운 사본과, 그보다 오래된 사본을 가진 복제본들을 돌려주도록 구현하세요.");
    }
}
