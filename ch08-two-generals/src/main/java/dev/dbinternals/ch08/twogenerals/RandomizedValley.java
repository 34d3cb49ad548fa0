package dev.dbinternals.ch08.twogenerals;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.sim.LinkFaults;
import dev.dbinternals.ch08.harness.sim.Simulation;
import java.time.Duration;

/**
 * A {@link RandomizedRoundProtocol} on the harness {@link Simulation}, against an adversary that
 * captures a fixed set of messengers: the simulated counterpart of {@link RandomizedOdds}, which
 * computes the same probabilities exactly.
 *
 * <p>Book: Chapter 8, "Two Generals' Problem" (두 장군 문제). Rounds are 10 ms apart and every
 * messenger takes 1 ms, so the rounds are synchronous; the adversary's captures are scripted
 * with {@code dropNext} on the right link just before the round. Stateless and thread-safe.
 */
public final class RandomizedValley {

    /** Time between rounds; a messenger takes {@link #DELAY}. */
    public static final Duration ROUND = Duration.ofMillis(10);
    public static final Duration DELAY = Duration.ofMillis(1);

    private RandomizedValley() {
    }

    /** One simulated run: A's key, both decisions, and the simulation for its trace. */
    public record Outcome(int key, Decision a, Decision b, Simulation simulation) {
        public boolean agreement() {
            return a == b;
        }

        public String outcome() {
            return GeneralsState.outcomeOf(a, b);
        }
    }

    /** Runs {@code protocol} with plan {@code plan}, capturing the messengers in {@code lost} (bit k-1 for messenger k). */
    public static Outcome run(RandomizedRoundProtocol protocol, Plan plan, int lost, long seed, boolean trace) {
        Simulation sim = new Simulation(seed);
        sim.trace().setEnabled(trace);
        Address a = sim.addNode("General A", () -> new RandomizedGeneralNode(General.A, plan, protocol));
        Address b = sim.addNode("General B", () -> new RandomizedGeneralNode(General.B, Plan.UNKNOWN, protocol));
        sim.network().setDefaults(LinkFaults.none().withDelay(DELAY));
        for (int k = 1; k <= protocol.rounds(); k++) {
            if (((lost >>> (k - 1)) & 1) == 1) {
                Address from = k % 2 == 1 ? a : b;
                Address to = k % 2 == 1 ? b : a;
                // after the previous messenger on this link (round k-2) has gone, before this one is sent
                sim.at(ROUND.multipliedBy(k).minus(DELAY.multipliedBy(5)), () -> sim.network().dropNext(from, to));
            }
        }
        sim.runFor(ROUND.multipliedBy(protocol.rounds() + 2));
        return new Outcome(sim.node(a, RandomizedGeneralNode.class).key(),
                sim.node(a, RandomizedGeneralNode.class).decision(), sim.node(b, RandomizedGeneralNode.class).decision(), sim);
    }

    /** How many of the seeds {@code base+1 .. base+n} end with the generals disagreeing, plan ATTACK. */
    public static int disagreements(RandomizedRoundProtocol protocol, int lost, int seeds, long base) {
        int n = 0;
        for (int i = 1; i <= seeds; i++) {
            if (!run(protocol, Plan.ATTACK, lost, base + i, false).agreement()) {
                n++;
            }
        }
        return n;
    }
}
