package dev.dbinternals.ch08.failuremodels.crash;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbinternals.ch08.failuremodels.crash.CrashRecoveryRun.Outcome;
import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.harness.DurableStorage;
import dev.dbinternals.ch08.harness.Node;
import dev.dbinternals.ch08.harness.sim.Seeds;
import dev.dbinternals.ch08.harness.sim.Simulation;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

/**
 * Wrong solutions this test rejects (each in {@code src/wrong/failures-1--<slug>}); each fails
 * {@link #shouldKeepWhatPersistReturnedFromEvenIfTheProcessCrashesRightAfter} and
 * {@link #shouldKeepEveryAcknowledgedWriteWhereverInTheHandlerTheNodeCrashes}:
 * <ul>
 *   <li>{@code ack-before-sync}: {@code put} alone is taken as durable, so the node acknowledges
 *       a write that is only in the page cache;
 *   <li>{@code sync-before-put}: the sync comes before the write it should make durable;
 *   <li>{@code one-slot}: every register key is stored under one storage key, so a write to one
 *       key overwrites an acknowledged write to another.
 * </ul>
 * No main class answers it: {@code RegisterNode}'s own durability modes are inside its handler.
 */
@Tag("exercise")
@DisplayName("failures-1: sync before you acknowledge (RegisterStore)")
class RegisterStoreExerciseTest {

    /** A node that does nothing: the test drives its disk directly. */
    static final class Idle implements Node {
        @Override
        public void onMessage(Context ctx, Address from, byte[] message) {
        }
    }

    /** The reader's {@link RegisterStore}, handed to the node: main code never calls it. */
    static final RegisterNode.Store READERS_STORE = new RegisterNode.Store() {
        @Override
        public void persist(DurableStorage storage, String key, long value, long version) {
            RegisterStore.persist(storage, key, value, version);
        }

        @Override
        public Map<String, long[]> load(DurableStorage storage) {
            return RegisterStore.load(storage);
        }
    };

    @Test
    void shouldStartEmptyOnAFreshDisk() {
        Simulation sim = new Simulation(1);
        Address a = sim.addNode("A", Idle::new);
        assertThat(RegisterStore.load(sim.storage(a))).as(t("load() on a fresh disk", "빈 디스크에서 load()")).isEmpty();
    }

    @Test
    void shouldKeepWhatPersistReturnedFromEvenIfTheProcessCrashesRightAfter() {
        // given three persisted writes and nothing else touching the disk
        Simulation sim = new Simulation(1);
        Address a = sim.addNode("A", Idle::new);
        RegisterStore.persist(sim.storage(a), "x", 1, 1);
        RegisterStore.persist(sim.storage(a), "y", 2, 1);
        RegisterStore.persist(sim.storage(a), "x", 3, 2);
        // when the process crashes and restarts
        sim.crash(a);
        sim.restart(a);
        // then load() returns the last value and version of each key
        Map<String, long[]> loaded = RegisterStore.load(sim.storage(a));
        assertThat(loaded).as(t("keys loaded after the crash", "충돌 뒤 읽어 들인 키")).containsOnlyKeys("x", "y");
        assertThat(loaded.get("x")).as(t("x = {value, version}", "x = {값, 버전}")).containsExactly(3, 2);
        assertThat(loaded.get("y")).as(t("y = {value, version}", "y = {값, 버전}")).containsExactly(2, 1);
    }

    @Test
    void shouldKeepEveryAcknowledgedWriteWhereverInTheHandlerTheNodeCrashes() {
        for (String point : RegisterNode.STORE_FAIL_POINTS) {
            Seeds.check("failures-1/crash-after-" + point, 15, seed -> {
                Outcome o = CrashRecoveryRun.run(seed, fp -> new RegisterNode(READERS_STORE, fp), point, CrashRecoveryRun.occurrenceFor(seed, 5), 5);
                assertThat(o.crashed()).as(t("the planned crash happened", "계획한 충돌이 일어났다")).isTrue();
                assertThat(o.lostAcknowledgedWrites())
                        .as(t("writes the client was told OK for, missing after a crash at '%s' and a restart", "'%s'에서 충돌하고 재시작한 뒤 사라진, 클라이언트가 OK를 받은 쓰기"), point).isEmpty();
            });
        }
    }
}
