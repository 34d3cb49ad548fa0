package dev.dbinternals.ch08.harness.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.demo.PingPong;
import dev.dbinternals.ch08.harness.sim.DropReason;
import dev.dbinternals.ch08.harness.sim.Simulation;
import dev.dbinternals.ch08.harness.sim.TraceEvent;
import dev.dbinternals.ch08.harness.sim.TraceEvent.Kind;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * harness-3, graded by reading the trace of one scripted run. The wrong solutions kept as
 * fixtures (src/wrong/harness-3--*) and the test that catches each:
 * <ul>
 *   <li>{@code pause-instead-of-crash}: a pause taken for a crash —
 *       {@link #shouldCrashBAtThirtyAndRestartItAtSixtyMilliseconds()};</li>
 *   <li>{@code duplicate-the-ping}: the wrong direction duplicated —
 *       {@link #shouldDuplicateTheFirstPongAndNoOtherFrame()};</li>
 *   <li>{@code random-duplication}: a random duplication rate on B -> A instead of a scripted
 *       duplicate, hoping the seed hits a pong — {@link #shouldDuplicateTheFirstPongAndNoOtherFrame()};</li>
 *   <li>{@code lose-the-pong}: the wrong direction lost —
 *       {@link #shouldLoseTheFirstPingAndDeliverItsRetransmission()}.</li>
 * </ul>
 */
@Tag("exercise")
@DisplayName("harness-3: a fault plan that reproduces a given diagram")
class FaultPlanExerciseTest {

    static final Address A = Address.of("A");
    static final Address B = Address.of("B");

    static Simulation run() {
        Simulation sim = new Simulation(3);
        sim.addNode(A, () -> new PingPong.Pinger(B, 30, Duration.ofMillis(5)));
        sim.addNode(B, PingPong.Ponger::new);
        FaultPlan.apply(sim, A, B);
        sim.runFor(Duration.ofMillis(300));
        return sim;
    }

    @Test
    void shouldLoseTheFirstPingAndDeliverItsRetransmission() {
        Simulation sim = run();
        TraceEvent firstSend = sim.trace().ofKind(Kind.SEND).get(0);
        List<TraceEvent> fate = sim.trace().filter(e -> e.messageId() == firstSend.messageId() && e.kind() != Kind.SEND);

        assertThat(fate).as("the first ping is dropped with LOSS").singleElement()
                .satisfies(e -> assertThat(e.dropReason()).isEqualTo(DropReason.LOSS));
        assertThat(sim.node(B, PingPong.Ponger.class).pings()).as("later pings reach B").isPositive();
    }

    @Test
    void shouldDuplicateTheFirstPongAndNoOtherFrame() {
        Simulation sim = run();
        Map<Long, Integer> deliveries = new HashMap<>();
        sim.trace().ofKind(Kind.DELIVER).forEach(e -> deliveries.merge(e.messageId(), 1, Integer::sum));
        TraceEvent firstPong = sim.trace().ofKind(Kind.SEND).stream().filter(e -> e.node().equals(B)).findFirst()
                .orElseThrow(() -> new AssertionError("B never sent a pong"));

        assertThat(deliveries.getOrDefault(firstPong.messageId(), 0)).as("deliveries of the first pong B -> A").isEqualTo(2);
        assertThat(deliveries.entrySet()).as("frames delivered more than once (message id = deliveries):"
                        + " the diagram duplicates the first pong and nothing else")
                .filteredOn(d -> d.getValue() > 1).extracting(Map.Entry::getKey).containsExactly(firstPong.messageId());
    }

    @Test
    void shouldCrashBAtThirtyAndRestartItAtSixtyMilliseconds() {
        Simulation sim = run();

        assertThat(sim.trace().ofKind(Kind.CRASH)).as("one crash of B at 30 ms").singleElement().satisfies(e -> {
            assertThat(e.node()).isEqualTo(B);
            assertThat(e.timeNanos()).isEqualTo(30_000_000L);
        });
        assertThat(sim.trace().ofKind(Kind.RESTART)).as("one restart of B at 60 ms").singleElement()
                .satisfies(e -> assertThat(e.timeNanos()).isEqualTo(60_000_000L));
        assertThat(sim.trace().ofKind(Kind.DROP)).as("pings to the crashed B are dropped")
                .anyMatch(e -> e.dropReason() == DropReason.RECEIVER_CRASHED);
    }

    @Test
    void shouldFinishEveryPingWithNoOtherFault() {
        Simulation sim = run();

        assertThat(sim.node(A, PingPong.Pinger.class).done()).as("A completes all 30 pings within 300 ms").isTrue();
        assertThat(sim.trace().ofKind(Kind.CORRUPT)).as("nothing corrupted").isEmpty();
        assertThat(sim.trace().ofKind(Kind.PARTITION)).as("no partition").isEmpty();
        assertThat(sim.trace().ofKind(Kind.DROP)).as("drops only by loss or crash")
                .allMatch(e -> e.dropReason() == DropReason.LOSS || e.dropReason() == DropReason.RECEIVER_CRASHED);
    }
}
