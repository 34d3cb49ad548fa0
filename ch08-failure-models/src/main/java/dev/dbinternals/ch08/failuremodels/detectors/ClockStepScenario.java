package dev.dbinternals.ch08.failuremodels.detectors;

import dev.dbinternals.ch08.failuremodels.Messages;
import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.sim.Simulation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

/**
 * A failure detector on a monitor whose wall clock is stepped, twice, as NTP or an operator
 * would do, while the processes it watches keep sending heartbeats, until one really crashes.
 *
 * <p>Book: Chapter 8, "Clocks and Time" (클럭과 시간): it helps to know whether a clock is
 * monotonic (in paraphrase). Script: three senders beat every 100 ms; the detector's timeout is
 * 500 ms. At 3 s the monitor's wall clock jumps <b>forward</b> 2 s; at 4.8 s sender S1
 * crashes; at 5 s, before a 500 ms timeout could fire, the wall clock jumps <b>back</b> 4 s. A
 * detector that measures with the wall clock suspects every live sender at 3 s (false
 * positives) and notices S1's crash about 4 s late; one that uses the monotonic clock sees
 * nothing at 3 s and suspects S1 at most {@code timeout + check interval} (510 ms) after its last
 * heartbeat arrived. Not thread-safe.
 */
public final class ClockStepScenario {

    /** When the wall clock jumps forward, when back, and when S1 crashes (true time). */
    public static final Duration STEP_FORWARD_AT = Duration.ofSeconds(3);
    public static final Duration CRASH_AT = Duration.ofMillis(4800);
    public static final Duration STEP_BACK_AT = Duration.ofSeconds(5);

    /** One change of the monitor's mind, at true time {@code atMillis}. */
    public record Change(long atMillis, Address peer, boolean suspected) {
        @Override
        public String toString() {
            return String.format("%6d ms  %s %s", atMillis, suspected ? t("suspects", "의심 시작") : t("trusts again", "다시 신뢰"), peer);
        }
    }

    /** Every change, and the derived figures. */
    public record Outcome(List<Change> changes, Simulation sim) {

        /** Suspicions of a process that was alive at the time. */
        public long falseSuspicions() {
            return changes.stream().filter(c -> c.suspected()
                    && !(c.peer().name().equals("S1") && c.atMillis() >= CRASH_AT.toMillis())).count();
        }

        /** How long after the crash S1 was first suspected, or -1 if never. */
        public long detectionMillis() {
            return changes.stream().filter(c -> c.suspected() && c.peer().name().equals("S1")
                    && c.atMillis() >= CRASH_AT.toMillis()).mapToLong(c -> c.atMillis() - CRASH_AT.toMillis())
                    .findFirst().orElse(-1);
        }
    }

    private ClockStepScenario() {
    }

    /** Runs the script for 12 s with the detector from {@code detector}. */
    public static Outcome run(Supplier<? extends FailureDetector> detector, long seed) {
        Simulation sim = new Simulation(seed);
        sim.trace().setPayloadFormat(Messages.CODEC::describe);
        List<Change> changes = new ArrayList<>();
        Address monitor = Address.of("monitor");
        sim.addNode(monitor, MonitorNode.with(detector, Duration.ofMillis(10),
                (peer, s) -> changes.add(new Change(sim.nowNanos() / 1_000_000, peer, s))));
        for (int i = 1; i <= 3; i++) {
            sim.addNode("S" + i, () -> new HeartbeatSender(List.of(monitor), Duration.ofMillis(100)));
        }
        sim.at(STEP_FORWARD_AT, () -> sim.clock(monitor).step(Duration.ofSeconds(2)));
        sim.at(STEP_BACK_AT, () -> sim.clock(monitor).step(Duration.ofSeconds(-4)));
        sim.at(CRASH_AT, () -> sim.crash(Address.of("S1")));
        sim.runFor(Duration.ofSeconds(12));
        return new Outcome(List.copyOf(changes), sim);
    }
}
