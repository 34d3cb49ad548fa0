package dev.dbinternals.ch08.links;

import dev.dbinternals.ch08.harness.demo.DemoArgs;
import dev.dbinternals.ch08.harness.sim.LinkFaults;
import java.time.Duration;

/**
 * Demo 03: the stubborn link delivers despite loss, and pays for it forever.
 *
 * <p>Book: Chapter 8, Links → Message retransmits (메시지 재전송). A sends m1..m10 over a
 * {@link StubbornLink} that retransmits everything every T = 10 ms. For loss 0 %, 20 % and 50 %
 * the table shows, after 0.1 s, 0.5 s and 2 s: transmissions per message (growing linearly with
 * time, whatever the loss), deliveries per message (duplicates, growing too), and when the last
 * message was first delivered (growing with loss). Compare the ideal 1/(1-p).
 */
public final class Demo03StubbornLink {

    private Demo03StubbornLink() {
    }

    public static void main(String[] argv) {
        DemoArgs args = DemoArgs.forDemo("stubborn", "The stubborn link: every message retransmitted every T, forever").parse(argv);
        DemoArgs.heading(System.out, "Demo 03 · stubborn link (스터번 링크), seed " + args.seed());
        System.out.println("A sends m1..m10; the link resends all of them every T = 10 ms, forever (no acks, so it can never stop).");
        System.out.printf("%n  %-6s %-10s %-18s %-18s %-22s %s%n", "loss", "elapsed", "transmissions/msg", "deliveries/msg",
                "all delivered once at", "ideal 1/(1-p)");
        long[] checkpoints = args.quick() ? new long[] {100, 500} : new long[] {100, 500, 2000};
        for (double loss : new double[] {0.0, 0.2, 0.5}) {
            LinkPair p = LinkPair.create(args.seed(), l -> new StubbornLink(Duration.ofMillis(10), l), 10, 0, false);
            p.sim().trace().setEnabled(false);
            p.sim().network().setDefaults(LinkFaults.none().withLoss(loss).withDelay(Duration.ofMillis(1)));
            p.sim().runUntil(() -> p.receiver().distinctDelivered() == 10, Duration.ofSeconds(10));
            String allAt = DemoOutput.ms(p.sim().nowNanos());
            for (long ms : checkpoints) {
                p.sim().runFor(Duration.ofNanos(Math.max(0, ms * 1_000_000L - p.sim().nowNanos())));
                LinkStats s = p.sender().link().stats();
                System.out.printf("  %-6s %-10s %-18.1f %-18.1f %-22s %.2f%n", (int) (loss * 100) + "%", ms + " ms",
                        s.transmissions / 10.0, p.receiver().deliveredCount() / 10.0, allAt, 1 / (1 - loss));
            }
        }
        System.out.println();
        System.out.println("Transmissions per message grow with elapsed time (about elapsed / T + 1) no matter the loss, and");
        System.out.println("so do deliveries: each message arrives over and over. Loss only delays the first delivery.");
        System.out.println("The perfect link abstraction adds a record of what was delivered, so duplicates are ignored; the");
        System.out.println("PerfectLink class (Demo05) also stops retransmitting once acknowledged, the engineering refinement.");
        System.out.println("See Bench01TransmissionsPerMessage for the stubborn vs perfect link vs 1/(1-p) table.");
        DemoArgs.heading(System.out, "Diagram");
        LinkPair small = LinkPair.create(args.seed(), l -> new StubbornLink(Duration.ofMillis(10), l), 2, 0, true);
        small.sim().network().setDefaults(LinkFaults.none().withLoss(0.3).withDelay(Duration.ofMillis(2)));
        small.sim().runFor(Duration.ofMillis(45));
        DemoOutput.diagrams(args, "stubborn", "Stubborn link: m1 and m2 resent every 10 ms, 30% loss, first 45 ms",
                small.sim().trace(), DemoOutput.NO_TIMERS);
    }
}
