// Wrong solution for harness-3: loses the first pong instead of the first ping, confusing the two directions of the link.
package dev.dbinternals.ch08.harness.exercise;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.sim.Simulation;
import java.time.Duration;

public final class FaultPlan {
    private FaultPlan() {
    }

    public static void apply(Simulation sim, Address a, Address b) {
        sim.network().dropNext(b, a);      // the very first ping is lost; its retransmission is not
        sim.network().duplicateNext(b, a); // the first pong arrives twice
        sim.at(Duration.ofMillis(30), () -> sim.crash(b));
        sim.at(Duration.ofMillis(60), () -> sim.restart(b));
    }
}
