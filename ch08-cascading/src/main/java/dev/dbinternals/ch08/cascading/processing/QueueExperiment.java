package dev.dbinternals.ch08.cascading.processing;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.sim.Simulation;
import java.time.Duration;
import java.util.function.Function;

/**
 * One producer, one server, one run on the simulator: the measurements behind the
 * "Processing" (프로세싱) tables.
 *
 * <p>Throughput counts what the server finished while the producer was sending; latency
 * counts every answered request, including those served after the producer stopped (the queue
 * drains). Deterministic: the same seed gives the same numbers. Stateless and thread-safe.
 */
public final class QueueExperiment {

    private QueueExperiment() {
    }

    /** What one run measured. Latencies in nanoseconds. */
    public record Result(double offeredPerSecond, double throughputPerSecond, long p50, long p99, long max,
                         double meanLatency, long sent, long answered, long rejected, long maxHeldBack,
                         ServerNode.Stats server, LoadGenerator producer, int[] inSystemEvery10ms) {

        /** Fraction of sent requests that were refused. */
        public double rejectedFraction() {
            return sent == 0 ? 0 : (double) rejected / sent;
        }
    }

    /**
     * Runs {@code producer} (given the server's address) against a server for the producer's
     * duration, then lets the queue drain for at most {@code drain}.
     */
    public static Result run(long seed, ServerNode.Config server, Function<Address, LoadGenerator.Config> producer,
                             Duration drain) {
        Simulation sim = new Simulation(seed);
        sim.setHandlerTime(Duration.ZERO); // service time is modelled by the server itself
        sim.trace().setEnabled(false);
        Address s = sim.addNode("server", () -> new ServerNode(server));
        LoadGenerator.Config pc = producer.apply(s);
        Address p = sim.addNode("producer", () -> new LoadGenerator(pc));
        // sample the queue every 10 ms while the producer runs: the growth curve of the demo's chart
        int[] samples = new int[(int) (pc.duration().toMillis() / 10) + 1];
        for (int i = 0; i < samples.length; i++) {
            int at = i;
            sim.at(Duration.ofMillis(10L * i), () -> samples[at] = sim.node(s, ServerNode.class).inSystem());
        }
        sim.runFor(pc.duration());
        ServerNode.Stats during = sim.node(s, ServerNode.class).stats();
        LoadGenerator g = sim.node(p, LoadGenerator.class);
        long sentDuring = g.sent();
        sim.runUntilQuiet(drain);
        double seconds = pc.duration().toNanos() / 1e9;
        LatencyStats l = g.latency();
        return new Result(sentDuring / seconds, during.completed() / seconds, l.percentileNanos(50), l.percentileNanos(99),
                l.percentileNanos(100), l.meanNanos(), g.sent(), g.answered(), g.rejected(), g.maxHeldBack(),
                sim.node(s, ServerNode.class).stats(), g, samples);
    }
}
