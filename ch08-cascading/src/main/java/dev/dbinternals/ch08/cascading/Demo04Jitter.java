package dev.dbinternals.ch08.cascading;

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
        System.out.println("Without jitter the clients that collided retry together again: one wins per round, so N");
        System.out.println("clients make N(N+1)/2 calls, and the doubling delay makes the last one wait for seconds.");
        System.out.println("Any jitter breaks the lockstep: calls grow roughly linearly, completion stays short.");
        System.out.println("Full jitter spreads retries over the whole window; equal jitter keeps half the delay fixed");
        System.out.println("(fewer instant retries, a bit more work and time); decorrelated jitter grows from each");
        System.out.println("client's own last delay. In this model decorrelated and full jitter do about equally well.");

        Path out = a.out();
        DemoArgs.heading(System.out, "Sequence diagrams: 4 clients, no jitter vs full jitter");
        dev.dbinternals.ch08.harness.sim.Simulation lock = Contention.traced(a.seed(), policies.get(0), 4, write, Duration.ofMinutes(1));
        Diagrams.write(out, "lockstep-no-jitter", "4 clients, exponential backoff without jitter: they retry together",
                lock.trace(), Trace.messagesOnly());
        dev.dbinternals.ch08.harness.sim.Simulation spread = Contention.traced(a.seed(), policies.get(1), 4, write, Duration.ofMinutes(1));
        Diagrams.write(out, "full-jitter", "4 clients, full jitter: retries spread out", spread.trace(), Trace.messagesOnly());
        System.out.println();
        SvgChart cc = new SvgChart("Total calls for N contending clients", "clients", "calls").logY();
        SvgChart tc = new SvgChart("Time until every client succeeded", "clients", "completion, ms").logY();
        for (int p = 0; p < policies.size(); p++) {
            cc.series(policies.get(p).name(), x, calls[p]);
            tc.series(policies.get(p).name(), x, time[p]);
        }
        System.out.println("wrote " + cc.write(out.resolve("jitter-calls.svg")) + "  (calls vs clients, per policy)");
        System.out.println("wrote " + tc.write(out.resolve("jitter-completion.svg")) + "  (completion time vs clients)");
    }
}
