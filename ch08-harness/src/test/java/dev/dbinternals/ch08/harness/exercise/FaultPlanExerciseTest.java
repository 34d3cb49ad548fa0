package dev.dbinternals.ch08.harness.exercise;

import static dev.dbinternals.ch08.harness.lang.Lang.t;
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

        assertThat(fate).as(t("the first ping is dropped with LOSS", "첫 핑은 LOSS로 버려져야 해요")).singleElement()
                .satisfies(e -> assertThat(e.dropReason()).isEqualTo(DropReason.LOSS));
        assertThat(sim.node(B, PingPong.Ponger.class).pings()).as(t("later pings reach B", "이후의 핑은 B에 닿아야 해요")).isPositive();
    }

    @Test
    void shouldDuplicateTheFirstPongAndNoOtherFrame() {
        Simulation sim = run();
        Map<Long, Integer> deliveries = new HashMap<>();
        sim.trace().ofKind(Kind.DELIVER).forEach(e -> deliveries.merge(e.messageId(), 1, Integer::sum));
        TraceEvent firstPong = sim.trace().ofKind(Kind.SEND).stream().filter(e -> e.node().equals(B)).findFirst()
                .orElseThrow(() -> new AssertionError(t("B never sent a pong", "B가 퐁을 한 번도 보내지 않았어요")));

        assertThat(deliveries.getOrDefault(firstPong.messageId(), 0)).as(t("deliveries of the first pong B -> A", "첫 퐁 B -> A의 전달 횟수")).isEqualTo(2);
        assertThat(deliveries.entrySet()).as(t("frames delivered more than once (message id = deliveries):"
                        + " the diagram duplicates the first pong and nothing else",
                        "두 번 이상 전달된 프레임 (메시지 id = 전달 횟수): 다이어그램은 첫 퐁만 중복시키고 다른 것은 중복시키지 않아요"))
                .filteredOn(d -> d.getValue() > 1).extracting(Map.Entry::getKey).containsExactly(firstPong.messageId());
    }

    @Test
    void shouldCrashBAtThirtyAndRestartItAtSixtyMilliseconds() {
        Simulation sim = run();

        assertThat(sim.trace().ofKind(Kind.CRASH)).as(t("one crash of B at 30 ms", "30 ms에 B의 충돌이 한 번 있어야 해요")).singleElement().satisfies(e -> {
            assertThat(e.node()).isEqualTo(B);
            assertThat(e.timeNanos()).isEqualTo(30_000_000L);
        });
        assertThat(sim.trace().ofKind(Kind.RESTART)).as(t("one restart of B at 60 ms", "60 ms에 B의 재시작이 한 번 있어야 해요")).singleElement()
                .satisfies(e -> assertThat(e.timeNanos()).isEqualTo(60_000_000L));
        assertThat(sim.trace().ofKind(Kind.DROP)).as(t("pings to the crashed B are dropped", "충돌한 B로 가는 핑은 버려져야 해요"))
                .anyMatch(e -> e.dropReason() == DropReason.RECEIVER_CRASHED);
    }

    @Test
    void shouldFinishEveryPingWithNoOtherFault() {
        Simulation sim = run();

        assertThat(sim.node(A, PingPong.Pinger.class).done()).as(t("A completes all 30 pings within 300 ms", "A는 300 ms 안에 핑 30개를 모두 완료해야 해요")).isTrue();
        assertThat(sim.trace().ofKind(Kind.CORRUPT)).as(t("nothing corrupted", "손상된 것은 없어야 해요")).isEmpty();
        assertThat(sim.trace().ofKind(Kind.PARTITION)).as(t("no partition", "파티션은 없어야 해요")).isEmpty();
        assertThat(sim.trace().ofKind(Kind.DROP)).as(t("drops only by loss or crash", "버려지는 것은 손실이나 충돌 때문이어야만 해요"))
                .allMatch(e -> e.dropReason() == DropReason.LOSS || e.dropReason() == DropReason.RECEIVER_CRASHED);
    }
}
