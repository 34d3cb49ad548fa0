package dev.dbinternals.ch08.twogenerals;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.sim.Delay;
import dev.dbinternals.ch08.harness.sim.LinkFaults;
import dev.dbinternals.ch08.harness.sim.Simulation;
import java.time.Duration;

/**
 * The Two Generals' Problem on the harness {@link Simulation}: two {@link GeneralNode}s, a link
 * that loses each messenger independently with probability {@code loss}, and dawn one second
 * after the start. Measures how often the generals disagree, to set beside the closed form.
 *
 * <p>Book: Chapter 8, "Two Generals' Problem" (두 장군 문제). The last-message argument proves
 * that disagreement is <em>possible</em> for every finite deterministic protocol that keeps
 * validity and non-triviality, and {@link TwoGeneralsChecker} finds the run for each such protocol
 * it explores ({@link NeverAttack}, which never attacks, never disagrees); this class measures how
 * <em>likely</em> it is. For {@link AckRounds}(k) it is {@code (1-p)^k * p}: for a loss
 * probability {@code 0 < p < 1} more rounds make it rarer, and it never reaches zero.
 * Stateless and thread-safe; each run builds its own simulation.
 */
public final class LossyValley {

    /** Dawn: far beyond any delivery (1 to 5 ms per messenger), so waiting longer changes nothing. */
    public static final Duration DAWN = Duration.ofSeconds(1);

    private LossyValley() {
    }

    /** One simulated run: both decisions, and the simulation for inspecting its trace. */
    public record Outcome(Decision a, Decision b, Simulation simulation) {
        public boolean agreement() {
            return a == b;
        }

        /** "both attack", "A attacks alone", ... as in {@link GeneralsState#outcome()}. */
        public String outcome() {
            return GeneralsState.outcomeOf(a, b);
        }
    }

    /** Runs {@code protocol} once with plan ATTACK, loss probability {@code loss} and the given seed. */
    public static Outcome run(MessengerProtocol protocol, double loss, long seed) {
        return run(protocol, loss, seed, true);
    }

    /** As {@link #run(MessengerProtocol, double, long)}; {@code trace = false} skips recording events (faster for many seeds). */
    public static Outcome run(MessengerProtocol protocol, double loss, long seed, boolean trace) {
        Simulation sim = new Simulation(seed);
        sim.trace().setEnabled(trace);
        Address a = sim.addNode("General A", () -> new GeneralNode(General.A, Plan.ATTACK, protocol, DAWN));
        Address b = sim.addNode("General B", () -> new GeneralNode(General.B, Plan.UNKNOWN, protocol, DAWN));
        sim.network().setDefaults(LinkFaults.none().withLoss(loss)
                .withDelay(Delay.uniform(Duration.ofMillis(1), Duration.ofMillis(5))));
        sim.runFor(DAWN.plusMillis(1));
        return new Outcome(sim.node(a, GeneralNode.class).decision(), sim.node(b, GeneralNode.class).decision(), sim);
    }

    /** The fraction of {@code seeds} runs (seeds 1..n, offset by {@code base}) that end with the generals disagreeing. */
    public static double disagreementRate(MessengerProtocol protocol, double loss, int seeds, long base) {
        int disagree = 0;
        for (int i = 1; i <= seeds; i++) {
            Outcome o = run(protocol, loss, base + i, false);
            if (!o.agreement()) {
                disagree++;
            }
        }
        return (double) disagree / seeds;
    }
}
