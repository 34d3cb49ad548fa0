package dev.dbinternals.ch08.failuremodels.crash;

import dev.dbinternals.ch08.harness.DurableStorage;
import dev.dbinternals.ch08.harness.exercise.NotDoneYet;
import java.util.Map;

/**
 * Exercise failures-1: the disk side of a register replica that keeps its promises across a
 * crash (crash-recovery, 충돌-복구).
 *
 * <p>The exercise test builds a {@link RegisterNode} on these two methods (as its
 * {@link RegisterNode.Store}): the node calls {@link #persist} for every newer write and
 * acknowledges the write <em>as soon as persist returns</em>; after every (re)start it calls
 * {@link #load}. The test crashes the node at every point of its handler.
 *
 * <p>Rules of the simulated disk ({@link DurableStorage}): {@code put} is buffered like a write
 * to the page cache, {@code sync} is the fsync; a crash keeps only what was synced.
 */
public final class RegisterStore {

    private RegisterStore() {
    }

    /**
     * Stores {@code key = value} at {@code version} so that it survives a crash once this method
     * returns (the caller acknowledges right after).
     */
    public static void persist(DurableStorage storage, String key, long value, long version) {
        throw new NotDoneYet("failures-1", "ch08-failure-models/src/exercise/java/dev/dbinternals/ch08/failuremodels/crash/RegisterStore.java",
                "make persist() store the value and version under a key of your choice and make it durable before returning",
                "persist()가 값과 버전을 직접 고른 키 아래에 저장하고, 반환하기 전에 내구성 있게(durable) 만들도록 구현하세요.");
    }

    /**
     * Everything {@link #persist} stored (and that survived), as key to {@code {value, version}};
     * empty on a fresh disk.
     */
    public static Map<String, long[]> load(DurableStorage storage) {
        throw new NotDoneYet("failures-1", "ch08-failure-models/src/exercise/java/dev/dbinternals/ch08/failuremodels/crash/RegisterStore.java",
                "make load() return every key persist() stored, with its value and version",
                "load()가 persist()로 저장한 모든 키를 값, 버전과 함께 돌려주도록 구현하세요.");
    }
}
