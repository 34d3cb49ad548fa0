package dev.dbinternals.ch08.links.exercise;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.codec.Codec;
import dev.dbinternals.ch08.harness.sim.Delay;
import dev.dbinternals.ch08.harness.sim.LinkFaults;
import dev.dbinternals.ch08.harness.sim.Seeds;
import dev.dbinternals.ch08.harness.sim.Simulation;
import dev.dbinternals.ch08.links.check.CheckResult;
import dev.dbinternals.ch08.links.check.LinkChecks;
import dev.dbinternals.ch08.links.check.LinkEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Exercise links-8. Typical wrong solutions, each failed by a test below (fixtures in
 * {@code src/wrong/links-8--*}): dedup that keeps only the highest number seen, so a message
 * overtaken by a later one is dropped ({@code --max-only}); taking an ack of message n as an ack
 * of everything up to n ({@code --ack-as-cumulative}); acknowledging only the first copy, so a
 * lost ack is never repaired ({@code --ack-first-copy-only}); delivering on arrival, out of order
 * ({@code --no-reorder}); a dedup set that remembers every number forever
 * ({@code --unbounded-dedup}); giving a message up after a fixed number of retransmissions
 * ({@code --give-up-after-30}); one sequence counter for the whole node instead of one per
 * destination ({@code --one-counter}); delegating to the main {@code PerfectLink}, which speaks
 * another wire format ({@code --delegate}), or tunnelling its frames inside {@code Data} records,
 * whose payloads are then not the application's messages ({@code --tunnel}).
 *
 * <p>Half of the runs start with B cut off from A and C for a seeded 2 to 5 s, longer than any
 * retry budget of a few hundred milliseconds, then heal; B sends to A and to C, interleaved.
 *
 * <p>Bounded memory is checked through {@code remembered()}, which the node reports itself: a
 * node that keeps every number but reports fewer is not caught here.
 */
@Tag("exercise")
@DisplayName("links-8: a perfect link with n_consecutive, as a node")
class PerfectLinkNodeExerciseTest {

    static final Address A = Address.of("A");
    static final Address B = Address.of("B");
    static final Address C = Address.of("C");
    static final Codec WIRE = Codec.builder().register(1, PerfectLinkNode.Data.class)
            .register(2, PerfectLinkNode.Ack.class).withChecksum().build();

