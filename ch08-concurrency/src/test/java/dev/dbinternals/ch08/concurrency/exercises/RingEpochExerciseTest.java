package dev.dbinternals.ch08.concurrency.exercises;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbinternals.ch08.concurrency.replication.RingScenario;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Exercise conc-6: the reader's epoch check, on its own and inside the ring scenario.
 *
 * <p>Wrong solutions this catches (kept in {@code src/wrong/conc-6--*}):
 * <ul>
 *   <li>{@code same-epoch-only}: also refuses a sender whose ring is newer than the node's;</li>
 *   <li>{@code strictly-newer}: refuses a sender with the same ring as the node;</li>
 *   <li>{@code reversed}: refuses senders ahead of the node and serves stale ones.</li>
 * </ul>
 */
@Tag("exercise")
@DisplayName("conc-6: add the ring epoch check")
class RingEpochExerciseTest {

    @Test
    void shouldRefuseOnlyRequestsRoutedWithAnOlderRing() {
        assertThat(RingEpochCheck.admit(2, 1)).as("admit(2, 1): a node at ring epoch 2 gets a request its sender routed with the ring of epoch 1").isFalse();
        assertThat(RingEpochCheck.admit(2, 2)).as("admit(2, 2): a node at ring epoch 2 gets a request its sender routed with the ring of epoch 2").isTrue();
        assertThat(RingEpochCheck.admit(2, 3)).as("admit(2, 3): a node at ring epoch 2 gets a request its sender routed with the ring of epoch 3").isTrue();
    }

    @Test
    void shouldLetAStaleReaderFindTheValueAfterRerouting() {
        var outcome = new RingScenario(true, RingEpochCheck::admit).run(1, false);

        assertThat(outcome.readByB()).as("B's read after learning the new ring").isEqualTo(42L);
    }

    @Test
    void shouldStopAStaleWriterFromWritingToTheOldOwner() {
        var outcome = new RingScenario(true, RingEpochCheck::admit).run(1, true);

        assertThat(outcome.dataByNode().get("s4")).as("the write must end up on the new owner s4").containsValue(42L);
        assertThat(outcome.readByB()).isEqualTo(42L);
    }
}
