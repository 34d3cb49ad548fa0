package dev.dbinternals.ch08.cascading;

import dev.dbinternals.ch08.harness.render.LineChart;
import dev.dbinternals.ch08.cascading.processing.Burst;
import dev.dbinternals.ch08.cascading.processing.LatencyStats;
import dev.dbinternals.ch08.cascading.processing.LoadGenerator;
import dev.dbinternals.ch08.cascading.processing.QueueExperiment;
import dev.dbinternals.ch08.cascading.processing.QueueSizing;
import dev.dbinternals.ch08.cascading.processing.ServerNode;

import static dev.dbinternals.ch08.cascading.Demo01QueuesAndBackpressure.f0;
import static dev.dbinternals.ch08.cascading.processing.LatencyStats.ms;

import dev.dbinternals.ch08.harness.demo.DemoArgs;
import java.time.Duration;
import java.util.Locale;

/**
 * Demo 2 — Processing (프로세싱): why processes keep local queues anyway, and how to size one.
 * A queue absorbs a temporary spike (일시적 급증 부하) and the randomness of arrivals that
 * failing fast would have rejected; Little's law (L = λW) and the service time size it.
 *
 * <p>Run: {@code ./ch08 demo cascading bursts [--quick]}.
 */
public final class Demo02BurstsAndQueueSizing {

    private Demo02BurstsAndQueueSizing() {
    }

