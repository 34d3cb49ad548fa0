package dev.dbinternals.ch08.cascading;

import static dev.dbinternals.ch08.cascading.LatencyStats.ms;

import dev.dbinternals.ch08.harness.demo.DemoArgs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * Demo 1 — Processing (프로세싱): a producer twice as fast as its consumer. A bigger queue does
 * not raise throughput, it only raises latency; backpressure (백프레셔) keeps both in check.
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
        double[] xs = new double[capacities.length];
        double[] p99s = new double[capacities.length];
        SvgChart growth = new SvgChart("Requests inside the server (2000/s into 1000/s)", "time, ms", "waiting + in service");
        for (int i = 0; i < capacities.length; i++) {
            int cap = capacities[i];
            QueueExperiment.Result r = QueueExperiment.run(a.seed(), new ServerNode.Config(cap, service),
                    s -> LoadGenerator.Config.openLoop(s, rate, run), Duration.ofSeconds(10));
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
        System.out.println("Served/s never passes 1000: the consumer's rate caps throughput whatever the queue.");
        System.out.println("Each extra slot of queue adds up to one service time (1 ms) of waiting: latency grows with");
        System.out.println("the queue (Little's law: W = L / λ), and an unbounded queue only postpones the rejections");
        System.out.println("into ever-growing latency and memory. (The study notes say a bigger queue \"has no effect\":");
        System.out.println("it has none on throughput, but it does raise latency.)");

        DemoArgs.heading(System.out, "3. Backpressure (백프레셔): credits, at most W requests outstanding");
        Table b = new Table("credit window", "sent/s", "served/s", "rejected", "p50 ms", "p99 ms", "max queue", "held back at source");
        for (int w : new int[] {2, 4, 16}) {
            QueueExperiment.Result r = QueueExperiment.run(a.seed(), new ServerNode.Config(1000, service),
                    s -> LoadGenerator.Config.openLoop(s, rate, run).withCreditWindow(w), Duration.ofSeconds(10));
            b.row(w, f0(r.offeredPerSecond()), f0(r.throughputPerSecond()), r.rejected(), ms(r.p50()), ms(r.p99()),
                    r.server().maxInSystem(), r.maxHeldBack());
        }
        System.out.print(b);
        System.out.println("With credits the producer sends at the consumer's pace: nothing rejected, the server's queue");
        System.out.println("never exceeds the window, latency stays at (window x 1 ms) + the round trip. A window too");
        System.out.println("small to cover the round trip (2 ms network + 1 ms service = 3 requests) leaves the server idle.");
        System.out.println("The work that could not be sent waits at the source, which is the one place that can slow");
        System.out.println("down (read the input slower, tell its own clients to wait).");

        Path out = a.out();
        Path chart = new SvgChart("p99 latency vs queue capacity (2000/s into a 1000/s server)", "queue capacity: 0, 10, 100, " + capacities[3] + ", unbounded (one step each)",
                "p99 latency, ms").series("p99 latency", xs, p99s).write(out.resolve("latency-vs-queue.svg"));
        System.out.println();
        System.out.println("wrote " + chart + "  (p99 latency for each queue capacity)");
        System.out.println("wrote " + growth.write(out.resolve("queue-growth.svg"))
                + "  (queue length over time: it grows at 2000 - 1000 = 1000/s until the capacity stops it)");
    }

    static String f0(double v) {
        return String.format(Locale.ROOT, "%.0f", v);
    }
}
