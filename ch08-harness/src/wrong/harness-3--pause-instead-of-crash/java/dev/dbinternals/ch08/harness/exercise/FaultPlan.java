// Wrong solution for harness-3: a pause is taken for a crash, but a paused node keeps its state and its messages wait instead of being dropped.
package dev.dbinternals.ch08.harness.exercise;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.sim.Simulation;
import java.time.Duration;

public final class FaultPlan {
    private FaultPlan() {
    }

    public static void apply(Simulation sim, Address a, Address b) {
        sim.network().dropNext(a, b);      // the very first ping is lost; its retransmission is not
        sim.network().duplicateNext(b, a); // the first pong arrives twice
        sim.at(Duration.ofMillis(30), () -> sim.pause(b, Duration.ofMillis(30))); // B stops for 30 ms
    }
}
