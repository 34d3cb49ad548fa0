package dev.dbinternals.ch08.twogenerals;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.sim.LinkFaults;
import dev.dbinternals.ch08.harness.sim.Simulation;
import java.time.Duration;
import java.util.Set;

/**
 * Two runs of {@link RetransmittingGeneralNode}s on the harness simulation: a lossy link with
 * retransmission until acknowledged (the generals usually agree: about 97% of runs at 30% loss each
 * way, {@link #disagreementOdds}), and a lossless link whose acknowledgements are held up until
 * after dawn by a one-way partition (the order arrives, an acknowledgement gets through after the
 * partition heals, and the generals disagree at dawn).
 *
 * <p>Book: Chapter 8, "Two Generals' Problem" (두 장군 문제). Within one connection TCP behaves
 * much like a perfect link, but a perfect link's promise is eventual delivery between correct
 * processes, not that the sender knows of it by a deadline, and not agreement. Stateless and
 * thread-safe.
 */
public final class PerfectLinkIsNotAgreement {

    public static final Duration DAWN = Duration.ofSeconds(1);
    public static final Duration RETRANSMIT = Duration.ofMillis(200);

    private PerfectLinkIsNotAgreement() {
    }

    /**
     * Closed form for {@link #lossy}: A transmits at 0, 200, ..., 800 ms (five round trips can finish
     * before dawn); the generals disagree when no round trip completes but at least one order arrives.
     */
    public static double disagreementOdds(double loss) {
        double roundTripFails = loss + (1 - loss) * loss;
        return Math.pow(roundTripFails, 5) - Math.pow(loss, 5);
    }

    /** A finished run: the simulation and both generals. */
    public record Outcome(Simulation simulation, RetransmittingGeneralNode a, RetransmittingGeneralNode b) {
        public boolean agreement() {
            return a.decision() == b.decision();
        }

        public String outcome() {
            return GeneralsState.outcomeOf(a.decision(), b.decision());
        }
    }

    /** Loss {@code loss} in both directions, run until three seconds. */
    public static Outcome lossy(double loss, long seed, boolean trace) {
        Simulation sim = new Simulation(seed);
        sim.trace().setEnabled(trace);
        Address a = sim.addNode("General A", () -> new RetransmittingGeneralNode(General.A, DAWN, RETRANSMIT));
        Address b = sim.addNode("General B", () -> new RetransmittingGeneralNode(General.B, DAWN, RETRANSMIT));
        sim.network().setDefaults(LinkFaults.none().withLoss(loss).withDelay(Duration.ofMillis(5)));
        sim.runFor(Duration.ofSeconds(3));
        return new Outcome(sim, sim.node(a, RetransmittingGeneralNode.class), sim.node(b, RetransmittingGeneralNode.class));
    }

    /** No loss, but B → A is cut from the start until {@code heal} (after dawn); A → B works throughout. */
    public static Outcome acknowledgementsHeldUntil(Duration heal, long seed) {
        Simulation sim = new Simulation(seed);
        Address a = sim.addNode("General A", () -> new RetransmittingGeneralNode(General.A, DAWN, RETRANSMIT));
        Address b = sim.addNode("General B", () -> new RetransmittingGeneralNode(General.B, DAWN, RETRANSMIT));
        sim.network().setDefaults(LinkFaults.none().withDelay(Duration.ofMillis(5)));
        sim.network().partitionOneWay(Set.of(b), Set.of(a));
        sim.at(heal, () -> sim.network().heal());
        sim.runFor(heal.plusSeconds(1));
        return new Outcome(sim, sim.node(a, RetransmittingGeneralNode.class), sim.node(b, RetransmittingGeneralNode.class));
    }
}
