package dev.dbinternals.ch08.failuremodels.crash;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbinternals.ch08.failuremodels.crash.CrashRecoveryRun.Outcome;
import dev.dbinternals.ch08.harness.sim.Seeds;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Crash faults (충돌): acknowledged writes across a crash and restart")
class CrashRecoveryTest {

    private static final int WRITES = 5;

    @Test
    void shouldLoseNothingInAnyModeWhileThereAreNoCrashes() {
        // given every durability mode, including the memory-only one, and no crash
        for (Durability d : List.of(Durability.MEMORY_ONLY, Durability.WRITE_NO_SYNC, Durability.ACK_THEN_SYNC, Durability.SYNC_THEN_ACK)) {
            Seeds.check("no-crash/" + d, 10, seed -> {
                // when the client writes over a lossy network
                Outcome o = CrashRecoveryRun.run(seed, d, null, 1, WRITES);
                // then every write is acknowledged and held: an in-memory register passes until crashes exist
                assertThat(o.acknowledged()).as("acknowledged writes").hasSize(WRITES);
                assertThat(o.lostAcknowledgedWrites()).as("lost acknowledged writes in mode %s", d).isEmpty();
            });
        }
    }

    @Test
    void shouldKeepEveryAcknowledgedWriteWhenSyncingBeforeAckingWhereverTheCrashHits() {
        // given a node that writes, syncs, then acknowledges
        for (String point : Durability.SYNC_THEN_ACK.failPoints()) {
            Seeds.check("sync-then-ack/crash-after-" + point, 25, seed -> {
                // when it crashes at this point of the handler, for a seeded choice of write, and restarts
                Outcome o = CrashRecoveryRun.run(seed, Durability.SYNC_THEN_ACK, point, CrashRecoveryRun.occurrenceFor(seed, WRITES), WRITES);
                // then it did crash, and still holds everything it acknowledged
                assertThat(o.crashed()).as("the planned crash happened").isTrue();
                assertThat(o.lostAcknowledgedWrites()).as("acknowledged writes lost after a crash at '%s'", point).isEmpty();
            });
        }
    }

    @Test
    void shouldLoseAcknowledgedWritesWhenTheRegisterLivesOnlyInMemory() {
        // given a memory-only node that crashes right after its third acknowledgement (a lost ack
        // makes the client retransmit, so the third one may be a second ack of k2)
        Outcome o = CrashRecoveryRun.run(3, Durability.MEMORY_ONLY, "acked", 3, WRITES);
        // then the writes acknowledged before the crash are gone after the restart
        assertThat(o.crashed()).isTrue();
        assertThat(o.lostAcknowledgedWrites()).as("writes acknowledged before the crash").contains("k1", "k2")
                .doesNotContain("k4", "k5");
    }

    @Test
    void shouldLoseWritesThatReachedStorageButWereNeverSynced() {
        // given a node that puts to storage but never syncs (the page cache)
        Outcome o = CrashRecoveryRun.run(4, Durability.WRITE_NO_SYNC, "acked", 2, WRITES);
        // then a crash loses what was acknowledged
        assertThat(o.lostAcknowledgedWrites()).as("unsynced acknowledged writes").contains("k1", "k2");
    }

    @Test
    void shouldLoseAtMostTheWriteAcknowledgedJustBeforeTheCrashWhenAckingBeforeSyncing() {
        // given a node that acknowledges, then syncs, and crashes in between
        AtomicInteger runsThatLost = new AtomicInteger();
        Seeds.check("ack-then-sync/crash-after-acked", 25, seed -> {
            Outcome o = CrashRecoveryRun.run(seed, Durability.ACK_THEN_SYNC, "acked", CrashRecoveryRun.occurrenceFor(seed, WRITES), WRITES);
            // then at most one acknowledged write is lost: the one whose sync never happened
            assertThat(o.lostAcknowledgedWrites()).as("lost writes").hasSizeLessThanOrEqualTo(1);
            if (!o.lostAcknowledgedWrites().isEmpty()) {
                runsThatLost.incrementAndGet();
            }
        });
        assertThat(runsThatLost.get()).as("runs of ACK_THEN_SYNC that lost an acknowledged write").isPositive();
    }

    @Test
    void shouldPassEveryFailPointOfTheHandlerInTheOrderTheModeDeclares() {
        // given a recording fail-point plan
        for (Durability d : Durability.values()) {
            FailPoints recording = FailPoints.recording();
            dev.dbinternals.ch08.harness.sim.Simulation sim = new dev.dbinternals.ch08.harness.sim.Simulation(1);
            dev.dbinternals.ch08.harness.Address server = sim.addNode("server", () -> new RegisterNode(d, recording));
            dev.dbinternals.ch08.harness.Address client = sim.addNode("client",
                    () -> new RegisterClient(server, 1, java.time.Duration.ofMillis(20)));
            // when one write is handled
            sim.runUntil(sim.node(client, RegisterClient.class)::done, java.time.Duration.ofSeconds(1));
            // then the handler passed exactly the declared points, in order
            assertThat(recording.reached()).as("fail points of %s", d).isEqualTo(d.failPoints());
        }
    }
}
