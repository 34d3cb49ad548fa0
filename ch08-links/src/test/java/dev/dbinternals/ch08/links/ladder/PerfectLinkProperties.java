package dev.dbinternals.ch08.links.ladder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbinternals.ch08.harness.sim.Delay;
import dev.dbinternals.ch08.harness.sim.LinkFaults;
import dev.dbinternals.ch08.harness.sim.Seeds;
import dev.dbinternals.ch08.links.check.CheckResult;
import dev.dbinternals.ch08.links.check.LinkChecks;
import dev.dbinternals.ch08.links.check.LinkPair;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The book's {@link PerfectLink}: its four properties, checked over 1,000 seeds for each fault
 * mix. Safety (no duplication, no creation, FIFO) is checked while faults are still on; liveness
 * (reliable delivery) only after every fault has healed, as in partial synchrony.
 * {@link WindowedPerfectLinkTest} runs the same mixes on the windowed link, with its bounds.
 * Replay one seed with {@code -Dch08.seed=N}; soak with {@code -Dch08.seeds=100000}.
 */
@DisplayName("perfect link properties over 1,000 seeds per fault mix")
class PerfectLinkProperties {

    private static final int SEEDS = 1000;
    static final int MESSAGES = 25;
    private static final Duration FAULTS_END = Duration.ofMillis(400);

    private static final java.util.concurrent.atomic.AtomicLong RETRANSMISSIONS = new java.util.concurrent.atomic.AtomicLong();

    private static void scenario(long seed, LinkFaults faults, boolean partition) {
        scenario(LinkPair.perfect(seed, Duration.ofMillis(20), MESSAGES), faults, partition);
    }

    /** Runs one seed of a fault mix on {@code p}, checks the four properties, and returns the pair for more checks. */
    static LinkPair scenario(LinkPair p, LinkFaults faults, boolean partition) {
        // given A sending m1..m25 to B over a perfect link, through a faulty network
        p.sim().setHandlerTime(Duration.ZERO);
        p.sim().network().setDefaults(faults);
        if (partition) {
            p.sim().at(Duration.ofMillis(5), () -> p.sim().network().partition(Set.of(p.a()), Set.of(p.b())));
            p.sim().at(Duration.ofMillis(150), () -> {
                p.sim().network().heal();
                p.sim().network().partitionOneWay(Set.of(p.b()), Set.of(p.a())); // acks cannot return
            });
        }
        p.sim().at(FAULTS_END, () -> {
            p.sim().network().heal();
            p.sim().network().setDefaults(LinkFaults.none());
        });
        // when the faults are on: safety must hold at every moment
        p.sim().runFor(FAULTS_END);
        LinkChecks.perfectLinkSafety(p.history()).forEach(CheckResult::orThrow);
        // and after they heal: everything is delivered and acknowledged
        boolean done = p.sim().runUntil(p::perfectLinkDone, Duration.ofSeconds(30));
        assertThat(done).as("all %d messages delivered and acknowledged within 30 s after the faults healed; "
                + "delivered %d", MESSAGES, p.receiver().deliveredCount()).isTrue();
        List<CheckResult> all = LinkChecks.perfectLink(p.history());
        all.forEach(CheckResult::orThrow);
        RETRANSMISSIONS.addAndGet(p.sender().link().stats().retransmissions);
        return p;
    }

    /** The six fault mixes, by name: the loss mix, then duplication and reordering, corruption, partitions, everything, harsh. */
    static final List<LinkFaults> MIXES = List.of(
            LinkFaults.none().withLoss(0.5).withDelay(Delay.uniform(Duration.ofMillis(1), Duration.ofMillis(5))),
            LinkFaults.none().withDuplication(0.3).withLoss(0.1).withDelay(Delay.longTailed(Duration.ofMillis(2), Duration.ofMillis(40))),
            LinkFaults.none().withCorruption(0.3).withLoss(0.1).withDelay(Delay.uniform(Duration.ofMillis(1), Duration.ofMillis(5))),
            LinkFaults.none().withLoss(0.2).withDelay(Delay.uniform(Duration.ofMillis(1), Duration.ofMillis(5))),
            LinkFaults.none().withLoss(0.3).withDuplication(0.2).withCorruption(0.1)
                    .withDelay(Delay.longTailed(Duration.ofMillis(2), Duration.ofMillis(30))),
            LinkFaults.none().withLoss(0.5).withDuplication(0.3).withCorruption(0.3)
                    .withDelay(Delay.longTailed(Duration.ofMillis(5), Duration.ofMillis(100))));

    /** Whether mix {@code i} of {@link #MIXES} also cuts the link (both ways, then the acks only) before healing. */
    static boolean partitioned(int i) {
        return i >= 3;
    }

    @Test
    void shouldHoldWithHalfOfAllFramesLost() {
        RETRANSMISSIONS.set(0);
        int n = Seeds.check("perfect-link loss 50%", SEEDS, seed -> scenario(seed, MIXES.get(0), partitioned(0)));
        System.out.println("loss 50%: " + n + " seeds, " + RETRANSMISSIONS.get() + " retransmissions in all");
    }

    @Test
    void shouldHoldWithDuplicationAndReordering() {
        Seeds.check("perfect-link duplication+reordering", SEEDS, seed -> scenario(seed, MIXES.get(1), partitioned(1)));
    }

    @Test
    void shouldHoldWithBitCorruptionCaughtByTheChecksum() {
        Seeds.check("perfect-link corruption", SEEDS, seed -> scenario(seed, MIXES.get(2), partitioned(2)));
    }

    @Test
    void shouldHoldAcrossPartitionsThatHeal() {
        Seeds.check("perfect-link partitions", SEEDS, seed -> scenario(seed, MIXES.get(3), partitioned(3)));
    }

    @Test
    void shouldHoldWithEveryFaultAtOnce() {
        Seeds.check("perfect-link everything", SEEDS, seed -> scenario(seed, MIXES.get(4), partitioned(4)));
    }

    @Test
    void shouldHoldUnderAHarshMixOfEverything() {
        Seeds.check("perfect-link harsh", SEEDS, seed -> scenario(seed, MIXES.get(5), partitioned(5)));
    }
}
