package dev.dbinternals.ch08.cascading;

import dev.dbinternals.ch08.harness.render.LineChart;
import dev.dbinternals.ch08.cascading.processing.LatencyStats;
import dev.dbinternals.ch08.cascading.processing.LoadGenerator;
import dev.dbinternals.ch08.cascading.processing.QueueExperiment;
import dev.dbinternals.ch08.cascading.processing.QueueSizing;
import dev.dbinternals.ch08.cascading.processing.ServerNode;

import static dev.dbinternals.ch08.cascading.processing.LatencyStats.ms;

import dev.dbinternals.ch08.harness.demo.DemoArgs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Demo 1 — Processing (프로세싱): a producer twice as fast as its consumer, a sustained
 * overload. A bigger queue does not raise throughput: its extra room holds waiting requests, so
 * latency rises and the rejections come a little later (for a transient burst the same room
 * turns rejections into waiting: demo {@code bursts}). Backpressure (백프레셔) with a credit
 * window keeps both in check; Little's law predicts its latency, max(round trip, window ×
 * service time), and the demo prints the prediction beside the measurement.
 *
 * <p>Run: {@code ./ch08 demo cascading queues [--quick]}.
 */
public final class Demo01QueuesAndBackpressure {

    private Demo01QueuesAndBackpressure() {
    }

    public static void main(String[] args) {
        DemoArgs a = DemoArgs.forDemo("cascading-queues",
                "a producer twice as fast as the consumer: queue capacity vs throughput vs latency, then backpressure").parse(args);
        Duration service = Duration.ofMillis(1);
        double rate = 2000;
        Duration run = a.quick() ? Duration.ofMillis(1000) : Duration.ofSeconds(2);
        ServerNode.Config one = new ServerNode.Config(10, service);

        DemoArgs.heading(System.out, "1. A remote call is not instant");
        QueueExperiment.Result single = QueueExperiment.run(a.seed(), one,
                s -> LoadGenerator.Config.openLoop(s, 1, Duration.ofMillis(1)), Duration.ofSeconds(1));
        System.out.printf("one request alone: latency %s ms = 1 ms to the server + 0 ms waiting + 1 ms service + 1 ms back%n",
                ms(single.p50()));

        DemoArgs.heading(System.out, "2. The producer sends 2000/s, the server serves 1000/s (service time 1 ms), for "
                + run.toMillis() + " ms");
        System.out.println("Every row is the same producer and the same server; only the queue capacity changes.");
        Table t = new Table("queue capacity", "sent/s", "served/s", "rejected", "p50 ms", "p99 ms", "max ms", "max queue");
        int[] capacities = {0, 10, 100, a.quick() ? 500 : 1000, ServerNode.UNBOUNDED};
        QueueExperiment.Result[] rs = new QueueExperiment.Result[capacities.length];
        double[] xs = new double[capacities.length];
        double[] p99s = new double[capacities.length];
        LineChart growth = new LineChart("Requests inside the server (2000/s into 1000/s)", "time, ms", "waiting + in service");
        for (int i = 0; i < capacities.length; i++) {
            int cap = capacities[i];
            QueueExperiment.Result r = QueueExperiment.run(a.seed(), new ServerNode.Config(cap, service),
                    s -> LoadGenerator.Config.openLoop(s, rate, run), Duration.ofSeconds(10));
            rs[i] = r;
            t.row(cap == ServerNode.UNBOUNDED ? "unbounded" : cap, f0(r.offeredPerSecond()), f0(r.throughputPerSecond()),
                    r.rejected(), ms(r.p50()), ms(r.p99()), ms(r.max()), r.server().maxInSystem());
            xs[i] = i;
            p99s[i] = r.p99() / 1e6;
            if (cap >= 100) {
                int[] q = r.inSystemEvery10ms();
                double[] tx = new double[q.length];
                double[] ty = new double[q.length];
                for (int k = 0; k < q.length; k++) {
                    tx[k] = 10.0 * k;
                    ty[k] = q[k];
                }
                growth.series("capacity " + (cap == ServerNode.UNBOUNDED ? "unbounded" : cap), tx, ty);
            }
        }
        System.out.print(t);
        System.out.print(queueVerdict(capacities, rs, service));

        DemoArgs.heading(System.out, "3. Backpressure (백프레셔): credits, at most W requests outstanding");
        Duration roundTrip = Duration.ofNanos(single.p50());
        System.out.println("prediction (Little's law, closed loop of W requests): latency = max(R, W x S) and served/s =");
        System.out.println("min(1/S, W / R), with S = " + ms(service.toNanos()) + " ms and R = " + ms(roundTrip.toNanos())
                + " ms, the unloaded round trip measured in section 1");
        Table b = new Table("credit window", "sent/s", "served/s", "predicted served/s", "rejected", "p50 ms", "p99 ms",
                "predicted ms", "max queue", "held back at source");
        int[] windows = {2, 4, 16};
        List<CreditRow> credit = new ArrayList<>();
        for (int w : windows) {
            QueueExperiment.Result r = QueueExperiment.run(a.seed(), new ServerNode.Config(1000, service),
                    s -> LoadGenerator.Config.openLoop(s, rate, run).withCreditWindow(w), Duration.ofSeconds(10));
            CreditRow row = new CreditRow(w, r, QueueSizing.closedLoopLatency(w, roundTrip, service),
                    QueueSizing.closedLoopThroughput(w, roundTrip, service));
            credit.add(row);
            b.row(w, f0(r.offeredPerSecond()), f0(r.throughputPerSecond()), f0(row.predictedPerSecond()), r.rejected(),
                    ms(r.p50()), ms(r.p99()), ms(row.predictedLatency().toNanos()), r.server().maxInSystem(),
                    r.maxHeldBack());
        }
        System.out.print(b);
        System.out.print(creditVerdict(credit, roundTrip, service));
        System.out.println("The work that could not be sent waits at the source, which is the one place that can slow");
        System.out.println("down (read the input slower, tell its own clients to wait).");

        Path out = a.out();
        Path chart = new LineChart("p99 latency vs queue capacity (2000/s into a 1000/s server)", "queue capacity: 0, 10, 100, " + capacities[3] + ", unbounded (one step each)",
                "p99 latency, ms").series("p99 latency", xs, p99s).write(out.resolve("latency-vs-queue.svg"));
        System.out.println();
        System.out.println("wrote " + chart + "  (p99 latency for each queue capacity)");
        System.out.println("wrote " + growth.write(out.resolve("queue-growth.svg"))
                + "  (queue length over time: it grows at 2000 - 1000 = 1000/s until the capacity stops it)");
    }

