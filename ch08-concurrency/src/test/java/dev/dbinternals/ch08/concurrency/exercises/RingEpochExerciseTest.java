package dev.dbinternals.ch08.concurrency.exercises;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

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
        assertThat(RingEpochCheck.admit(2, 1)).as(t("admit(2, 1): a node at ring epoch 2 gets a request its sender routed with the ring of epoch 1", "admit(2, 1): 링 에포크 2인 노드가, 보낸 쪽이 에포크 1의 링으로 라우팅한 요청을 받았어요")).isFalse();
        assertThat(RingEpochCheck.admit(2, 2)).as(t("admit(2, 2): a node at ring epoch 2 gets a request its sender routed with the ring of epoch 2", "admit(2, 2): 링 에포크 2인 노드가, 보낸 쪽이 에포크 2의 링으로 라우팅한 요청을 받았어요")).isTrue();
        assertThat(RingEpochCheck.admit(2, 3)).as(t("admit(2, 3): a node at ring epoch 2 gets a request its sender routed with the ring of epoch 3", "admit(2, 3): 링 에포크 2인 노드가, 보낸 쪽이 에포크 3의 링으로 라우팅한 요청을 받았어요")).isTrue();
    }

    @Test
    void shouldLetAStaleReaderFindTheValueAfterRerouting() {
        var outcome = new RingScenario(true, RingEpochCheck::admit).run(1, false);

        assertThat(outcome.readByB()).as(t("B's read after learning the new ring", "새 링을 알게 된 뒤의 B의 읽기")).isEqualTo(42L);
    }

    @Test
    void shouldStopAStaleWriterFromWritingToTheOldOwner() {
        var outcome = new RingScenario(true, RingEpochCheck::admit).run(1, true);

        assertThat(outcome.dataByNode().get("s4")).as(t("the write must end up on the new owner s4", "쓰기는 새 소유자 s4에 들어가야 해요")).containsValue(42L);
        assertThat(outcome.readByB()).isEqualTo(42L);
    }
}
