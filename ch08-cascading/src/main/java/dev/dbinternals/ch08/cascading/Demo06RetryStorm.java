package dev.dbinternals.ch08.cascading;

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
        SvgChart chart = new SvgChart("Goodput across the cluster (successful requests per second)", "time, s", "ok/s");
        for (RetryStorm.Strategy s : strategies) {
            RetryStorm.Result r = RetryStorm.run(a.seed(), s, pause, length);
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
        System.out.println("Offered load is 1800/s, capacity 3000/s: without retries the pause costs ~300 ms of one");
        System.out.println("server and the cluster is back at 1800 ok/s. With retries, requests stuck behind the pause");
        System.out.println("time out and go to the other servers, whose queues pass the 50 ms timeout; now *their*");
        System.out.println("requests retry too. Every timed-out attempt was still served (the server cannot know the");
        System.out.println("client left), so the servers work at 100% on answers nobody waits for: attempts/request");
        System.out.println("approach the retry limit, and goodput stays at zero long after the pause is over -- a");
        System.out.println("failure that sustains itself (metastable). Backoff and jitter space the retries out but do");
        System.out.println("not reduce how many there are; in an open system (users keep arriving) the amplification");
        System.out.println("is what matters: even one retry per request is more than the spare capacity. Two fixes cap");
        System.out.println("it: a retry budget (retries may add at most 10% to the requests) and circuit breakers, which");
        System.out.println("stop sending to servers that fail and shed requests when all are open. Both recover.");
        System.out.println("(Backoff and jitter do pay off where clients contend for the same thing: demo 'jitter'.)");
        Path out = a.out();
        System.out.println();
        System.out.println("wrote " + chart.write(out.resolve("retry-storm-goodput.svg")) + "  (goodput over time per strategy)");
    }

    private static String f0(double v) {
        return String.format(Locale.ROOT, "%.0f", v);
    }
}
