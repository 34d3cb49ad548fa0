package dev.dbinternals.ch08.links.ladder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbinternals.ch08.harness.sim.Delay;
import dev.dbinternals.ch08.harness.sim.LinkFaults;
import dev.dbinternals.ch08.harness.sim.Seeds;
import dev.dbinternals.ch08.links.check.CheckResult;
import dev.dbinternals.ch08.links.check.LinkChecks;
import dev.dbinternals.ch08.links.check.LinkEvent;
import dev.dbinternals.ch08.links.check.LinkEvents;
import dev.dbinternals.ch08.links.check.LinkPair;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fair-loss link's three properties over the harness network, read from the trace: fair
 * loss, finite duplication, no creation. A stubborn sender supplies the "sent infinitely
 * often" premise of fair loss (each message goes out every 10 ms for 2 s: 200 times).
 */
class FairLossLinkProperties {

    private static LinkPair stubbornPair(long seed, LinkFaults faults) {
        LinkPair p = LinkPair.create(seed, l -> new StubbornLink(Duration.ofMillis(10), l), 5, 0, true);
        p.sim().setHandlerTime(Duration.ZERO);
        p.sim().network().setDefaults(faults);
        p.sim().runFor(Duration.ofSeconds(2));
        return p;
    }

    @Test
    void shouldLoseSomeFramesButDeliverEveryMessageSentOftenEnough() {
        Seeds.check("fair-loss properties", 300, seed -> {
            // given a network losing half the frames, duplicating and corrupting some
            LinkPair p = stubbornPair(seed, LinkFaults.none().withLoss(0.5).withDuplication(0.2).withCorruption(0.05)
                    .withDelay(Delay.uniform(Duration.ofMillis(1), Duration.ofMillis(8))));
            // when read as a fair-loss link (frames failing the checksum are dropped)
            List<LinkEvent> h = LinkEvents.fairLossLink(p.sim().trace());
            // then
            LinkChecks.fairLoss(h, 40).orThrow();
            LinkChecks.finiteDuplication(h, 1 + 8).orThrow(); // the harness adds at most 8 extra copies per send
            LinkChecks.noCreation(h).orThrow();
        });
    }

    @Test
    void shouldCreateMessagesWhenCorruptedFramesAreNotChecked() {
        // given corruption on the wire
        LinkPair p = stubbornPair(1, LinkFaults.none().withCorruption(0.1));
        // when every arriving byte string counts as a delivery, checksum ignored
        CheckResult raw = LinkChecks.noCreation(LinkEvents.rawNetwork(p.sim().trace()));
        // then corrupted frames look like messages nobody sent; the checksum turns them into losses
        assertThat(raw.holds()).as("raw network without a checksum violates no creation").isFalse();
        assertThat(LinkChecks.noCreation(LinkEvents.fairLossLink(p.sim().trace())).holds()).isTrue();
        assertThat(p.receiver().link().stats().corruptDropped).isPositive();
    }

    @Test
    void shouldDeliverDuplicatesOnAFairLossLink() {
        LinkPair p = stubbornPair(2, LinkFaults.none().withDuplication(0.5));
        assertThat(LinkChecks.noDuplication(LinkEvents.fairLossLink(p.sim().trace())).holds())
                .as("a fair-loss link promises only finite duplication").isFalse();
    }

}