    /** One credit-window run beside Little's-law prediction for it. */
    record CreditRow(int window, QueueExperiment.Result result, Duration predictedLatency, double predictedPerSecond) {

        /** The measured median within 10% of the prediction (and both p50 and p99 inside it). */
        boolean matchesPrediction() {
            double p = predictedLatency.toNanos();
            return Math.abs(result.p50() - p) <= 0.1 * p && Math.abs(result.p99() - p) <= 0.1 * p;
        }
    }

    /** What section 2 measured, said from the numbers of this run. */
    static String queueVerdict(int[] capacities, QueueExperiment.Result[] rs, Duration service) {
        StringBuilder sb = new StringBuilder();
        double maxServed = 0;
        for (QueueExperiment.Result r : rs) {
            maxServed = Math.max(maxServed, r.throughputPerSecond());
        }
        double mu = 1e9 / service.toNanos();
        sb.append(String.format(Locale.ROOT, "Served/s is at most %s in every row; the consumer's rate is 1/S = %s/s%s%n",
                f0(maxServed), f0(mu), maxServed <= mu ? ": the queue does not" : " (exceeded: a bug in the"));
        sb.append(maxServed <= mu ? "raise throughput. " : "server model). ");
        // the largest bounded capacity against the smallest: what the extra room bought and cost
        int lo = 0;
        int hi = capacities.length - 1;
        while (hi > 0 && capacities[hi] == ServerNode.UNBOUNDED) {
            hi--;
        }
        if (hi > lo) {
            long perSlot = (rs[hi].p99() - rs[lo].p99()) / Math.max(1, capacities[hi] - capacities[lo]);
            sb.append(String.format(Locale.ROOT,
                    "Going from capacity %d to %d raised p99 from %s to %s ms (%s ms per slot;%n"
                            + "one service time is %s ms) and cut rejections from %d to %d: the extra room held requests%n"
                            + "that waited, it did not serve them sooner.%n",
                    capacities[lo], capacities[hi], ms(rs[lo].p99()), ms(rs[hi].p99()), ms(perSlot), ms(service.toNanos()),
                    rs[lo].rejected(), rs[hi].rejected()));
        }
        QueueExperiment.Result last = rs[rs.length - 1];
        if (capacities[capacities.length - 1] == ServerNode.UNBOUNDED) {
            sb.append(String.format(Locale.ROOT,
                    "The unbounded queue rejected %d and its p99 reached %s ms: it grows by sent/s - served/s for%n"
                            + "as long as the overload lasts, and latency and memory grow with it.%n",
                    last.rejected(), ms(last.p99())));
        }
        double excess = rs[hi].offeredPerSecond() - rs[hi].throughputPerSecond();
        if (hi > lo && excess > 0) {
            sb.append(String.format(Locale.ROOT,
                    "This overload is sustained: a queue of capacity %d filled in about %d / %s = %.1f s, and from then%n"
                            + "on rejected as much as no queue would; the room bought latency, not throughput. Against a%n"
                            + "short burst the same room turns rejections into waiting and is worth having: demo 'bursts'.%n",
                    capacities[hi], capacities[hi], f0(excess), capacities[hi] / excess));
        }
        return sb.toString();
    }