    /**
     * What section 1 measured, from this run's numbers: how many the fail-fast server refused,
     * and whether the queue sized for the burst (row {@code sized}) absorbed it.
     */
    static String burstVerdict(int[] caps, QueueExperiment.Result[] rs, int sized) {
        QueueExperiment.Result failFast = rs[0];
        QueueExperiment.Result q = rs[sized];
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT,
                "Failing fast (capacity 0) refused %.1f%% of the requests at 70%% load: Poisson arrivals clump, and%n"
                        + "every request arriving while the worker is busy is lost. ",
                100 * failFast.rejectedFraction()));
        if (q.rejected() == 0) {
            sb.append(String.format(Locale.ROOT,
                    "The queue sized from the burst (%d) absorbed%nit: nothing rejected, and the price was latency during the burst: p99 %s ms,"
                            + " p50 %s ms.%n",
                    caps[sized], ms(q.p99()), ms(q.p50())));
        } else {
            sb.append(String.format(Locale.ROOT,
                    "The queue sized from the burst (%d) still%nrejected %d (%.1f%%): Poisson clumps on top of the burst "
                            + "needed more room in this run; p99 %s ms, p50 %s ms.%n",
                    caps[sized], q.rejected(), 100 * q.rejectedFraction(), ms(q.p99()), ms(q.p50())));
        }
        return sb.toString();
    }

    /** What section 2 measured: λ·W against the time-averaged L, and W against the M/D/1 formula. */
    static String littleVerdict(double[] lw, double[] l, double[] loads, double[] measuredMs, double[] formulaMs) {
        double worst = 0;
        for (int i = 0; i < lw.length; i++) {
            worst = Math.max(worst, Math.abs(lw[i] - l[i]) / Math.max(1e-12, l[i]));
        }
        int last = loads.length - 1;
        return String.format(Locale.ROOT,
                "λ·W and the time-averaged number inside, measured independently, differ by at most %.2f%%%n"
                        + "in these rows: that is Little's law. Waiting grows as 1 / (1 - ρ): at %s/s a 1 ms job spent%n"
                        + "%.2f ms inside (the M/D/1 formula says %.2f ms).%n",
                100 * worst, Demo01QueuesAndBackpressure.f0(loads[last]), measuredMs[last], formulaMs[last]);
    }

    public static void main(String[] args) {
        DemoArgs a = DemoArgs.forDemo("cascading-bursts",
                "a queue absorbs a burst that failing fast would reject; Little's law sizes the queue").parse(args);
        Duration service = Duration.ofMillis(1);
        Duration run = a.quick() ? Duration.ofMillis(1000) : Duration.ofSeconds(3);
        double rate = 700;
        Burst burst = new Burst(Duration.ofMillis(400), Duration.ofMillis(500), 3);

        DemoArgs.heading(System.out, "1. Poisson arrivals at 700/s (70% of the server), with a burst of 3x from 400 to 500 ms");
        long needed = QueueSizing.burstCapacity(rate * burst.multiplier(), service, Duration.ofMillis(100));
        System.out.println("calculator: a 100 ms burst at 2100/s into a 1000/s server piles up (2100 - 1000) x 0.1 s = "
                + needed + " requests");
        Table t = new Table("queue capacity", "sent", "rejected", "rejected %", "p50 ms", "p99 ms", "max ms", "max queue");
        int[] caps = {0, 10, 50, (int) needed + 30, 1000};
        QueueExperiment.Result[] rs = new QueueExperiment.Result[caps.length];
        for (int i = 0; i < caps.length; i++) {
            int cap = caps[i];
            QueueExperiment.Result r = QueueExperiment.run(a.seed(), new ServerNode.Config(cap, service),
                    s -> LoadGenerator.Config.openLoop(s, rate, run).withPoisson(true).withBursts(burst),
                    Duration.ofSeconds(5));
            rs[i] = r;
            t.row(cap == 0 ? "0 (fail fast)" : cap, r.sent(), r.rejected(),
                    String.format(Locale.ROOT, "%.1f", 100 * r.rejectedFraction()), ms(r.p50()), ms(r.p99()), ms(r.max()),
                    r.server().maxInSystem());
        }
        System.out.print(t);
        System.out.print(burstVerdict(caps, rs, 3));
        System.out.println("The three reasons for local queues, as in the book: decoupling (분리) -- the server's");
        System.out.println("onMessage only enqueues, its worker serves on its own timer; pipelining (파이프라이닝) --");
        System.out.println("receiving the next request never waits for the previous one to finish; and absorbing");
        System.out.println("bursts -- better than answering 'failed, retry' (which would add load, see the retry demo).");

        DemoArgs.heading(System.out, "2. Little's law (리틀의 법칙) on the simulator: L = λ·W, measured three ways");
        Table l = new Table("offered/s", "ρ", "λ measured/s", "W measured ms", "λ·W", "L measured (time average)",
                "W from M/D/1 formula ms");
        double[] loads = {300, 500, 700, 800, 900};
        double[] rhos = new double[loads.length];
        double[] measured = new double[loads.length];
        double[] formula = new double[loads.length];
        double[] lws = new double[loads.length];
        double[] ls = new double[loads.length];
        for (int i = 0; i < loads.length; i++) {
            double load = loads[i];
            QueueExperiment.Result r = QueueExperiment.run(a.seed(), new ServerNode.Config(ServerNode.UNBOUNDED, service),
                    s -> LoadGenerator.Config.openLoop(s, load, run).withPoisson(true), Duration.ofSeconds(5));
            ServerNode.Stats st = r.server();
            double w = st.meanResidenceNanos();
            l.row(f0(load), String.format(Locale.ROOT, "%.2f", QueueSizing.utilization(load, service)),
                    f0(st.arrivalRatePerSecond()), String.format(Locale.ROOT, "%.3f", w / 1e6),
                    String.format(Locale.ROOT, "%.3f", st.arrivalRatePerSecond() * w / 1e9),
                    String.format(Locale.ROOT, "%.3f", st.averageInSystem()),
                    String.format(Locale.ROOT, "%.3f", QueueSizing.md1TimeInSystem(load, service).toNanos() / 1e6));
            rhos[i] = QueueSizing.utilization(load, service);
            measured[i] = w / 1e6;
            formula[i] = QueueSizing.md1TimeInSystem(load, service).toNanos() / 1e6;
            lws[i] = st.arrivalRatePerSecond() * w / 1e9;
            ls[i] = st.averageInSystem();
        }
        System.out.print(l);
        System.out.print(littleVerdict(lws, ls, loads, measured, formula));

        DemoArgs.heading(System.out, "3. Sizing a queue for a latency budget");
        Duration budget = Duration.ofMillis(20);
        int cap = QueueSizing.capacityForLatencyBudget(service, budget);
        System.out.println("budget 20 ms inside the server, service 1 ms -> capacity floor((20 - 1) / 1) = " + cap);
        QueueExperiment.Result r = QueueExperiment.run(a.seed(), new ServerNode.Config(cap, service),
                s -> LoadGenerator.Config.openLoop(s, 1500, run).withPoisson(true), Duration.ofSeconds(5));
        System.out.printf(Locale.ROOT, "at 150%% load with capacity %d: served %s/s, rejected %.0f%%, max latency %s ms "
                        + "(20 ms budget + 2 ms network)%n", cap, f0(r.throughputPerSecond()), 100 * r.rejectedFraction(),
                ms(r.max()));
        long limit = budget.plus(Duration.ofMillis(2)).toNanos();
        System.out.println(r.max() <= limit
                ? "The overload is refused at once instead of waiting: latency stayed inside the budget and the"
                : "Latency went past the budget plus the network (" + ms(r.max()) + " ms > " + ms(limit) + " ms); still, the");
        System.out.println("producer hears 'full' within a round trip, which is what backpressure needs.");
        System.out.println();
        java.nio.file.Path chart = new LineChart("Time inside the server vs utilisation (service 1 ms, Poisson arrivals)",
                "utilisation ρ = λ·S", "W, ms").series("measured on the simulator", rhos, measured)
                .series("M/D/1 formula S + ρS / 2(1 - ρ)", rhos, formula).write(a.out().resolve("waiting-vs-utilisation.svg"));
        System.out.println("wrote " + chart + "  (W vs ρ: measured and the formula; the knee is why queues need slack)");
    }
}
