package dev.dbinternals.ch08.links.ladder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbinternals.ch08.harness.sim.LinkFaults;
import dev.dbinternals.ch08.harness.sim.Seeds;
import dev.dbinternals.ch08.links.check.FrameFates;
import dev.dbinternals.ch08.links.check.LinkPair;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Acknowledgements (메시지 확인 응답) and the stubborn link (메시지 재전송), in the simulator. */
class AckingAndStubbornLinkTest {

    @Test
    void shouldLeaveTheSenderUnableToTellALostMessageFromALostAck() {
        AtomicInteger lostMessage = new AtomicInteger();
        AtomicInteger lostAck = new AtomicInteger();
        Seeds.check("acks: sender's view vs truth", 100, seed -> {
            // given messages sent once over a link losing 30 % both ways, with acks
            LinkPair p = LinkPair.create(seed, AckingLink::new, 20, 0, true);
            p.sim().network().setDefaults(LinkFaults.none().withLoss(0.3));
            p.sim().runUntilQuiet(Duration.ofSeconds(1));
            Map<Long, AckingLink.SenderView> view = p.sender().link(AckingLink.class).senderView();
            Map<Long, FrameFates.Fate> data = FrameFates.of(p.sim().trace(), Frame.Kind.DATA, Long.MAX_VALUE);
            view.forEach((seq, v) -> {
                if (v == AckingLink.SenderView.ACKNOWLEDGED) {
                    // then an acknowledgement is proof of delivery
                    assertThat(data.get(seq)).as("acknowledged m%d was delivered", seq).isEqualTo(FrameFates.Fate.DELIVERED);
                } else if (data.get(seq) == FrameFates.Fate.DELIVERED) {
                    lostAck.incrementAndGet();
                } else {
                    lostMessage.incrementAndGet();
                }
            });
        });
        // and AWAITING_ACK covers both a lost message and a delivered one whose ack was lost
        assertThat(lostMessage.get()).as("awaiting ack, message lost").isPositive();
        assertThat(lostAck.get()).as("awaiting ack, message delivered, ack lost").isPositive();
    }

    @Test
    void shouldCostMoreTransmissionsPerMessageTheLongerTheStubbornLinkRuns() {
        // given the stubborn link with T = 10 ms and 10 messages
        LinkPair p = LinkPair.create(3, l -> new StubbornLink(Duration.ofMillis(10), l), 10, 0, false);
        p.sim().trace().setEnabled(false);
        p.sim().network().setDefaults(LinkFaults.none().withLoss(0.5));
        // when it runs 100 ms, then 1 s
        p.sim().runFor(Duration.ofMillis(100));
        long early = p.sender().link().stats().transmissions;
        p.sim().runFor(Duration.ofMillis(900));
        long late = p.sender().link().stats().transmissions;
        // then every message was delivered, and the cost kept growing with time: about elapsed / T per message
        assertThat(p.receiver().distinctDelivered()).isEqualTo(10);
        assertThat(early / 10.0).as("transmissions per message after 100 ms").isBetween(9.0, 12.0);
        assertThat(late / 10.0).as("transmissions per message after 1 s").isBetween(95.0, 102.0);
        assertThat(p.receiver().deliveredCount()).as("and each message is delivered again and again").isGreaterThan(300);
    }
}
