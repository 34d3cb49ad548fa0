package dev.dbinternals.ch08.cascading;

import dev.dbinternals.ch08.harness.render.LineChart;
import dev.dbinternals.ch08.cascading.backoff.BackoffPolicy;
import dev.dbinternals.ch08.cascading.breaker.CircuitBreaker;
import dev.dbinternals.ch08.cascading.backoff.ExponentialBackoff;
import dev.dbinternals.ch08.cascading.backoff.FullJitter;
import dev.dbinternals.ch08.cascading.storm.RetryStorm;

import dev.dbinternals.ch08.harness.demo.DemoArgs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Demo 6 — Cascading failures (계단식 장애): a retry storm. One server of three pauses for
 * 300 ms; clients that retry turn that blip into a cluster-wide collapse that outlives its
 * cause (amplification, 증폭); backoff and jitter do not prevent it here, a circuit breaker does.
 *
 * <p>Run: {@code ./ch08 demo cascading retry-storm [--quick]}.
 */
public final class Demo06RetryStorm {

    private Demo06RetryStorm() {
    }

    /** The strategies compared, in the order of the table. */
    public static List<RetryStorm.Strategy> strategies() {
        ExponentialBackoff exp = ExponentialBackoff.of(Duration.ofMillis(10), Duration.ofSeconds(1));
        CircuitBreaker.Config breaker = CircuitBreaker.Config.defaults().withWaitInOpen(Duration.ofMillis(500));
        return List.of(
                new RetryStorm.Strategy("no retries", 1, BackoffPolicy.immediate(), null),
                new RetryStorm.Strategy("immediate, 5 attempts", 5, BackoffPolicy.immediate(), null),
                new RetryStorm.Strategy("exponential backoff, 5", 5, exp, null),
                new RetryStorm.Strategy("full jitter, 5", 5, FullJitter.of(exp), null),
                new RetryStorm.Strategy("full jitter, 2", 2, FullJitter.of(exp), null),
                new RetryStorm.Strategy("full jitter, 5, budget 10%", 5, FullJitter.of(exp), null, 0.1),
                new RetryStorm.Strategy("full jitter, 5 + breaker", 5, FullJitter.of(exp), breaker));
    }

    public static void main(String[] args) {
        DemoArgs a = DemoArgs.forDemo("cascading-retry-storm",
                "one server pauses 300 ms; retries amplify it into a collapse; a retry budget or circuit breakers stop it").parse(args);
        Duration length = Duration.ofMillis(a.quick() ? 3000 : 6000);
        Duration pause = Duration.ofMillis(300);
        DemoArgs.heading(System.out, "3 servers (1000/s each, queue 300), clients 600/s per server (60% load), timeout 50 ms");
        System.out.println("server-1 pauses for 300 ms at t = 1 s (a GC pause); a failed attempt is retried on the next server");
        Duration b = RetryStorm.BUCKET;
        int last = (int) (length.toNanos() / b.toNanos());
        Table t = new Table("strategy", "attempts/request", "ok/s before", "ok/s 1.0-1.5 s", "ok/s 2-3 s",
                "ok/s last 1 s", "gave up", "failed fast");
        List<RetryStorm.Strategy> strategies = strategies();
        LineChart chart = new LineChart("Goodput across the cluster (successful requests per second)", "time, s", "ok/s");
        List<RetryStorm.Result> results = new java.util.ArrayList<>();
        for (RetryStorm.Strategy s : strategies) {
            RetryStorm.Result r = RetryStorm.run(a.seed(), s, pause, length);
            results.add(r);
            t.row(s.name(), String.format(Locale.ROOT, "%.2f", r.amplification()), f0(r.goodput(0, 10, b)),
                    f0(r.goodput(10, 15, b)), f0(r.goodput(20, 30, b)), f0(r.goodput(last - 10, last, b)), r.gaveUp(), r.shed());
            double[] x = new double[last];
            double[] y = new double[last];
            for (int i = 0; i < last; i++) {
                x[i] = i * b.toMillis() / 1000.0;
                y[i] = r.okPerBucket()[i] * 1e9 / b.toNanos();
            }
            chart.series(s.name(), x, y);
        }
        System.out.print(t);
        System.out.print(verdict(results, last, b));
        System.out.println("(Backoff and jitter do pay off where clients contend for the same thing: demo 'jitter'.)");
        Path out = a.out();
        System.out.println();
        System.out.println("wrote " + chart.write(out.resolve("retry-storm-goodput.svg")) + "  (goodput over time per strategy)");
    }

    /**
     * The narration after the table, from the runs. {@code results} are in {@link #strategies()}
     * order; {@code last} is the number of buckets in a run.
     */
    static String verdict(List<RetryStorm.Result> results, int last, Duration b) {
        StringBuilder sb = new StringBuilder();
        RetryStorm.Result none = results.get(0);
        double before = none.goodput(0, 10, b);
        sb.append(String.format(Locale.ROOT, "Offered load is 1800/s, capacity 3000/s. Without retries the pause costs ~300 ms of one%n"
                + "server and the cluster serves %s ok/s in the last second (%s before the pause).%n",
                f0(none.goodput(last - 10, last, b)), f0(before)));
        java.util.List<String> collapsed = new java.util.ArrayList<>();
        java.util.List<String> recovered = new java.util.ArrayList<>();
        for (RetryStorm.Result r : results.subList(1, results.size())) {
            // "recovered": the last second is back within 10% of the retry-free run's last second
            (r.goodput(last - 10, last, b) >= 0.9 * none.goodput(last - 10, last, b) ? recovered : collapsed).add(r.strategy());
        }
        if (!collapsed.isEmpty()) {
            sb.append("With retries, requests stuck behind the pause time out and go to the other servers, whose\n"
                    + "queues pass the 50 ms timeout; now *their* requests retry too. Every timed-out attempt was still\n"
                    + "served (the server cannot know the client left), so the servers work on answers nobody waits for.\n");
            sb.append("Still collapsed in the last second of the run (below 90% of the no-retry goodput):\n  ")
                    .append(String.join("; ", collapsed)).append(".\n");
            sb.append("A failure that outlasts its cause is called metastable. Backoff and jitter space retries out but\n"
                    + "do not reduce how many there are; in an open system (users keep arriving) the amplification is\n"
                    + "what matters.\n");
        }
        sb.append("Recovered by the last second:\n  ").append(recovered.isEmpty() ? "none" : String.join("; ", recovered))
                .append(".\n");
        sb.append("A retry budget (retries may add at most 10% to the requests) and circuit breakers (stop sending to\n"
                + "servers that fail, shed requests when all are open) are the two caps on amplification tried here.\n");
        return sb.toString();
    }

    private static String f0(double v) {
        return String.format(Locale.ROOT, "%.0f", v);
    }
}
