package dev.dbinternals.ch08.links;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.demo.DemoArgs;
import dev.dbinternals.ch08.harness.sim.Delay;
import dev.dbinternals.ch08.harness.sim.LinkFaults;
import dev.dbinternals.ch08.links.check.FrameFates;
import dev.dbinternals.ch08.links.check.LinkChecks;
import dev.dbinternals.ch08.links.check.LinkEvents;
import dev.dbinternals.ch08.links.check.LinkPair;
import dev.dbinternals.ch08.links.ladder.FairLossLink;
import dev.dbinternals.ch08.links.ladder.Frame;
import java.time.Duration;
import java.util.Map;

/**
 * Demo 01: a fair-loss link, and a sender who cannot know what became of its messages.
 *
 * <p>Book: Chapter 8, Links → Fair-loss link (손실될 수 있는 링크). A sends m1..m16 once over a
 * network that loses 30 % of frames and delays the rest by 1 to 40 ms. At 12 ms we stop and
 * compare what A knows (nothing: "sent") with the truth read from the trace: each message is
 * either not yet delivered, lost for good, or delivered. The three properties of the link are
 * then checked over the whole run.
 */
public final class Demo01FairLoss {

    private Demo01FairLoss() {
    }

    public static void main(String[] argv) {
        DemoArgs args = DemoArgs.forDemo("fair-loss", "A fair-loss link: the sender cannot tell in flight, lost and delivered apart").parse(argv);
        LinkPair p = LinkPair.create(args.seed(), FairLossLink::new, 16, 0, true);
        p.sim().network().setDefaults(LinkFaults.none().withLoss(0.3)
                .withDelay(Delay.uniform(Duration.ofMillis(1), Duration.ofMillis(40))));
        DemoArgs.heading(System.out, "Demo 01 · fair-loss link (손실될 수 있는 링크), seed " + args.seed());
        System.out.println("A sends m1..m16 once, at time 0. Loss 30 %, delay 1-40 ms.");
        long snapshot = 12_000_000L;
        p.sim().runFor(Duration.ofNanos(snapshot));
        Map<Long, FrameFates.Fate> then = FrameFates.of(p.sim().trace(), Frame.Kind.DATA, snapshot);
        System.out.printf("%nAt t=%s:%n  %-8s %-22s %s%n", DemoOutput.ms(snapshot), "message", "A's view", "the truth (from the trace)");
        then.forEach((seq, fate) -> System.out.printf("  %-8s %-22s %s%n", "m" + seq, "sent, no news", fate.text()));
        System.out.println("A's column is the same for every row: a fair-loss link tells the sender nothing.");
        p.sim().runFor(Duration.ofMillis(100));
        Map<Long, FrameFates.Fate> end = FrameFates.of(p.sim().trace(), Frame.Kind.DATA, Long.MAX_VALUE);
        long lost = end.values().stream().filter(f -> f == FrameFates.Fate.LOST).count();
        System.out.printf("%nAt the end: %d of 16 delivered, %d lost for good (nobody retransmits).%n", 16 - lost, lost);
        DemoArgs.heading(System.out, "The fair-loss link's properties over this run");
        var h = LinkEvents.fairLossLink(p.sim().trace());
        System.out.println("  " + LinkChecks.finiteDuplication(h, 9));
        System.out.println("  " + LinkChecks.noCreation(h) + "  (only messages actually sent are delivered)");
        System.out.println("  " + LinkChecks.fairLoss(h, 40) + "  (vacuous here: no message was sent 40 times; see Demo03)");
        System.out.println("Note: the study notes render no creation, in paraphrase, as: a message that was not sent can be delivered.");
        System.out.println("The correct property is the opposite: a link delivers ONLY messages that were sent.");
        DemoArgs.heading(System.out, "Diagrams");
        DemoOutput.diagrams(args, "fair-loss", "Fair-loss link: 16 messages sent once", p.sim().trace(), DemoOutput.NO_TIMERS);
    }
}
