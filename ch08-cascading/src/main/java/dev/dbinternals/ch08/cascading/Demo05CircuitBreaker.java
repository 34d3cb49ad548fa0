package dev.dbinternals.ch08.cascading;

import dev.dbinternals.ch08.harness.render.LineChart;
import dev.dbinternals.ch08.cascading.breaker.BreakerExperiment;
import dev.dbinternals.ch08.cascading.breaker.CircuitBreaker;
import dev.dbinternals.ch08.cascading.breaker.Frontend;
import dev.dbinternals.ch08.cascading.processing.LatencyStats;

import static dev.dbinternals.ch08.cascading.processing.LatencyStats.ms;

import dev.dbinternals.ch08.harness.demo.DemoArgs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

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
        System.out.print(cascadeVerdict(without.frontend(), with.frontend()));
        DemoArgs.heading(System.out, "The breaker's transitions (ObservableCircuitBreaker's listener, simulated time)");
        with.transitions().forEach(System.out::println);
        System.out.print(transitionsVerdict(with.transitions()));

        Path out = a.out();
        double[] x = new double[without.queuePerBucket().length];
        double[] q0 = new double[x.length];
        double[] q1 = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = i * 100;
            q0[i] = without.queuePerBucket()[i];
            q1[i] = with.queuePerBucket()[i];
        }
        Path chart = new LineChart("Front-end queue while the dependency is down", "time, ms", "longest queue in 100 ms")
                .series("no breaker", x, q0).series("circuit breaker", x, q1).write(out.resolve("breaker-queue.svg"));
        System.out.println();
        System.out.println("wrote " + chart + "  (front-end queue length over time, with and without the breaker)");
    }

    /** The narration after the table, from the two runs' numbers. */
    static String cascadeVerdict(Frontend without, Frontend with) {
        StringBuilder sb = new StringBuilder();
        long p99Without = without.localLatency().percentileNanos(99);
        long p99With = with.localLatency().percentileNanos(99);
        sb.append("'local' requests never needed the dependency. Every dependency call holds a worker until it\n");
        sb.append("answers or the 100 ms timeout: with the dependency down, the 8 workers finish at most 80 such calls/s\n");
        sb.append("while 150/s arrive.");
        if (p99Without > 2 * p99With || without.localRejected() > with.localRejected()) {
            sb.append(String.format(Locale.ROOT, " Without a breaker the queue reached %d, local p99 was %s ms and %d local%n"
                            + "requests were refused: the dependency's failure cascaded to the front end (and its users).%n",
                    without.maxQueue(), ms(p99Without), without.localRejected()));
        } else {
            sb.append(String.format(Locale.ROOT, " Yet in this run local requests fared no worse without a breaker (p99 %s ms"
                    + " vs %s ms).%n", ms(p99Without), ms(p99With)));
        }
        if (with.fastFailed() > 0) {
            sb.append(String.format(Locale.ROOT, "With the breaker, %d dependency calls timed out in all (%d without): the first ones opened it,%n"
                            + "and %d calls failed fast instead (a fallback answer). The workers stayed free for local%n"
                            + "requests: max queue %d, local p99 %s ms, %d refused.%n",
                    with.timedOut(), without.timedOut(), with.fastFailed(), with.maxQueue(), ms(p99With), with.localRejected()));
        } else {
            sb.append("The breaker never opened in this run.\n");
        }
        return sb.toString();
    }

    /** The narration after the transitions, from the transitions the listener recorded. */
    static String transitionsVerdict(java.util.List<String> transitions) {
        long reopened = transitions.stream().filter(t -> t.endsWith("HALF_OPEN -> OPEN")).count();
        boolean closed = !transitions.isEmpty() && transitions.get(transitions.size() - 1).endsWith("HALF_OPEN -> CLOSED");
        StringBuilder sb = new StringBuilder("OPEN -> HALF_OPEN after the 500 ms wait; ");
        sb.append(reopened > 0 ? "a trial call failed " + reopened + (reopened == 1 ? " time" : " times")
                + "\nwhile the dependency was down (back to OPEN)" : "no trial call failed");
        sb.append(closed ? "; after the restart, three trial successes closed it.\n"
                : "; it had not closed again when the run ended.\n");
        return sb.toString();
    }

    private static void row(Table t, String name, Frontend f) {
        t.row(name, f.localServed(), f.localRejected(), ms(f.localLatency().percentileNanos(50)),
                ms(f.localLatency().percentileNanos(99)), f.dependencyServed(), f.timedOut(), f.fastFailed(), f.maxQueue());
    }
}
