package dev.dbinternals.ch08.links;

import dev.dbinternals.ch08.harness.demo.DemoArgs;
import dev.dbinternals.ch08.harness.sim.Delay;
import dev.dbinternals.ch08.harness.sim.LinkFaults;
import dev.dbinternals.ch08.links.check.FrameFates;
import dev.dbinternals.ch08.links.check.LinkPair;
import dev.dbinternals.ch08.links.ladder.AckingLink;
import dev.dbinternals.ch08.links.ladder.Frame;
import java.time.Duration;
import java.util.Map;

/**
 * Demo 02: acknowledgements with sequence numbers, and what the sender still cannot know.
 *
 * <p>Book: Chapter 8, Links → Message acknowledgements (메시지 확인 응답). A sends m1..m12 once;
 * B acknowledges every message by its sequence number; 30 % of frames are lost both ways. A's
 * view splits in two: ACKNOWLEDGED (certain) and AWAITING_ACK, and the trace shows that
 * AWAITING_ACK hides different truths: the message was lost, or delivered with its ack lost.
 */
public final class Demo02Acknowledgements {

    private Demo02Acknowledgements() {
    }

    public static void main(String[] argv) {
        DemoArgs args = DemoArgs.forDemo("acks", "Acknowledgements with sequence numbers: the sender's view of each message").parse(argv);
        LinkPair p = LinkPair.create(args.seed(), AckingLink::new, 12, 0, true);
        p.sim().network().setDefaults(LinkFaults.none().withLoss(0.3)
                .withDelay(Delay.uniform(Duration.ofMillis(1), Duration.ofMillis(20))));
        DemoArgs.heading(System.out, "Demo 02 · acknowledgements (메시지 확인 응답), seed " + args.seed());
        System.out.println("A sends m1..m12 once; B acks each by sequence number. Loss 30 % both ways, delay 1-20 ms.");
        long snapshot = 15_000_000L;
        p.sim().runFor(Duration.ofNanos(snapshot));
        table(p, snapshot, "At t=" + DemoOutput.ms(snapshot));
        p.sim().runFor(Duration.ofMillis(100));
        table(p, Long.MAX_VALUE, "At the end");
        System.out.println();
        System.out.println("ACKNOWLEDGED is certain: B sends an ack only for a message it delivered. AWAITING_ACK covers 'lost',");
        System.out.println("'delivered but the ack was lost' and, while frames fly, 'not there yet': the sender cannot tell which.");
        System.out.println("Retransmission (Demo03) is the remedy for loss, and it turns the 'delivered, ack lost' rows into");
        System.out.println("duplicates at B (Demo04).");
        DemoArgs.heading(System.out, "Diagrams");
        DemoOutput.diagrams(args, "acks", "Acknowledgements: 12 messages, 30% loss both ways", p.sim().trace(), DemoOutput.NO_TIMERS);
    }

    /** What the table's title says about the frames still on the wire: computed, never assumed. */
    static String inFlightNote(long framesInFlight) {
        return framesInFlight == 0 ? "no frame in flight: every message and ack has arrived or is lost"
                : framesInFlight + " frame(s) still in flight";
    }

    private static void table(LinkPair p, long until, String title) {
        Map<Long, AckingLink.SenderView> view = p.sender().link(AckingLink.class).senderView();
        Map<Long, FrameFates.Fate> data = FrameFates.of(p.sim().trace(), Frame.Kind.DATA, until);
        Map<Long, FrameFates.Fate> acks = FrameFates.of(p.sim().trace(), Frame.Kind.ACK, until);
        long inFlight = data.values().stream().filter(f -> f == FrameFates.Fate.IN_FLIGHT).count()
                + data.entrySet().stream().filter(e -> e.getValue() == FrameFates.Fate.DELIVERED)
                        .filter(e -> acks.getOrDefault(e.getKey(), FrameFates.Fate.IN_FLIGHT) == FrameFates.Fate.IN_FLIGHT).count();
        System.out.printf("%n%s (%s):%n  %-6s %-14s %-12s %s%n", title, inFlightNote(inFlight), "msg", "A's view", "message", "its ack");
        view.forEach((seq, v) -> System.out.printf("  %-6s %-14s %-12s %s%n", "m" + seq, v,
                data.getOrDefault(seq, FrameFates.Fate.IN_FLIGHT).text(),
                data.get(seq) == FrameFates.Fate.DELIVERED ? acks.getOrDefault(seq, FrameFates.Fate.IN_FLIGHT).text() : "-"));
    }
}
