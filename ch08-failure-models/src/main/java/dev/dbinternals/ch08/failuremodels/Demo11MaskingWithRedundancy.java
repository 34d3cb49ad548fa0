package dev.dbinternals.ch08.failuremodels;

import dev.dbinternals.ch08.failuremodels.MaskingClient.Strategy;
import dev.dbinternals.ch08.failuremodels.MaskingRun.Result;
import dev.dbinternals.ch08.harness.demo.DemoArgs;
import dev.dbinternals.ch08.harness.demo.Diagrams;
import dev.dbinternals.ch08.harness.sim.TraceEvent;
import dev.dbinternals.ch08.harness.sim.TraceEvent.Kind;

/**
 * Demo 11: three replicas, one crashes; what a user sees with no redundancy, failover,
 * fan-out and hedged requests.
 *
 * <p>Book: Chapter 8, "Handling Failures" (장애 처리), at the end of "Failure Models". Run:
 * {@code ./ch08 demo ch08-failure-models masking [--quick]}
 */
public final class Demo11MaskingWithRedundancy {

    private Demo11MaskingWithRedundancy() {
    }

    public static void main(String[] argv) {
        DemoArgs args = DemoArgs.forDemo("masking", "masking a crashed replica with redundancy, and its cost").parse(argv);
        int requests = args.quick() ? 600 : 3000;
        DemoArgs.heading(System.out, requests + " requests, one every 10 ms; 3 replicas; R1 crashes a third of the way in");
        System.out.println("Links: long-tailed delay, median 2 ms, p99 20 ms each way. Timeout 100 ms, hedge after 10 ms.");
        System.out.println();
        System.out.println(Result.header());
        for (Strategy s : Strategy.values()) {
            System.out.println(MaskingRun.run(s, requests, args.seed()));
        }
        System.out.println();
        System.out.println("PRIMARY_ONLY: every request after the crash is an error the user sees.");
        System.out.println("FAILOVER hides the crash, but the requests in flight when R1 died took the slow path:");
        System.out.println("a full timeout, then a retry (its max); after that it sticks to R2.");
        System.out.println("FAN_OUT hides the crash completely and even cuts the tail (the fastest of three answers),");
        System.out.println("for three times the messages and three times the load on the replicas.");
        System.out.println("HEDGED sits between: a second copy only for requests slower than the hedge delay.");
        Result small = MaskingRun.run(Strategy.FAILOVER, 30, args.seed());
        Diagrams.write(args.out(), "failover", "Failover: R1 crashes at 100 ms; the requests sent to it wait a full timeout",
                small.sim().trace(), (TraceEvent e) -> e.timeNanos() > 80_000_000L && e.timeNanos() < 260_000_000L
                        && e.kind() != Kind.TIMER_SET && e.kind() != Kind.TIMER_FIRE && e.kind() != Kind.TIMER_CANCEL);
    }
}
