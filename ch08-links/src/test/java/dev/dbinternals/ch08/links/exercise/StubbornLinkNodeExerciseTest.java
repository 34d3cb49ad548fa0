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
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Exercise links-7. Typical wrong solutions, each failed by a test below (fixtures in
 * {@code src/wrong/links-7--*}): retransmitting a fixed number of times ({@code --few-tries});
 * retransmitting for a fixed time, then giving up, as a TCP user timeout does
 * ({@code --give-up-after-500ms}); delivering only the first copy, as if a stubborn link
 * deduplicated ({@code --deliver-once}); retransmitting only the newest message
 * ({@code --newest-only}); a receiver that replays the copy it kept while the sender has stopped
 * ({@code --receiver-replays}); delegating to the main {@code StubbornLink}, which speaks another
 * wire format ({@code --delegate}).
 *
 * <p>"Infinitely often" is checked in a finite form: each run lasts a seeded length between 1 and
 * 5 s of simulated time (so a sender that gives up after a fixed time or number of tries fails
 * the runs longer than its budget), half of the runs start with A and B partitioned for a seeded
 * stretch, and every message must be delivered again in the last 200 ms, by a delivery made
 * while a frame carrying it arrives (so a receiver cannot stand in for a sender that stopped).
 */
@Tag("exercise")
@DisplayName("links-7: a stubborn link, as a node")
class StubbornLinkNodeExerciseTest {

    static final Address A = Address.of("A");
    static final Address B = Address.of("B");
    static final Duration LAST = Duration.ofMillis(200);
    static final Codec WIRE = Codec.builder().register(1, StubbornLinkNode.Data.class).withChecksum().build();

    /**
     * One run: A and B send each other a few messages in the first 100 ms over a faulty network,
     * for a seeded length; with {@code partitions}, half of the seeds start with A and B cut apart
     * until a seeded time, healed well before the end.
     */
    static void run(long seed, LinkFaults faults, boolean partitions) {
        Random r = new Random(seed);
        List<AppNode.Planned> fromA = new ArrayList<>();
        List<AppNode.Planned> fromB = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            fromA.add(new AppNode.Planned(Duration.ofMillis(r.nextInt(100)), B, "a" + i));
        }
        for (int i = 1; i <= 2; i++) {
            fromB.add(new AppNode.Planned(Duration.ofMillis(r.nextInt(100)), A, "b" + i));
        }
        Duration runLength = Duration.ofMillis(1_000 + r.nextInt(4_001));
        Duration healAt = partitions && r.nextBoolean() ? Duration.ofMillis(100 + r.nextInt((int) runLength.toMillis() / 2)) : null;
        Simulation sim = new Simulation(seed);
        sim.trace().setEnabled(System.getProperty("ch08.seed") != null); // runs are long: keep the trace only on a replay
        AppNode.Log log = new AppNode.Log();
        for (Address self : List.of(A, B)) {
            sim.addNode(self, () -> {
                StubbornLinkNode link = new StubbornLinkNode((ctx, from, p) -> AppNode.delivered(sim, log, ctx, from, p));
                return new AppNode(sim, link, link::send, self.equals(A) ? fromA : fromB, WIRE,
                        f -> f instanceof StubbornLinkNode.Data d ? d.payload() : null, log);
            });
        }
        sim.network().setDefaults(faults);
        if (healAt != null) {
            sim.network().partition(Set.of(A), Set.of(B));
            sim.at(healAt, () -> sim.network().heal());
        }
        sim.runFor(runLength);

        assertThat(log.badFrames).as(t("frames on the wire must be StubbornLinkNode.Data encoded with its CODEC, each carrying a payload its sender was asked to send", "네트워크 위의 프레임은 StubbornLinkNode의 CODEC으로 인코딩한 StubbornLinkNode.Data여야 하고, 각각 송신자가 보내라고 요청받은 페이로드를 담아야 해요")).isEmpty();
        CheckResult noCreation = LinkChecks.noCreation(log.history);
        assertThat(noCreation.holds()).as("%s", noCreation).isTrue();
        long lastWindow = runLength.minus(LAST).toNanos();
        String partition = healAt == null ? "" : t(" (A and B were partitioned until " + healAt.toMillis() + " ms)",
                " (A와 B는 " + healAt.toMillis() + " ms까지 네트워크 파티션으로 끊겨 있었어요)");
        for (LinkEvent sent : log.history.stream().filter(e -> e.kind() == LinkEvent.Kind.SEND).toList()) {
            long deliveries = log.history.stream().filter(e -> e.kind() == LinkEvent.Kind.DELIVER && same(e, sent)).count();
            List<LinkEvent> onArrival = log.onArrival.stream().filter(e -> same(e, sent)).toList();
            long late = onArrival.stream().filter(e -> e.timeNanos() >= lastWindow).count();
            String lastOne = onArrival.isEmpty() ? "" : t(", the last of them at " + onArrival.get(onArrival.size() - 1).timeNanos() / 1_000_000 + " ms",
                    ", 그중 마지막은 " + onArrival.get(onArrival.size() - 1).timeNanos() / 1_000_000 + " ms");
            assertThat(late).as(t("stubborn delivery: '%s', sent once by %s to %s at %d ms, was delivered %d time(s) in all, "
                            + "%d of them while a frame carrying it arrived%s; none so in the last %d ms of the %d ms run%s "
                            + "(a stubborn link delivers it infinitely often, each time a copy arrives)",
                            "스터번 전달(stubborn delivery): %2$s가 %4$d ms에 %3$s에게 한 차례 전송한 메시지 '%1$s'는 모두 %5$d번 전달됐고, "
                            + "그중 %6$d번은 그것을 실은 프레임이 도착할 때였어요%7$s. 그런데 %9$d ms 실행의 마지막 %8$d ms에는 그런 전달이 한 번도 없었어요%10$s "
                            + "(스터번 링크는 사본이 도착할 때마다 전달하므로 무한히 자주 전달해요)"),
                    sent.message(), sent.from(), sent.to(), sent.timeNanos() / 1_000_000, deliveries, onArrival.size(), lastOne,
                    LAST.toMillis(), runLength.toMillis(), partition).isPositive();
        }
    }

    private static boolean same(LinkEvent delivery, LinkEvent sent) {
        return delivery.from().equals(sent.from()) && delivery.to().equals(sent.to()) && delivery.message().equals(sent.message());
    }

    @Test
    void shouldKeepDeliveringOverAReliableNetwork() {
        Seeds.check(t("stubborn link, no faults", "스터번 링크, 장애 없음"), 1, seed -> run(seed, LinkFaults.none(), false));
    }

    @Test
    void shouldKeepDeliveringEveryMessageDespiteLossDuplicationReorderingAndAPartition() {
        Seeds.check(t("stubborn link, 30% loss, 10% duplication, delay 1-20 ms, half the runs partitioned at the start",
                "스터번 링크, 손실 30%, 중복 10%, 지연 1-20 ms, 실행의 절반은 시작할 때 파티션"), 1000,
                seed -> run(seed, LinkFaults.none().withLoss(0.3).withDuplication(0.1)
                        .withDelay(Delay.uniform(Duration.ofMillis(1), Duration.ofMillis(20))), true));
    }
}