    /** What section 3 measured, said from the numbers of this run. */
    static String creditVerdict(List<CreditRow> rows, Duration roundTrip, Duration service) {
        StringBuilder sb = new StringBuilder();
        long rejected = rows.stream().mapToLong(r -> r.result().rejected()).sum();
        boolean withinWindow = rows.stream().allMatch(r -> r.result().server().maxInSystem() <= r.window());
        sb.append(rejected == 0 ? "With credits nothing was rejected" : "With credits " + rejected + " requests were still rejected");
        sb.append(withinWindow ? " and the server never held more than the window.\n"
                : ", and the server held more than the window in some row.\n");
        List<String> match = new ArrayList<>();
        List<String> miss = new ArrayList<>();
        for (CreditRow r : rows) {
            (r.matchesPrediction() ? match : miss).add(String.valueOf(r.window()));
        }
        if (miss.isEmpty()) {
            sb.append("Measured latency matches max(R, W x S) within 10% for every window (" + String.join(", ", match) + ").\n");
        } else {
            sb.append("Measured latency matches max(R, W x S) within 10% for windows " + (match.isEmpty() ? "none" : String.join(", ", match))
                    + ", not for " + String.join(", ", miss) + ".\n");
        }
        long coverWindow = -Math.floorDiv(-roundTrip.toNanos(), service.toNanos()); // ceil(R / S)
        sb.append(String.format(Locale.ROOT,
                "A window below R / S = %s requests leaves the server idle between answers (latency = R,%n"
                        + "served/s = W / R); from there on the server is the bottleneck and each extra credit adds one%n"
                        + "service time of waiting (latency = W x S).",
                coverWindow));
        for (CreditRow r : rows) {
            if (r.window() < coverWindow) {
                sb.append(String.format(Locale.ROOT, " Window %d: the server was busy %.0f%% of the time.",
                        r.window(), 100 * r.result().throughputPerSecond() * service.toNanos() / 1e9));
            }
        }
        sb.append('\n');
        return sb.toString();
    }

    static String f0(double v) {
        return String.format(Locale.ROOT, "%.0f", v);
    }
}
