package dev.dbinternals.ch08.flp;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.sim.Simulation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Runs a consensus algorithm of three processes on the harness simulation under a
 * {@link TimingModel} and reports the consensus properties, false suspicions and decision time.
 *
 * <p>Book: Chapter 8, "System Synchrony" (시스템 동기성). The same question for every timing
 * model: does the algorithm stay safe (agreement, validity), and does it decide (termination)?
 * Stateless and thread-safe; every run builds its own simulation from its seed.
 */
public final class SynchronyExperiment {

    /**
     * The delay bound both algorithms were built for: FloodSet's round length, and a quarter of the
     * quorum algorithm's first timeout (a ballot needs two round trips, four message delays).
     */
    public static final Duration ASSUMED_BOUND = Duration.ofMillis(20);

    /** How long a run may take in virtual time before we stop waiting for a decision. */
    public static final Duration HORIZON = Duration.ofSeconds(20);

    /** The algorithms compared. */
    public enum Algorithm {
        /** Synchronous-model algorithm: uses its round timer for safety. */
        FLOODSET(input -> new FloodSetNode(input, 1, ASSUMED_BOUND)),
        /** Partial-synchrony algorithm: uses timeouts for liveness only. */
        QUORUM(input -> new QuorumConsensusNode(input, ASSUMED_BOUND.multipliedBy(4)));

        private final IntFunction<ConsensusNode> factory;

        Algorithm(IntFunction<ConsensusNode> factory) {
            this.factory = factory;
        }

        ConsensusNode create(int input) {
            return factory.apply(input);
        }
    }

    /** One run: the outcome and the counters. */
    public record Run(ConsensusOutcome outcome, int falseSuspicions, long lastDecisionNanos, Simulation simulation) {

        public boolean agreement() {
            return ConsensusProperties.agreement(outcome).holds();
        }

        public boolean validity() {
            return ConsensusProperties.validity(outcome).holds();
        }

        /** Every correct process decided within the horizon. */
        public boolean terminated() {
            return ConsensusProperties.termination(outcome).holds();
        }
    }

    private SynchronyExperiment() {
    }

    /**
     * Inputs for a seed: always mixed (never 000 or 111), so that disagreement is possible.
     * Seed 1 gives 001, seed 2 gives 010, ..., seed 6 gives 110, then it repeats.
     */
    public static String inputsFor(long seed) {
        int bits = (int) Math.floorMod(seed - 1, 6L) + 1;
        return "" + ((bits >> 2) & 1) + ((bits >> 1) & 1) + (bits & 1);
    }

    /** Runs {@code algorithm} under {@code model} with the seed's inputs, without crashes. */
    public static Run run(Algorithm algorithm, TimingModel model, long seed, boolean trace) {
        return run(algorithm, model, seed, trace, null);
    }

    /** As {@link #run(Algorithm, TimingModel, long, boolean)}, crashing p0 at {@code crashP0At} (null: no crash). */
    public static Run run(Algorithm algorithm, TimingModel model, long seed, boolean trace, Duration crashP0At) {
        Simulation sim = new Simulation(seed);
        sim.trace().setEnabled(trace);
        String inputs = inputsFor(seed);
        List<Address> nodes = new ArrayList<>();
        for (int p = 0; p < 3; p++) {
            int input = inputs.charAt(p) - '0';
            nodes.add(sim.addNode("p" + p, () -> algorithm.create(input)));
        }
        model.applyTo(sim);
        if (crashP0At != null) {
            sim.at(crashP0At, () -> sim.crash(nodes.get(0)));
        }
        sim.runUntil(() -> nodes.stream().allMatch(a -> sim.isCrashed(a)
                || sim.node(a, ConsensusNode.class).decision() != Reaction.NONE), HORIZON);
        List<Integer> in = new ArrayList<>();
        List<Integer> dec = new ArrayList<>();
        List<Boolean> crashed = new ArrayList<>();
        int suspicions = 0;
        long last = -1;
        for (Address a : nodes) {
            ConsensusNode node = sim.node(a, ConsensusNode.class);
            in.add(node.input());
            dec.add(node.decision());
            crashed.add(sim.isCrashed(a));
            suspicions += node.falseSuspicions();
            last = Math.max(last, node.decidedAtNanos());
        }
        // let late messages land so FloodSet's count includes the ones that arrived after deciding
        sim.runFor(Duration.ofSeconds(1));
        suspicions = 0;
        for (Address a : nodes) {
            suspicions += sim.node(a, ConsensusNode.class).falseSuspicions();
        }
        return new Run(new ConsensusOutcome(in, dec, crashed), suspicions, last, sim);
    }

    /** Aggregates of many seeds under one model. */
    public record Summary(String model, Algorithm algorithm, int runs, double falseSuspicionsPerRun,
                          int agreementViolations, int validityViolations, int terminated, int terminatedBeforeGst,
                          long medianDecisionMillis) {
    }

    /** Runs seeds {@code 1..runs} and aggregates. */
    public static Summary summarise(Algorithm algorithm, TimingModel model, int runs) {
        long suspicions = 0;
        int agreement = 0;
        int validity = 0;
        int terminated = 0;
        int beforeGst = 0;
        List<Long> times = new ArrayList<>();
        for (long seed = 1; seed <= runs; seed++) {
            Run r = run(algorithm, model, seed, false);
            suspicions += r.falseSuspicions();
            if (!r.agreement()) {
                agreement++;
            }
            if (!r.validity()) {
                validity++;
            }
            if (r.terminated()) {
                terminated++;
                times.add(r.lastDecisionNanos() / 1_000_000);
                if (model.gst() != null && r.lastDecisionNanos() < model.gst().toNanos()) {
                    beforeGst++;
                }
            }
        }
        times.sort(null);
        long median = times.isEmpty() ? -1 : times.get(times.size() / 2);
        return new Summary(model.name(), algorithm, runs, (double) suspicions / runs, agreement, validity, terminated, beforeGst, median);
    }
}
