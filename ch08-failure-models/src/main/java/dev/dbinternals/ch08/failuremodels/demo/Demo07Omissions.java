package dev.dbinternals.ch08.failuremodels.demo;

import dev.dbinternals.ch08.failuremodels.omission.OmissionRun;
import dev.dbinternals.ch08.failuremodels.omission.OmissionRun.Outcome;
import dev.dbinternals.ch08.failuremodels.omission.OmissionRun.Scenario;
import dev.dbinternals.ch08.harness.demo.DemoArgs;
import dev.dbinternals.ch08.harness.demo.Diagrams;
import dev.dbinternals.ch08.harness.sim.TraceEvent;
import dev.dbinternals.ch08.harness.sim.TraceEvent.Kind;

/**
 * Demo 7: a fire-and-forget primary under four omission faults; it believes everything was
 * replicated every time.
 *
 * <p>Book: Chapter 8, "Omission Faults" (누락). Run:
 * {@code ./ch08 demo ch08-failure-models omissions [--quick]}
 */
public final class Demo07Omissions {

    private Demo07Omissions() {
    }

    public static void main(String[] argv) {
        DemoArgs args = DemoArgs.forDemo("omissions", "send and receive omissions under a fire-and-forget primary").parse(argv);
        DemoArgs.heading(System.out, "A primary sends updates 1.." + OmissionRun.UPDATES + " to a backup, one every 5 ms, each once");
        System.out.printf("%-20s | %-54s | %8s | %7s | %7s | %s%n", "scenario", "what goes wrong", "believed", "applied",
                "missing", "where the missing ones went");
        for (Scenario s : Scenario.values()) {
            Outcome o = OmissionRun.run(s, args.seed());
            StringBuilder where = new StringBuilder();
            o.networkDrops().forEach((reason, n) -> where.append(n).append(" dropped: ").append(reason).append("  "));
            if (o.receiveOmissions() > 0) {
                where.append(o.receiveOmissions()).append(" receive omissions (buffer full)");
            }
            System.out.printf("%-20s | %-54s | %8d | %7d | %7d | %s%n", s, s.description(), o.believedReplicated(),
                    o.applied(), o.missing(), where.toString().trim());
            if (s == Scenario.FULL_RECEIVE_BUFFER) {
                Diagrams.write(args.out(), "receive-omission", "Receive omissions at a backup with a full buffer",
                        o.sim().trace(), (TraceEvent e) -> e.timeNanos() < 120_000_000L
                                && e.kind() != Kind.TIMER_SET && e.kind() != Kind.TIMER_FIRE);
            }
        }
        System.out.println();
        System.out.println("'believed' is the primary's count of updates sent: send() returns as if every one arrived.");
        System.out.println("Where a message disappears decides the name: QUEUE_FULL is a send omission (the frame never");
        System.out.println("left the sender's queue), LOSS and PARTITION are omissions on the link, and a frame that");
        System.out.println("arrived but found the receiver's buffer full is a receive omission. To the primary they are");
        System.out.println("all the same silence; only acknowledgements and retransmission (ch08-links) make it notice.");
    }
}
