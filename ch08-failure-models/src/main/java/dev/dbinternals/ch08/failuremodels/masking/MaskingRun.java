package dev.dbinternals.ch08.failuremodels.masking;

import dev.dbinternals.ch08.failuremodels.Messages;
import dev.dbinternals.ch08.failuremodels.arbitrary.Replica;
import dev.dbinternals.ch08.failuremodels.masking.MaskingClient.Outcome;
import dev.dbinternals.ch08.failuremodels.masking.MaskingClient.Strategy;
import dev.dbinternals.ch08.failuremodels.arbitrary.Replica.Behavior;
import dev.dbinternals.ch08.harness.lang.Columns;
import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.sim.Delay;
import dev.dbinternals.ch08.harness.sim.LinkFaults;
import dev.dbinternals.ch08.harness.sim.Simulation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

/**
 * Three replicas of a read-only service behind a {@link MaskingClient}; the first replica
 * crashes a third of the way through. Measures what the user sees: errors and latency.
 *
 * <p>Book: Chapter 8, "Handling Failures" (장애 처리). Links have a long-tailed delay (median
 * 2 ms, p99 20 ms each way); the client's timeout is 100 ms, the hedge delay 10 ms. Not
 * thread-safe.
 */
public final class MaskingRun {

    /** What the user saw over all requests (the run's trace is kept only for runs of at most 50 requests). */
    public record Result(Strategy strategy, int requests, int failed, double p50Millis, double p99Millis,
                         double maxMillis, double messagesPerRequest, Simulation sim) {
        @Override
        public String toString() {
            return String.format("%-12s | %6d | %6d | %7.1f | %7.1f | %7.1f | %5.2f", strategy, requests, failed,
                    p50Millis, p99Millis, maxMillis, messagesPerRequest);
        }

        public static String header() {
            // padded by terminal columns, not characters, so the Korean header stands over its figures
            return String.join(" | ", Columns.left(t("strategy", "전략"), 12), Columns.right(t("reqs", "요청"), 6),
                    Columns.right(t("errors", "오류"), 6), String.format("%7s", "p50 ms"), String.format("%7s", "p99 ms"),
                    Columns.right(t("max ms", "최대 ms"), 7), Columns.right(t("msg/r", "메시지/요청"), 5));
        }
    }

    private MaskingRun() {
    }

    public static Result run(Strategy strategy, int requests, long seed) {
        Simulation sim = new Simulation(seed);
        sim.trace().setEnabled(requests <= 50);
        sim.trace().setPayloadFormat(Messages.CODEC::describe);
        sim.network().setDefaults(LinkFaults.none().withDelay(Delay.longTailed(Duration.ofMillis(2), Duration.ofMillis(20))));
        List<Address> replicas = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            replicas.add(sim.addNode("R" + i, () -> new Replica(Behavior.CORRECT)));
        }
        Duration every = Duration.ofMillis(10);
        Address client = sim.addNode("client", () -> new MaskingClient(replicas, strategy, requests, every,
                Duration.ofMillis(100), Duration.ofMillis(10)));
        sim.at(every.multipliedBy(requests / 3), () -> sim.crash(replicas.get(0)));
        sim.runFor(every.multipliedBy(requests).plusSeconds(1));
        List<Outcome> outs = sim.node(client, MaskingClient.class).outcomes();
        int failed = 0;
        long messages = 0;
        List<Long> ok = new ArrayList<>();
        for (Outcome o : outs) {
            messages += o.messages();
            if (o.answered()) {
                ok.add(o.latencyNanos());
            } else {
                failed++;
            }
        }
        long[] lat = ok.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(lat);
        return new Result(strategy, outs.size(), failed, pct(lat, 0.50), pct(lat, 0.99),
                lat.length == 0 ? Double.NaN : lat[lat.length - 1] / 1e6, (double) messages / Math.max(1, outs.size()), sim);
    }

    static double pct(long[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }
}
