package dev.dbinternals.ch08.links.ladder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbinternals.ch08.harness.sim.Delay;
import dev.dbinternals.ch08.harness.sim.LinkFaults;
import dev.dbinternals.ch08.links.check.LinkPair;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A long run in the simulator: the perfect link's state stays within its window however many
 * messages pass. The default run moves 10^6 messages (about 10 s here); set
 * {@code -Dch08.boundedMemory.messages=N} to change it.
 */
class BoundedMemoryTest {

    private static final long MESSAGES = Long.getLong("ch08.boundedMemory.messages", 1_000_000);
    private static final int WINDOW = 64;

    @Test
    void shouldKeepSenderAndReceiverStateWithinTheWindowOverAMillionMessages() {
        // given a perfect link with a window of 64 and a slightly lossy, reordering network
        LinkPair p = LinkPair.create(1, l -> new WindowedPerfectLink(WindowedPerfectLink.Config.defaults()
                .withWindow(WINDOW).withRetransmitTimeout(Duration.ofMillis(20)), l), MESSAGES, 0, false);
        p.sim().trace().setEnabled(false);
        p.sim().setHandlerTime(Duration.ZERO);
        p.sim().network().setDefaults(LinkFaults.none().withLoss(0.01).withDuplication(0.01)
                .withDelay(Delay.uniform(Duration.ofMillis(1), Duration.ofMillis(3))));
        // when the sender pushes a million messages through it
        boolean done = p.sim().runUntil(p::perfectLinkDone, Duration.ofHours(10));
        // then every message arrived once, in order, and neither side ever held more than the window
        LinkStats sender = p.sender().link().stats();
        LinkStats receiver = p.receiver().link().stats();
        System.out.printf("bounded memory: %d messages in %s virtual; sender max in flight %d, receiver max buffered %d, "
                        + "%d retransmissions, %d refused sends (backpressure)%n",
                MESSAGES, p.sim().now(), sender.maxInFlight, receiver.maxBuffered, sender.retransmissions, sender.refused);
        assertThat(done).as("all messages delivered and acknowledged").isTrue();
        assertThat(p.receiver().deliveredCount()).isEqualTo(MESSAGES);
        assertThat(p.receiver().gapsOrRepeats()).as("deliveries out of order or repeated").isZero();
        assertThat(sender.maxInFlight).as("sender's unacknowledged messages").isLessThanOrEqualTo(WINDOW);
        assertThat(receiver.maxBuffered).as("receiver's reorder buffer").isLessThanOrEqualTo(WINDOW);
        assertThat(sender.refused).as("the window pushed back on the application").isPositive();
    }

    @Test
    void shouldShowTheStubbornLinkRememberingEverythingItEverSent() {
        // given the stubborn link, which has no acks and so can never forget
        LinkPair p = LinkPair.create(1, l -> new StubbornLink(Duration.ofMillis(20), l), 1_000, 0, false);
        p.sim().trace().setEnabled(false);
        p.sim().setHandlerTime(Duration.ZERO);
        // when it has sent 1,000 messages
        p.sim().runFor(Duration.ofMillis(100));
        // then it holds all 1,000, and keeps retransmitting all of them
        StubbornLink link = p.sender().link(StubbornLink.class);
        assertThat(link.remembered()).isEqualTo(1_000);
        assertThat(link.stats().transmissions).as("1,000 first sends + 1,000 per 20 ms tick").isGreaterThanOrEqualTo(5_000);
    }
}
