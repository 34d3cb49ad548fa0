package dev.dbinternals.ch08.cascading;

import dev.dbinternals.ch08.harness.render.LineChart;
import dev.dbinternals.ch08.cascading.backoff.BackoffPolicy;
import dev.dbinternals.ch08.cascading.backoff.Contention;
import dev.dbinternals.ch08.cascading.backoff.DecorrelatedJitter;
import dev.dbinternals.ch08.cascading.backoff.EqualJitter;
import dev.dbinternals.ch08.cascading.backoff.ExponentialBackoff;
import dev.dbinternals.ch08.cascading.backoff.FullJitter;

import dev.dbinternals.ch08.harness.demo.DemoArgs;
import dev.dbinternals.ch08.harness.demo.Diagrams;
import dev.dbinternals.ch08.harness.sim.Trace;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Demo 4 — Cascading failures (계단식 장애): backoff (백오프) and jitter (지터). N clients start
 * together and contend for one compare-and-set record; each policy's total calls (work) and
 * completion time, measured in simulated time, averaged over seeds.
 *
 * <p>Run: {@code ./ch08 demo cascading jitter [--quick]}.
 */
public final class Demo04Jitter {

    private Demo04Jitter() {
    }

    /** The four policies of the demo, with the settings it uses. */
    public static List<BackoffPolicy> policies() {
        ExponentialBackoff exp = ExponentialBackoff.of(Duration.ofMillis(1), Duration.ofSeconds(1));
        return List.of(exp, FullJitter.of(exp), EqualJitter.of(exp),
                DecorrelatedJitter.of(Duration.ofMillis(1), Duration.ofSeconds(1)));
    }

    /**
     * The narration after the table, from its numbers. Rows of {@code calls} and {@code time}
     * are the policies in {@link #policies()} order: none, full, equal, decorrelated.
     */
    static String verdict(int[] ns, double[][] calls, double[][] time) {
        StringBuilder sb = new StringBuilder();
        int last = ns.length - 1;
        boolean triangular = true;
        for (int i = 0; i < ns.length; i++) {
            triangular &= Math.round(calls[0][i]) == (long) ns[i] * (ns[i] + 1) / 2;
        }
        sb.append("Without jitter the clients that collided retry together again: one wins per round, so N clients\n");
        sb.append(triangular ? "made N(N+1)/2 calls in every row" : "did not make N(N+1)/2 calls in every row (see the table)");
        sb.append(String.format(Locale.ROOT, ", and with the doubling delay the last of %d finished after %.1f s.%n",
                ns[last], time[0][last] / 1000));
        double minJ = Double.MAX_VALUE;
        double maxJ = 0;
        double minT = Double.MAX_VALUE;
        double maxT = 0;
        for (int p = 1; p < calls.length; p++) {
            minJ = Math.min(minJ, calls[p][last] / ns[last]);
            maxJ = Math.max(maxJ, calls[p][last] / ns[last]);
            minT = Math.min(minT, time[p][last]);
            maxT = Math.max(maxT, time[p][last]);
        }
        sb.append(String.format(Locale.ROOT, "With jitter the lockstep breaks: at N = %d, %.1f-%.1f calls per client (against %.1f) and%n"
                        + "completion in %.0f-%.0f ms (against %.0f ms).%n", ns[last], minJ, maxJ, calls[0][last] / ns[last],
                minT, maxT, time[0][last]));
        int equalCostlier = 0;
        for (int i = 0; i < ns.length; i++) {
            if (calls[2][i] >= calls[1][i] && time[2][i] >= time[1][i]) {
                equalCostlier++;
            }
        }
        sb.append("Full jitter spreads retries over the whole window; equal jitter keeps half the delay fixed (fewer\n");
        sb.append(String.format(Locale.ROOT, "instant retries; here it took at least as many calls and as long as full jitter in %d of %d rows);%n",
                equalCostlier, ns.length));
        sb.append(String.format(Locale.ROOT, "decorrelated jitter grows from each client's own last delay. At N = %d full jitter made %.0f calls%n"
                        + "in %.0f ms, decorrelated jitter %.0f calls in %.0f ms.%n",
                ns[last], calls[1][last], time[1][last], calls[3][last], time[3][last]));
        return sb.toString();
    }

    public static void main(String[] args) {
        DemoArgs a = DemoArgs.forDemo("cascading-jitter",
                "N contending clients: no jitter vs full vs equal vs decorrelated jitter (calls and completion time)").parse(args);
        int[] ns = a.quick() ? new int[] {5, 10, 25, 50} : new int[] {5, 10, 25, 50, 100};
        int seeds = a.quick() ? 3 : 10;
        Duration write = Duration.ofMillis(1);
        DemoArgs.heading(System.out, "N clients write one record at once; a write holds it 1 ms; a conflict means back off and retry");
        System.out.println("backoff: base 1 ms, doubling, cap 1 s; network 1 ms each way; mean of " + seeds + " seeds from "
                + a.seed());
        Table t = new Table("clients", "policy", "calls", "calls/client", "completion ms");
        List<BackoffPolicy> policies = policies();
        double[] x = new double[ns.length];
        double[][] calls = new double[policies.size()][ns.length];
        double[][] time = new double[policies.size()][ns.length];
        for (int i = 0; i < ns.length; i++) {
            x[i] = ns[i];
            for (int p = 0; p < policies.size(); p++) {
                double c = 0;
                double ms = 0;
                for (int s = 0; s < seeds; s++) {
                    Contention.Result r = Contention.run(a.seed() + s, policies.get(p), ns[i], write, Duration.ofHours(1));
                    c += r.calls();
                    ms += r.completionNanos() / 1e6;
                }
                calls[p][i] = c / seeds;
                time[p][i] = ms / seeds;
                t.row(ns[i], policies.get(p).name(), String.format(Locale.ROOT, "%.0f", calls[p][i]),
                        String.format(Locale.ROOT, "%.1f", calls[p][i] / ns[i]), String.format(Locale.ROOT, "%.0f", time[p][i]));
            }
        }
        System.out.print(t);
        System.out.print(verdict(ns, calls, time));

        Path out = a.out();
        DemoArgs.heading(System.out, "Sequence diagrams: 4 clients, no jitter vs full jitter");
        dev.dbinternals.ch08.harness.sim.Simulation lock = Contention.traced(a.seed(), policies.get(0), 4, write, Duration.ofMinutes(1));
        Diagrams.write(out, "lockstep-no-jitter", "4 clients, exponential backoff without jitter: they retry together",
                lock.trace(), Trace.messagesOnly());
        dev.dbinternals.ch08.harness.sim.Simulation spread = Contention.traced(a.seed(), policies.get(1), 4, write, Duration.ofMinutes(1));
        Diagrams.write(out, "full-jitter", "4 clients, full jitter: retries spread out", spread.trace(), Trace.messagesOnly());
        System.out.println();
        LineChart cc = new LineChart("Total calls for N contending clients", "clients", "calls").logY();
        LineChart tc = new LineChart("Time until every client succeeded", "clients", "completion, ms").logY();
        for (int p = 0; p < policies.size(); p++) {
            cc.series(policies.get(p).name(), x, calls[p]);
            tc.series(policies.get(p).name(), x, time[p]);
        }
        System.out.println("wrote " + cc.write(out.resolve("jitter-calls.svg")) + "  (calls vs clients, per policy)");
        System.out.println("wrote " + tc.write(out.resolve("jitter-completion.svg")) + "  (completion time vs clients)");
    }
}
