// Wrong solution for harness-3: duplicates a ping (A -> B) where the diagram duplicates a pong (B -> A): the direction of a link matters.
package dev.dbinternals.ch08.harness.exercise;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.sim.Simulation;
import java.time.Duration;

public final class FaultPlan {
    private FaultPlan() {
    }

    public static void apply(Simulation sim, Address a, Address b) {
        sim.network().dropNext(a, b);      // the very first ping is lost; its retransmission is not
        sim.network().duplicateNext(a, b); // the first pong arrives twice
        sim.at(Duration.ofMillis(30), () -> sim.crash(b));
        sim.at(Duration.ofMillis(60), () -> sim.restart(b));
    }
}