    /**
     * One run: A and C send to B, B sends to A and C, at seeded times over a faulty network; with
     * {@code partitions}, half of the seeds start with B cut off until a seeded time; then every property.
     */
    static void run(long seed, LinkFaults faults, boolean partitions) {
        Random r = new Random(seed);
        Map<Address, List<AppNode.Planned>> plans = new TreeMap<>();
        plans.put(A, plan(r, B, "a", 10));
        plans.put(C, plan(r, B, "c", 10));
        List<AppNode.Planned> fromB = new ArrayList<>(plan(r, A, "ba", 4));
        fromB.addAll(plan(r, C, "bc", 4)); // sent at seeded times: the two destinations interleave
        plans.put(B, fromB);
        Duration healAt = partitions && r.nextBoolean() ? Duration.ofMillis(2_000 + r.nextInt(3_001)) : null;
        Simulation sim = new Simulation(seed);
        sim.trace().setEnabled(System.getProperty("ch08.seed") != null); // partitioned runs are long: keep the trace only on a replay
        AppNode.Log log = new AppNode.Log();
        for (Address self : List.of(A, B, C)) {
            sim.addNode(self, () -> {
                PerfectLinkNode link = new PerfectLinkNode((ctx, from, p) -> AppNode.delivered(sim, log, ctx, from, p));
                return new AppNode(sim, link, link::send, plans.get(self), WIRE,
                        f -> f instanceof PerfectLinkNode.Data d ? d.payload() : null, log);
            });
        }
        sim.network().setDefaults(faults);
        if (healAt != null) {
            sim.network().partition(Set.of(B), Set.of(A, C));
            sim.at(healAt, () -> sim.network().heal());
        }
        String partition = healAt == null ? "" : t(", B partitioned from A and C until " + healAt.toMillis() + " ms",
                ", B는 " + healAt.toMillis() + " ms까지 네트워크 파티션으로 A, C와 끊겨 있었어요");
        long sends = plans.values().stream().mapToLong(List::size).sum();
        boolean allDelivered = sim.runUntil(() -> log.history.stream().filter(e -> e.kind() == LinkEvent.Kind.DELIVER).count() >= sends,
                Duration.ofSeconds(20));
        boolean quiet = sim.runUntilQuiet(Duration.ofSeconds(20));

        assertThat(log.badFrames).as(t("frames on the wire must be PerfectLinkNode records encoded with its CODEC, a Data carrying a payload its sender was asked to send", "네트워크 위의 프레임은 PerfectLinkNode의 CODEC으로 인코딩한 PerfectLinkNode 레코드여야 하고, Data는 송신자가 보내라고 요청받은 페이로드를 담아야 해요")).isEmpty();
        for (CheckResult c : LinkChecks.perfectLinkSafety(log.history)) {
            assertThat(c.holds()).as("%s%s", c, partition).isTrue();
        }
        CheckResult reliable = LinkChecks.reliableDelivery(log.history);
        assertThat(reliable.holds()).as(t("after %s ms of simulated time%s: %s", "시뮬레이션 시간 %s ms 뒤%s: %s"), sim.now().toMillis(), partition, reliable).isTrue();
        assertThat(allDelivered).as(t("every message delivered", "모든 메시지가 전달돼요")).isTrue();
        assertThat(quiet).as(t("20 s after every message was delivered, the nodes still send or keep timers: a sender must stop once its messages are acknowledged", "모든 메시지가 전달되고 20초가 지났는데 노드가 아직 전송하거나 타이머를 갖고 있어요: 송신자는 메시지가 확인 응답되면 멈춰야 해요")).isTrue();
        for (Address self : List.of(A, B, C)) {
            PerfectLinkNode node = sim.node(self, AppNode.class).link(PerfectLinkNode.class);
            assertThat(node.unacknowledged()).as(t("%s still keeps %d sent message(s) after everything was delivered and the run went quiet", "모든 것이 전달되고 실행이 잠잠해진 뒤에도 %s가 전송한 메시지 %d개를 아직 갖고 있어요"),
                    self, node.unacknowledged()).isZero();
            for (Address sender : List.of(A, B, C)) {
                long sent = plans.get(sender).stream().filter(p -> p.to().equals(self)).count();
                if (sent == 0) {
                    continue;
                }
                assertThat(node.nConsecutive(sender)).as(t("%s's n_consecutive for %s, once all %d of %s's messages to %s arrived", "%4$s가 %5$s에게 보낸 메시지 %3$d개가 모두 도착한 뒤, %1$s가 가진 %2$s의 n_consecutive"),
                        self, sender, sent, sender, self).isEqualTo(sent);
                assertThat(node.remembered(sender)).as(t("numbers from %s that %s keeps one by one, once every message arrived "
                        + "(memory must not grow with the messages received)",
                        "모든 메시지가 도착한 뒤 %2$s가 하나하나 따로 기억하는 %1$s의 번호 수 (받은 메시지 수에 따라 메모리가 늘면 안 돼요)"),
                        sender, self).isZero();
            }
        }
    }

    private static List<AppNode.Planned> plan(Random r, Address to, String prefix, int n) {
        List<AppNode.Planned> p = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            p.add(new AppNode.Planned(Duration.ofMillis(r.nextInt(150)), to, prefix + i));
        }
        return p;
    }

    @Test
    void shouldGiveEveryPropertyOverAReliableNetwork() {
        Seeds.check(t("perfect link, no faults", "퍼펙트 링크, 장애 없음"), 1, seed -> run(seed, LinkFaults.none(), false));
    }

    @Test
    void shouldGiveEveryPropertyDespiteLossDuplicationReorderingAndAPartition() {
        Seeds.check(t("perfect link, 25% loss, 15% duplication, delay 1-25 ms, half the runs partitioned for 2-5 s",
                "퍼펙트 링크, 손실 25%, 중복 15%, 지연 1-25 ms, 실행의 절반은 2-5초 동안 파티션"), 1000,
                seed -> run(seed, LinkFaults.none().withLoss(0.25).withDuplication(0.15)
                        .withDelay(Delay.uniform(Duration.ofMillis(1), Duration.ofMillis(25))), true));
    }
}
