// Wrong solution for harness-3: a random duplication rate on B -> A instead of a scripted duplicate, hoping the seed makes some pong arrive twice.
package dev.dbinternals.ch08.harness.exercise;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.sim.Simulation;
import java.time.Duration;

public final class FaultPlan {
    private FaultPlan() {
    }

    public static void apply(Simulation sim, Address a, Address b) {
        sim.network().dropNext(a, b);
        sim.network().set(b, a, sim.network().faults(b, a).withDuplication(0.2)); // "one in five pongs doubled"
        sim.at(Duration.ofMillis(30), () -> sim.crash(b));
        sim.at(Duration.ofMillis(60), () -> sim.restart(b));
    }
}
