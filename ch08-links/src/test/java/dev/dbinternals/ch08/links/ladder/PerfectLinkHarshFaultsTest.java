package dev.dbinternals.ch08.links.ladder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.sim.Delay;
import dev.dbinternals.ch08.harness.sim.LinkFaults;
import dev.dbinternals.ch08.harness.sim.Seeds;
import dev.dbinternals.ch08.harness.sim.Simulation;
import dev.dbinternals.ch08.links.check.CheckResult;
import dev.dbinternals.ch08.links.check.LinkChecks;
import dev.dbinternals.ch08.links.check.LinkPair;
import java.time.Duration;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Both perfect links under fault mixes harsher than {@link PerfectLinkProperties}: most frames
 * lost, half duplicated, flapping partitions, acknowledgements cut off in one direction only,
 * paused and slow processes, clocks stepped and drifting, a bandwidth-limited link whose queue
 * overflows. Each mix runs on the book's {@link PerfectLink} and on the
 * {@link WindowedPerfectLink}. Each seed also picks its own message count and, for the windowed
 * link, its window (1..16), so small windows (stop-and-wait) and wrap-around of the ring buffers
 * are covered. Safety is checked the moment the faults end, liveness after they heal.
 *
 * <p>The default run takes {@value #SEEDS} seeds per mix and link (a few seconds in all); soak
 * with {@code -Dch08.seeds=3000 -Dch08.seedBase=100000}.
 */
@DisplayName("perfect link under harsh fault mixes")
class PerfectLinkHarshFaultsTest {

    private static final int SEEDS = 150;
    private static final Duration FAULTS_END = Duration.ofMillis(600);

    /** Installs a mix's faults on a pair; the random is the seed's own, for plans that vary by seed. */
    private interface Mix extends BiConsumer<LinkPair, SplittableRandom> {
    }

    /** Runs the mix over {@value #SEEDS} seeds on each link. */
    private static void onBothLinks(String name, Mix mix) {
        Seeds.check("perfect-link harsh: " + name, SEEDS, seed -> run(seed, mix, false));
        Seeds.check("windowed perfect-link harsh: " + name, SEEDS, seed -> run(seed, mix, true));
    }

    private static void run(long seed, Mix mix, boolean windowed) {
        // given A sending m1..mN to B over a perfect link (the windowed one with a seed-chosen window)
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L);
        int window = 1 + r.nextInt(16);
        int messages = 10 + r.nextInt(40);
        Duration timeout = Duration.ofMillis(10);
        LinkPair p = windowed
                ? LinkPair.windowed(seed, WindowedPerfectLink.Config.defaults().withWindow(window).withRetransmitTimeout(timeout), messages)
                : LinkPair.perfect(seed, timeout, messages);
        p.sim().setHandlerTime(Duration.ofNanos(10_000));
        mix.accept(p, r);
        p.sim().at(FAULTS_END, () -> healEverything(p));
        // when the faults are on, safety holds at every moment
        p.sim().runFor(FAULTS_END);
        LinkChecks.perfectLinkSafety(p.history()).forEach(CheckResult::orThrow);
        // and once they heal, everything is delivered and acknowledged
        boolean done = p.sim().runUntil(p::perfectLinkDone, Duration.ofSeconds(120));
        assertThat(done).as("all %d messages (%s) delivered and acknowledged within 120 s after the faults healed; "
                + "delivered %d; sender %s", messages, windowed ? "window " + window : "no window", p.receiver().deliveredCount(),
                p.sender().link().stats()).isTrue();
        LinkChecks.perfectLink(p.history()).forEach(CheckResult::orThrow);
        if (windowed) {
            assertThat(p.receiver().link().stats().maxBuffered).as("reorder buffer within the window").isLessThanOrEqualTo(window);
            assertThat(p.sender().link().stats().maxInFlight).as("in flight within the window").isLessThanOrEqualTo(window);
        }
    }

    private static void healEverything(LinkPair p) {
        Simulation sim = p.sim();
        sim.network().heal();
        sim.network().resetLinks();
        sim.network().setDefaults(LinkFaults.none());
        sim.setSlowness(p.a(), 1.0);
        sim.setSlowness(p.b(), 1.0);
    }

    @Test
    void shouldHoldWithMostFramesLostAndLongTailedDelay() {
        onBothLinks("loss 60-80% long-tailed", (p, r) ->
                p.sim().network().setDefaults(LinkFaults.none().withLoss(0.6 + 0.2 * r.nextDouble())
                        .withDelay(Delay.longTailed(Duration.ofMillis(3), Duration.ofMillis(150)))));
    }

    @Test
    void shouldHoldWithHalfOfAllFramesDuplicatedAndACorruptedThird() {
        onBothLinks("dup 50% corruption 30%", (p, r) ->
                p.sim().network().setDefaults(LinkFaults.none().withDuplication(0.5).withCorruption(0.3).withLoss(0.2)
                        .withDelay(Delay.longTailed(Duration.ofMillis(2), Duration.ofMillis(60)))));
    }

    @Test
    void shouldHoldWhileAPartitionFlapsOnAndOff() {
        onBothLinks("flapping partitions", (p, r) -> {
            p.sim().network().setDefaults(LinkFaults.none().withLoss(0.3).withDuplication(0.1)
                    .withDelay(Delay.uniform(Duration.ofMillis(1), Duration.ofMillis(8))));
            long t = r.nextLong(1, 20);
            boolean cut = true;
            while (t < FAULTS_END.toMillis() - 1) {
                boolean c = cut;
                p.sim().at(Duration.ofMillis(t), () -> {
                    if (c) {
                        p.sim().network().partition(Set.of(p.a()), Set.of(p.b()));
                    } else {
                        p.sim().network().heal();
                    }
                });
                cut = !cut;
                t += r.nextLong(1, 40);
            }
        });
    }

    @Test
    void shouldHoldWhenOnlyTheAcknowledgementsAreCutOff() {
        onBothLinks("one-way partition of the ack path", (p, r) -> {
            p.sim().network().setDefaults(LinkFaults.none().withLoss(0.2).withDuplication(0.2)
                    .withDelay(Delay.uniform(Duration.ofMillis(1), Duration.ofMillis(5))));
            // data gets through to B, nothing comes back to A: B must ignore every retransmission
            p.sim().network().partitionOneWay(Set.of(p.b()), Set.of(p.a()));
        });
    }

    @Test
    void shouldHoldWithPausedAndSlowProcesses() {
        onBothLinks("pauses and slow nodes", (p, r) -> {
            p.sim().network().setDefaults(LinkFaults.none().withLoss(0.3).withDuplication(0.2)
                    .withDelay(Delay.uniform(Duration.ofMillis(1), Duration.ofMillis(10))));
            p.sim().setSlowness(p.b(), 1 + r.nextInt(200));
            p.sim().setSlowness(p.a(), 1 + r.nextInt(50));
            for (int i = 0; i < 6; i++) {
                Address who = r.nextBoolean() ? p.a() : p.b();
                long at = r.nextLong(1, FAULTS_END.toMillis() - 100);
                long length = r.nextLong(1, 90);
                p.sim().at(Duration.ofMillis(at), () -> p.sim().pause(who, Duration.ofMillis(length)));
            }
        });
    }

    @Test
    void shouldHoldWhenClocksStepAndDrift() {
        onBothLinks("clock steps and drift", (p, r) -> {
            p.sim().network().setDefaults(LinkFaults.none().withLoss(0.4).withDuplication(0.1)
                    .withDelay(Delay.uniform(Duration.ofMillis(1), Duration.ofMillis(10))));
            p.sim().clock(p.a()).setDriftPpm(r.nextInt(-900_000, 900_000));
            p.sim().clock(p.b()).setDriftPpm(r.nextInt(-900_000, 900_000));
            for (int i = 0; i < 6; i++) {
                Address who = r.nextBoolean() ? p.a() : p.b();
                long at = r.nextLong(1, FAULTS_END.toMillis() - 1);
                Duration step = Duration.ofMillis(r.nextLong(-5_000, 5_000));
                p.sim().at(Duration.ofMillis(at), () -> p.sim().clock(who).step(step));
            }
        });
    }

    @Test
    void shouldHoldOverASlowLinkWhoseQueueOverflows() {
        onBothLinks("bandwidth and queue overflow", (p, r) ->
                p.sim().network().setDefaults(LinkFaults.none().withLoss(0.1).withDuplication(0.3)
                        .withBandwidth(2_000 + r.nextInt(20_000)).withQueueLimit(1 + r.nextInt(4))
                        .withDelay(Delay.longTailed(Duration.ofMillis(2), Duration.ofMillis(40)))));
    }

    @Test
    void shouldHoldUnderEverythingAtOnce() {
        onBothLinks("everything", (p, r) -> {
            LinkFaults f = LinkFaults.none().withLoss(0.6).withDuplication(0.5).withCorruption(0.3)
                    .withDelay(Delay.longTailed(Duration.ofMillis(3), Duration.ofMillis(120)));
            p.sim().network().set(p.a(), p.b(), f);
            p.sim().network().set(p.b(), p.a(), f.withLoss(0.8));
            p.sim().setSlowness(p.b(), 1 + r.nextInt(20));
            p.sim().clock(p.a()).setDriftPpm(r.nextInt(-500_000, 500_000));
            for (int i = 0; i < 4; i++) {
                long at = r.nextLong(1, FAULTS_END.toMillis() - 100);
                int kind = r.nextInt(4);
                long length = r.nextLong(1, 80);
                p.sim().at(Duration.ofMillis(at), () -> {
                    switch (kind) {
                        case 0 -> p.sim().network().partition(Set.of(p.a()), Set.of(p.b()));
                        case 1 -> p.sim().network().partitionOneWay(Set.of(p.b()), Set.of(p.a()));
                        case 2 -> p.sim().pause(p.b(), Duration.ofMillis(length));
                        default -> p.sim().clock(p.b()).step(Duration.ofMillis(-length * 10));
                    }
                });
                p.sim().at(Duration.ofMillis(at + length), () -> p.sim().network().heal());
            }
        });
    }
}
