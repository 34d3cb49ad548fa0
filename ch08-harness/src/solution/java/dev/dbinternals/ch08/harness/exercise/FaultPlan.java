package dev.dbinternals.ch08.harness.exercise;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.sim.Simulation;
import java.time.Duration;

/**
 * Solution of harness-3: scripted faults, no luck needed. Scripted faults hit exactly the
 * frame they name, for every seed; a random knob (duplication with some probability on B -> A)
 * hits whichever frames the seed picks, not the first pong and only it.
 *
 * <p>Book: Chapter 8, "Network Partitions and Partial Failures" (네트워크 파티션과 부분 장애). Stateless.
 */
public final class FaultPlan {
    private FaultPlan() {
    }

    public static void apply(Simulation sim, Address a, Address b) {
        sim.network().dropNext(a, b);      // the very first ping is lost; its retransmission is not
        sim.network().duplicateNext(b, a); // the first pong arrives twice
        sim.at(Duration.ofMillis(30), () -> sim.crash(b));
        sim.at(Duration.ofMillis(60), () -> sim.restart(b));
    }
}
