package dev.dbinternals.ch08.links.ladder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.sim.LinkFaults;
import dev.dbinternals.ch08.harness.sim.Seeds;
import dev.dbinternals.ch08.links.check.LinkPair;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What {@link WindowedPerfectLink} adds to the book's {@link PerfectLink}, each checked: the same
 * four properties over the fault mixes of {@link PerfectLinkProperties} with sender and receiver
 * memory within the window; backpressure and {@code writable}; a restarted sender's new
 * incarnation; the backed-off timeout capped at 60 s; acknowledgements for numbers never sent
 * dropped. Crashes and restarts under faults: {@link PerfectLinkCrashRecoveryTest}; a million
 * messages in bounded memory: {@link BoundedMemoryTest}.
 */
class WindowedPerfectLinkTest {

    private static final int SEEDS = 1000;
    private static final WindowedPerfectLink.Config CONFIG = WindowedPerfectLink.Config.defaults()
            .withWindow(4).withRetransmitTimeout(Duration.ofMillis(20));
    private static final Address A = Address.of("A");
    private static final Address B = Address.of("B");

    private final FakeContext ctxA = new FakeContext("A");
    private final FakeContext ctxB = new FakeContext("B");
    private final PerfectLinkUnitTest.Recorder atA = new PerfectLinkUnitTest.Recorder();
    private final PerfectLinkUnitTest.Recorder atB = new PerfectLinkUnitTest.Recorder();
    private final WindowedPerfectLink linkA = new WindowedPerfectLink(CONFIG, atA);
    private final WindowedPerfectLink linkB = new WindowedPerfectLink(CONFIG, atB);

    @ParameterizedTest(name = "fault mix {0} of PerfectLinkProperties")
    @ValueSource(ints = {0, 1, 2, 3, 4, 5})
    void shouldHoldThePerfectLinkPropertiesWithinItsWindow(int mix) {
        Seeds.check("windowed perfect-link mix " + mix, SEEDS, seed -> {
            // given the fault mix of PerfectLinkProperties, 25 messages through a window of 4
            LinkPair p = PerfectLinkProperties.scenario(LinkPair.windowed(seed, CONFIG, PerfectLinkProperties.MESSAGES),
                    PerfectLinkProperties.MIXES.get(mix), PerfectLinkProperties.partitioned(mix));
            // then (the four properties held, checked by scenario) neither end ever held more than the window
            assertThat(p.receiver().link().stats().maxBuffered).as("reorder buffer within the window").isLessThanOrEqualTo(CONFIG.window());
            assertThat(p.sender().link().stats().maxInFlight).as("in flight within the window").isLessThanOrEqualTo(CONFIG.window());
            assertThat(p.sender().link().stats().refused).as("25 messages through a window of 4: backpressure").isPositive();
        });
    }

    @Test
    void shouldPushBackWhenTheWindowIsFullAndSayWhenThereIsRoom() {
        for (int i = 1; i <= 4; i++) {
            assertThat(linkA.send(ctxA, B, Payloads.numbered(i, 0))).isTrue();
        }
        assertThat(linkA.send(ctxA, B, Payloads.numbered(5, 0))).as("window of 4 full").isFalse();
        List<FakeContext.Sent> frames = ctxA.drain();
        linkB.onFrame(ctxB, A, frames.get(0).bytes());
        linkA.onFrame(ctxA, B, ctxB.drain().get(0).bytes());
        assertThat(atA.writable).as("the application is told there is room").isEqualTo(1);
        assertThat(linkA.send(ctxA, B, Payloads.numbered(5, 0))).isTrue();
    }

