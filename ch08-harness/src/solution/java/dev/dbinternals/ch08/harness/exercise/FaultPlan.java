package dev.dbinternals.ch08.harness.exercise;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.sim.LinkFaults;
import dev.dbinternals.ch08.harness.sim.Simulation;
import java.time.Duration;

/**
 * Solution of harness-3: scripted faults, no luck needed except the duplication (90%, and the
 * seed makes even that replayable).
 *
 * <p>Book: Chapter 8, "Network Partitions and Partial Failures" (네트워크 파티션 부분 장애). Stateless.
 */
public final class FaultPlan {
    private FaultPlan() {
    }

    public static void apply(Simulation sim, Address a, Address b) {
        sim.network().set(a, b, LinkFaults.none().withLoss(1.0));          // the first ping is lost...
        sim.at(Duration.ofMillis(1), () -> sim.network().set(a, b, LinkFaults.none())); // ...only the first
        sim.network().set(b, a, LinkFaults.none().withDuplication(0.9));
        sim.at(Duration.ofMillis(30), () -> sim.crash(b));
        sim.at(Duration.ofMillis(60), () -> sim.restart(b));
    }
}
