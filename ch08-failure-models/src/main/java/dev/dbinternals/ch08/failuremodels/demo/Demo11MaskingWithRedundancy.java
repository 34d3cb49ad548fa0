package dev.dbinternals.ch08.failuremodels.demo;

import dev.dbinternals.ch08.failuremodels.masking.MaskingRun;
import dev.dbinternals.ch08.failuremodels.masking.MaskingClient.Strategy;
import dev.dbinternals.ch08.failuremodels.masking.MaskingRun.Result;
import dev.dbinternals.ch08.harness.demo.DemoArgs;
import dev.dbinternals.ch08.harness.demo.Diagrams;
import dev.dbinternals.ch08.harness.sim.TraceEvent;
import dev.dbinternals.ch08.harness.sim.TraceEvent.Kind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

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
        Map<Strategy, Result> results = new EnumMap<>(Strategy.class);
        for (Strategy s : Strategy.values()) {
            Result r = MaskingRun.run(s, requests, args.seed());
            results.put(s, r);
            System.out.println(r);
        }
        System.out.println();
        narration(results).forEach(System.out::println);
        Result small = MaskingRun.run(Strategy.FAILOVER, 30, args.seed());
        Diagrams.write(args.out(), "failover", "Failover: R1 crashes at 100 ms; the requests sent to it wait a full timeout",
                small.sim().trace(), (TraceEvent e) -> e.timeNanos() > 80_000_000L && e.timeNanos() < 260_000_000L
                        && e.kind() != Kind.TIMER_SET && e.kind() != Kind.TIMER_FIRE && e.kind() != Kind.TIMER_CANCEL);
    }

    /** The lines after the table, computed from each strategy's result (timeout 100 ms). */
    static List<String> narration(Map<Strategy, Result> r) {
        List<String> lines = new ArrayList<>();
        Result primary = r.get(Strategy.PRIMARY_ONLY);
        Result failover = r.get(Strategy.FAILOVER);
        Result fanOut = r.get(Strategy.FAN_OUT);
        Result hedged = r.get(Strategy.HEDGED);
        lines.add(String.format("PRIMARY_ONLY: %d of %d requests were errors the user saw: with no redundancy, every request%n"
                + "sent to the crashed R1 fails.", primary.failed(), primary.requests()));
        lines.add("FAILOVER " + (failover.failed() == 0 ? "hid the crash (no errors)" : "had " + failover.failed() + " errors")
                + (failover.maxMillis() >= 100
                        ? String.format(", but the requests in flight when R1 died took the%n"
                                + "slow path: a full timeout, then a retry (its max, %.1f ms); after that it sticks to R2.", failover.maxMillis())
                        : String.format("; its slowest request took %.1f ms.", failover.maxMillis())));
        lines.add("FAN_OUT " + (fanOut.failed() == 0 ? "hid the crash completely" : "had " + fanOut.failed() + " errors")
                + String.format(", with a p99 of %.1f ms against failover's %.1f%n"
                        + "(the fastest of three answers), for %.2f messages per request, with the load on the replicas to match.",
                        fanOut.p99Millis(), failover.p99Millis(), fanOut.messagesPerRequest()));
        lines.add(String.format("HEDGED: %d errors, p99 %.1f ms, %.2f messages per request: a second copy only for requests%n"
                + "slower than the 10 ms hedge delay.", hedged.failed(), hedged.p99Millis(), hedged.messagesPerRequest()));
        return lines;
    }
}