    @Test
    void shouldNumberARestartedSendersMessagesInANewIncarnation() {
        // given a sender that persists its incarnation, restarted once
        WindowedPerfectLink first = new WindowedPerfectLink(WindowedPerfectLink.Config.defaults().withPersistIncarnation(true), atA);
        first.onStart(ctxA);
        first.send(ctxA, B, Payloads.numbered(1, 0));
        linkB.onFrame(ctxB, A, ctxA.drain().get(0).bytes());
        WindowedPerfectLink second = new WindowedPerfectLink(WindowedPerfectLink.Config.defaults().withPersistIncarnation(true), atA);
        second.onStart(ctxA);
        // when its new life sends its own #1
        second.send(ctxA, B, Payloads.padded("new-life-1", 0));
        linkB.onFrame(ctxB, A, ctxA.drain().get(0).bytes());
        // then the receiver does not mistake it for a duplicate (the book's PerfectLink does:
        // PerfectLinkUnitTest#shouldTakeARestartedSendersNewMessagesForDuplicates)
        assertThat(second.incarnation()).isEqualTo(first.incarnation() + 1);
        assertThat(atB.delivered).containsExactly("m1", "new-life-1");
    }

    @Test
    void shouldRefuseAnAcknowledgementForASequenceNumberItNeverSent() {
        // given m1 and m2 sent, both lost, so both are outstanding
        linkA.send(ctxA, B, Payloads.numbered(1, 0));
        linkA.send(ctxA, B, Payloads.numbered(2, 0));
        ctxA.drain();
        // when acks arrive (valid CRC32C, right incarnation) naming numbers A never sent:
        // a selective ack of 3, a cumulative ack up to 1000, and a selective ack of 0
        linkA.onFrame(ctxA, B, Frame.ack(linkA.incarnation(), 3, 0, 1).encode());
        linkA.onFrame(ctxA, B, Frame.ack(linkA.incarnation(), 1, 1000, 1).encode());
        linkA.onFrame(ctxA, B, Frame.ack(linkA.incarnation(), 0, 0, 1).encode());
        // then all three are dropped and both messages are still in flight and resent on timeout
        assertThat(linkA.stats().implausibleAcksDropped).isEqualTo(3);
        assertThat(linkA.inFlight(B)).isEqualTo(2);
        ctxA.advance(Duration.ofMillis(20));
        linkA.onTimer(ctxA, ctxA.takeLastTimerTag());
        assertThat(ctxA.drain()).extracting(x -> x.frame().seq()).containsExactly(1L, 2L);
        // and a genuine cumulative ack up to 2 (the highest number sent) is taken
        linkA.onFrame(ctxA, B, Frame.ack(linkA.incarnation(), 2, 2, 1).encode());
        assertThat(linkA.allAcknowledged()).isTrue();
        assertThat(linkA.stats().implausibleAcksDropped).isEqualTo(3);
    }

    @Test
    void shouldTryAgainWithinAMinuteOfAPartitionHealingHoweverSlowTheNetworkWas() {
        // given a slow network (5 s each way, a 30 s retransmission timeout) and a partition of about
        // half an hour that backs the link off again and again (30 s, 60 s, 120 s, ... 960 s)
        LinkPair p = LinkPair.windowed(1, WindowedPerfectLink.Config.defaults().withWindow(1).withRetransmitTimeout(Duration.ofSeconds(30)), 2);
        p.sim().setHandlerTime(Duration.ZERO);
        p.sim().network().setDefaults(LinkFaults.none().withDelay(Duration.ofSeconds(5)));
        p.sim().at(Duration.ofSeconds(12), () -> p.sim().network().partition(Set.of(p.a()), Set.of(p.b())));
        Duration healAt = Duration.ofSeconds(2_000);
        p.sim().at(healAt, () -> p.sim().network().heal());
        // when the partition heals
        p.sim().runFor(healAt);
        assertThat(p.perfectLinkDone()).as("m2 cannot be acknowledged across the partition").isFalse();
        boolean done = p.sim().runUntil(p::perfectLinkDone, Duration.ofSeconds(100));
        // then the backed-off link tries again within a minute (plus a tick and a round trip), not after 64 x 30 s
        assertThat(done).as("m2 acknowledged within 100 s of the heal (backoff capped at 60 s); RTO %s, now %s",
                p.sender().link(WindowedPerfectLink.class).currentRetransmitTimeout(), p.sim().now()).isTrue();
    }
}
