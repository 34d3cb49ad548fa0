package dev.dbinternals.ch08.cascading.breaker;

import dev.dbinternals.ch08.cascading.hotspots.KeySampler;
import dev.dbinternals.ch08.cascading.processing.LoadGenerator;
import dev.dbinternals.ch08.cascading.processing.ServerNode;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.sim.Simulation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Users → front end → dependency, with the dependency crashed for a while: the run behind the
 * circuit breaker demo ("Cascading Failures" / 계단식 장애). Deterministic per seed; stateless.
 */
public final class BreakerExperiment {

    private BreakerExperiment() {
    }

    /** What happened, measured at the front end. */
    public record Result(Frontend frontend, LoadGenerator users, List<String> transitions, int[] queuePerBucket) {
    }

    /**
     * 300 requests/s (Poisson), half needing the dependency; the front end has 8 workers and a
     * queue of 200; the dependency (2 ms per request) crashes at {@code crashAt} and restarts at
     * {@code restartAt}; the run lasts {@code length}.
     */
    public static Result run(long seed, CircuitBreaker.Config breaker, Duration crashAt,
                             Duration restartAt, Duration length) {
        Simulation sim = new Simulation(seed);
        sim.setHandlerTime(Duration.ZERO);
        sim.trace().setEnabled(false);
        Address dep = sim.addNode("dependency", () -> new ServerNode(new ServerNode.Config(50, Duration.ofMillis(2))));
        List<String> transitions = new ArrayList<>();
        // the listener narrates each transition with the true time of the run
        Function<LongSupplier, CircuitBreaker> withLog = breaker == null ? null
                : clock -> new ObservableCircuitBreaker(breaker, clock, t -> transitions.add(String.format(Locale.ROOT,
                        "%6.0f ms  %s -> %s", sim.nowNanos() / 1e6, t.from(), t.to())));
        Duration bucket = Duration.ofMillis(100);
        Address fe = sim.addNode("frontend", () -> new Frontend(new Frontend.Config(dep, 8, 200, Duration.ofMillis(1),
                Duration.ofMillis(100), withLog, bucket)));
        Address users = sim.addNode("users", () -> new LoadGenerator(LoadGenerator.Config.openLoop(fe, 300, length).withPoisson(true)
                .withKeys(KeySampler.uniform(2), k -> fe)));
        sim.at(crashAt, () -> sim.crash(dep));
        sim.at(restartAt, () -> sim.restart(dep));
        sim.runFor(length.plusMillis(200));
        Frontend f = sim.node(fe, Frontend.class);
        int buckets = (int) (length.toNanos() / bucket.toNanos());
        return new Result(f, sim.node(users, LoadGenerator.class), transitions, f.maxQueuePerBucket(buckets));
    }
}
