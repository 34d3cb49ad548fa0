package dev.dbinternals.ch08.harness.exercise;

import static dev.dbinternals.ch08.harness.lang.Lang.t;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.sim.LinkFaults;
import dev.dbinternals.ch08.harness.sim.Seeds;
import dev.dbinternals.ch08.harness.sim.Simulation;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * harness-1, graded on a one-way partition A -/-> B, first without loss and then over many seeds
 * with 30 % loss on every link (each failing seed prints its replay command). The wrong solutions
 * kept as fixtures (src/wrong/harness-1--*) and the test that catches each:
 * <ul>
 *   <li>{@code direct-only}: retries the cut link only —
 *       {@link #shouldDeliverOnceAndBeConfirmedDespiteAOneWayPartition()};</li>
 *   <li>{@code no-dedup}: the target records every copy —
 *       {@link #shouldDeliverOnceOverLossyLinksForManySeeds()};</li>
 *   <li>{@code ack-first-copy-only}: an acknowledgement taken as never lost —
 *       {@link #shouldDeliverOnceOverLossyLinksForManySeeds()}.</li>
 * </ul>
 */
@Tag("exercise")
@DisplayName("harness-1: get a value across a one-way partition")
class RelayNodeExerciseTest {

    static final Address A = Address.of("A");
    static final Address B = Address.of("B");
    static final Address C = Address.of("C");

    static Simulation cluster(long seed) {
        Simulation sim = new Simulation(seed);
        sim.addNode(A, () -> new RelayNode(B, "x=42"));
        sim.addNode(B, () -> new RelayNode(null, null));
        sim.addNode(C, () -> new RelayNode(null, null));
        return sim;
    }

    @Test
    void shouldDeliverOnceAndBeConfirmedDespiteAOneWayPartition() {
        Simulation sim = cluster(1);
        sim.network().partitionOneWay(Set.of(A), Set.of(B));

        boolean confirmed = sim.runUntil(() -> sim.node(A, RelayNode.class).confirmed(), Duration.ofSeconds(1));

        assertThat(sim.node(B, RelayNode.class).delivered()).as(t("B gets A's value exactly once, through C", "B는 A의 값을 C를 거쳐 정확히 한 번 받아야 해요"))
                .containsExactly("x=42");
        assertThat(confirmed).as(t("A learns that B got it (B -> A still works)", "A는 B가 값을 받았음을 알아야 해요 (B -> A는 여전히 동작해요)")).isTrue();
    }

    @Test
    void shouldDeliverOnceOverLossyLinksForManySeeds() {
        Seeds.check("relay over 30% loss and a one-way partition", 1_000, seed -> {
            Simulation sim = cluster(seed);
            sim.network().setDefaults(LinkFaults.none().withLoss(0.3));
            sim.network().partitionOneWay(Set.of(A), Set.of(B));

            boolean confirmed = sim.runUntil(() -> sim.node(A, RelayNode.class).confirmed(), Duration.ofSeconds(5));
            sim.runFor(Duration.ofMillis(100)); // let the retries die down: still exactly once

            assertThat(confirmed).as(t("A's value is confirmed within 5 s", "A의 값이 5 초 안에 확인돼야 해요")).isTrue();
            assertThat(sim.node(B, RelayNode.class).delivered()).as(t("delivered exactly once", "정확히 한 번 전달돼야 해요")).containsExactly("x=42");
            assertThat(sim.node(C, RelayNode.class).delivered()).as(t("C only relays", "C는 중계만 해야 해요")).isEmpty();
        });
    }
}
