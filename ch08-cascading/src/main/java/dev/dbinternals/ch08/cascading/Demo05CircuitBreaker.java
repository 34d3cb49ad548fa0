package dev.dbinternals.ch08.cascading;

import static dev.dbinternals.ch08.cascading.LatencyStats.ms;

import dev.dbinternals.ch08.harness.demo.DemoArgs;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Demo 5 — Cascading failures (계단식 장애): a dependency dies; without a circuit breaker the
 * front end's workers wait on it until the front end fails for every request, with one the
 * requests that need it are shed at once and the rest are served as before.
 *
 * <p>Run: {@code ./ch08 demo cascading breaker [--quick]}.
 */
public final class Demo05CircuitBreaker {

    private Demo05CircuitBreaker() {
    }

    /** The breaker the demo uses. */
    public static CircuitBreaker.Config demoBreaker() {
        return CircuitBreaker.Config.defaults().withFailureRateThreshold(0.5).withWindowSize(20).withMinimumCalls(10)
                .withWaitInOpen(Duration.ofMillis(500)).withTrialCalls(3);
    }

    public static void main(String[] args) {
        DemoArgs a = DemoArgs.forDemo("cascading-breaker",
                "a dependency crashes: front end without vs with a circuit breaker").parse(args);
        Duration crash = Duration.ofMillis(1000);
        Duration restart = Duration.ofMillis(a.quick() ? 2000 : 3000);
        Duration length = Duration.ofMillis(a.quick() ? 3000 : 5000);
        DemoArgs.heading(System.out, "users -> front end (8 workers, queue 200) -> dependency; 300 req/s, half need the dependency");
        System.out.printf("the dependency crashes at %d ms and restarts at %d ms; the front end times out calls after 100 ms%n",
                crash.toMillis(), restart.toMillis());
        BreakerExperiment.Result without = BreakerExperiment.run(a.seed(), null, crash, restart, length);
        BreakerExperiment.Result with = BreakerExperiment.run(a.seed(), demoBreaker(), crash, restart, length);
        Table t = new Table("", "local served", "local refused", "local p50 ms", "local p99 ms", "dependency ok",
                "timed out", "failed fast", "max queue");
        row(t, "no breaker", without.frontend());
        row(t, "circuit breaker", with.frontend());
        System.out.print(t);
        System.out.println("'local' requests never needed the dependency. Without a breaker they still suffer: every");
        System.out.println("dependency call holds a worker for the 100 ms timeout, the 8 workers serve 80 such calls/s");
        System.out.println("while 150/s arrive, the queue fills, and local requests wait behind them or are refused.");
        System.out.println("The dependency's failure has cascaded to the front end (and to its users).");
        System.out.println("With the breaker, a few timeouts open it; dependency calls fail fast (a fallback answer)");
        System.out.println("and the workers stay free for local requests.");
        DemoArgs.heading(System.out, "The breaker's transitions (on* listener, simulated time)");
        with.transitions().forEach(System.out::println);
        System.out.println("OPEN -> HALF_OPEN after the 500 ms wait; the trial calls time out while the dependency is");
        System.out.println("down (back to OPEN); after the restart, three trial successes close it.");

        Path out = a.out();
        double[] x = new double[without.queuePerBucket().length];
        double[] q0 = new double[x.length];
        double[] q1 = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = i * 100;
            q0[i] = without.queuePerBucket()[i];
            q1[i] = with.queuePerBucket()[i];
        }
        Path chart = new SvgChart("Front-end queue while the dependency is down", "time, ms", "longest queue in 100 ms")
                .series("no breaker", x, q0).series("circuit breaker", x, q1).write(out.resolve("breaker-queue.svg"));
        System.out.println();
        System.out.println("wrote " + chart + "  (front-end queue length over time, with and without the breaker)");
    }

    private static void row(Table t, String name, Frontend f) {
        t.row(name, f.localServed(), f.localRejected(), ms(f.localLatency().percentileNanos(50)),
                ms(f.localLatency().percentileNanos(99)), f.dependencyServed(), f.timedOut(), f.fastFailed(), f.maxQueue());
    }
}
