package dev.dbinternals.ch08.links;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.demo.DemoArgs;
import dev.dbinternals.ch08.harness.sim.LinkFaults;
import dev.dbinternals.ch08.harness.sim.Simulation;
import dev.dbinternals.ch08.links.check.LinkChecks;
import dev.dbinternals.ch08.links.check.LinkEvent;
import dev.dbinternals.ch08.links.check.LinkEvents;
import dev.dbinternals.ch08.links.check.LinkLog;
import dev.dbinternals.ch08.links.check.LinkNode;
import dev.dbinternals.ch08.links.ladder.LinkStats;
import dev.dbinternals.ch08.links.ladder.PerfectLink;
import java.time.Duration;

/**
 * Demo 05: the perfect link at work, with three scripted faults, each visible in the diagram.
 *
 * <p>Book: Chapter 8, Links → Message order (메시지 순서): a lost message is retransmitted, a
 * duplicate is ignored, and an out-of-order message is held in the reorder buffer and released
 * when the gap fills. A sends m1..m4, one every 5 ms, and the network's scripted faults
 * ({@code dropNext}, {@code duplicateNext}, the same whatever the seed) drop m1's first frame,
 * deliver m3's frame twice (B ignores the second copy: m3 is already waiting), and drop B's ack
 * of m1's retransmission (so A sends m1 a third time: a duplicate, which B acknowledges again and
 * does not deliver).
 *
 * <p>Run: {@code ./ch08 demo links perfect-link} or
 * {@code java -cp ... dev.dbinternals.ch08.links.Demo05PerfectLink [--seed N] [--out DIR]}.
 */
public final class Demo05PerfectLink {

    private Demo05PerfectLink() {
    }

    public static void main(String[] argv) {
        DemoArgs args = DemoArgs.forDemo("perfect-link", "A perfect link: lost message retransmitted, duplicate ignored, out-of-order held and released").parse(argv);
        Simulation sim = new Simulation(args.seed());
        sim.trace().setPayloadFormat(LinkEvents::describeFrame);
        LinkLog log = new LinkLog();
        Address b = Address.of("B");
        Duration period = Duration.ofMillis(20);
        Address a = sim.addNode("A", () -> new LinkNode(l -> new PerfectLink(period, l),
                LinkNode.Workload.burst(b, 4).withInterval(Duration.ofMillis(5)), log).narrated());
        sim.addNode("B", () -> new LinkNode(l -> new PerfectLink(period, l), LinkNode.Workload.none(), log).narrated());
        sim.network().setDefaults(LinkFaults.none().withDelay(Duration.ofMillis(2)));
        // scripted faults, one frame each, the same whatever the seed:
        sim.network().dropNext(a, b); // m1's first DATA frame
        sim.at(Duration.ofMillis(7), () -> sim.network().duplicateNext(a, b)); // the next A->B frame: m3's, sent at 10 ms
        sim.at(Duration.ofMillis(21), () -> sim.network().dropNext(b, a)); // the next B->A frame: the ack of m1's retransmission

        DemoArgs.heading(System.out, "Demo 05 · perfect link (퍼펙트 링크), seed " + args.seed());
        System.out.println("A sends m1..m4 every 5 ms and, every 20 ms, resends what is not yet acknowledged; 2 ms network delay.");
        System.out.println("Scripted faults: the network drops m1's first frame, delivers m3's frame twice, and drops the ack");
        System.out.println("of m1's retransmission.");
        LinkNode receiver = sim.node(b, LinkNode.class);
        String last = "";
        while (sim.nowNanos() < 120_000_000L) {
            sim.runFor(Duration.ofMillis(1));
            PerfectLink rl = receiver.link(PerfectLink.class);
            PerfectLink.ReceiverState st = rl.receiverState(a);
            String now = String.format("B: n_consecutive=%d n_processed=%d buffered=%d delivered=%d duplicates ignored=%d",
                    st.nConsecutive(), st.nProcessed(), st.buffered(), rl.stats().delivered, rl.stats().duplicatesDropped);
            if (!now.equals(last)) {
                System.out.printf("t=%8s  %s%n", DemoOutput.ms(sim.nowNanos()), now);
                last = now;
            }
        }
        DemoArgs.heading(System.out, "What happened");
        LinkStats as = sim.node(a, LinkNode.class).link().stats();
        LinkStats bs = receiver.link().stats();
        System.out.printf("A: %d messages, %d transmissions (%d retransmissions), %d acks received%n",
                as.sent, as.transmissions, as.retransmissions, as.acksReceived);
        System.out.printf("B: %d delivered, %d held out of order, %d duplicates ignored, %d acks sent%n",
                bs.delivered, bs.heldOutOfOrder, bs.duplicatesDropped, bs.acksSent);
        System.out.println("B delivered, in order: " + log.events().stream()
                .filter(e -> e.kind() == LinkEvent.Kind.DELIVER).map(LinkEvent::message).toList());
        LinkChecks.perfectLink(log.events()).forEach(r -> System.out.println("  " + r));
        System.out.println("Read the diagram: m1's first DATA frame is dropped; m2, m3 and m4 wait in B's reorder buffer, and the");
        System.out.println("network's second copy of m3 is ignored (already waiting); m1's retransmission releases all four; its ack");
        System.out.println("is lost, so A sends m1 once more: B ignores that duplicate too and acknowledges it again (cumulative");
        System.out.println("ack n_consecutive=4).");
        DemoArgs.heading(System.out, "Diagrams");
        DemoOutput.diagrams(args, "perfect-link", "Perfect link: retransmit, dedup, reorder", sim.trace(), DemoOutput.NO_TIMERS);
    }
}
