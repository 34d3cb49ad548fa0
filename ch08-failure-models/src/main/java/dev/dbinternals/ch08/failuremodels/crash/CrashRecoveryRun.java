package dev.dbinternals.ch08.failuremodels.crash;

import dev.dbinternals.ch08.failuremodels.Messages;
import dev.dbinternals.ch08.failuremodels.crash.RegisterNode.Versioned;
import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.sim.Delay;
import dev.dbinternals.ch08.harness.sim.LinkFaults;
import dev.dbinternals.ch08.harness.sim.Simulation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * One crash-recovery experiment: a {@link RegisterClient} writes to a {@link RegisterNode}, the
 * node dies at a chosen fail point of its write handler, restarts 50 ms later, and the client
 * carries on. Then every write the client saw acknowledged is looked up on the restarted node.
 *
 * <p>Book: Chapter 8, "Crash Faults" (충돌). The property checked: <b>no acknowledged write is
 * lost by a crash and restart</b>. Links lose 10% of frames and delay 0.5..3 ms (drawn from the
 * seed), so retransmissions and late acknowledgements are part of every run. Not thread-safe.
 */
public final class CrashRecoveryRun {

    /** What the client was promised and what the node holds after it came back. */
    public record Outcome(String point, int occurrence, boolean crashed,
                          Map<String, Long> acknowledged, Map<String, Versioned> afterRestart, Simulation sim) {

        /** Keys the client was told were written, that the restarted node does not hold. */
        public List<String> lostAcknowledgedWrites() {
            List<String> lost = new ArrayList<>();
            acknowledged.forEach((k, v) -> {
                Versioned held = afterRestart.get(k);
                if (held == null || held.value() != v) {
                    lost.add(k);
                }
            });
            return lost;
        }
    }

    private CrashRecoveryRun() {
    }

    /**
     * Runs {@code writes} writes against a node in mode {@code durability} that crashes the
     * {@code occurrence}-th time it reaches {@code point} (or never, if {@code point} is null).
     */
    public static Outcome run(long seed, Durability durability, String point, int occurrence, int writes) {
        return run(seed, fp -> new RegisterNode(durability, fp), point, occurrence, writes);
    }

    /**
     * The same run against a replica built by {@code replica} from the run's fail points (the
     * exercise test of failures-1 builds one with the reader's {@link RegisterNode.Store}).
     */
    static Outcome run(long seed, Function<FailPoints, RegisterNode> replica, String point, int occurrence, int writes) {
        Simulation sim = new Simulation(seed);
        sim.trace().setPayloadFormat(Messages.CODEC::describe);
        sim.network().setDefaults(LinkFaults.none().withLoss(0.1)
                .withDelay(Delay.uniform(Duration.ofNanos(500_000), Duration.ofMillis(3))));
        Address server = Address.of("server");
        FailPoints fp = point == null ? FailPoints.none() : FailPoints.crashAt(sim, server, point, occurrence);
        sim.addNode(server, () -> replica.apply(fp));
        Address client = sim.addNode("client", () -> new RegisterClient(server, writes, Duration.ofMillis(20)));
        RegisterClient c = sim.node(client, RegisterClient.class);
        if (point != null) {
            sim.runUntil(fp::fired, Duration.ofSeconds(10));
            if (fp.fired()) {
                sim.runFor(Duration.ofMillis(50)); // down for 50 ms; the crash runs first
                sim.restart(server);
            }
        }
        sim.runUntil(c::done, Duration.ofSeconds(60));
        if (!c.done()) {
            throw new IllegalStateException("the client did not finish its writes (seed " + seed + ")");
        }
        return new Outcome(point, occurrence, fp.fired(),
                Collections.unmodifiableMap(new LinkedHashMap<>(c.acknowledged())),
                sim.node(server, RegisterNode.class).snapshot(), sim);
    }

    /** A seeded choice of which write the crash hits, so many seeds cover many positions. */
    public static int occurrenceFor(long seed, int writes) {
        return 1 + new SplittableRandom(seed * 0x9E3779B97F4A7C15L).nextInt(writes);
    }
}
