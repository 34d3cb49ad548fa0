package dev.dbinternals.ch08.failuremodels.omission;

import dev.dbinternals.ch08.failuremodels.Messages;
import dev.dbinternals.ch08.failuremodels.omission.WatchedProcess.Memory;
import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.sim.LinkFaults;
import dev.dbinternals.ch08.harness.sim.Simulation;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The same two seconds told twice: an observer pings a process P every 100 ms; from 1.05 s to
 * 1.55 s either P is crashed and then restarts (crash-recovery), or the network between them
 * drops everything (an omission fault, here a partition). The observer's views are compared.
 *
 * <p>Book: Chapter 8, "Crash Faults" (충돌), which says, in paraphrase, that crash-recovery can
 * be seen as a kind of omission fault. Precisely, and this is what the class checks: a crash and
 * recovery looks like an omission to others only if the process recovers the state it had (it
 * made its state durable before answering, {@link Memory#DURABLE}); then the observer's views are
 * <b>equal</b>. When P comes back blank ({@link Memory#VOLATILE}) they differ, because P's
 * answers go backwards, which no lost message can cause. Not thread-safe.
 */
public final class CrashOrOmission {

    /** What happens to P between 1.05 s and 1.55 s. */
    public enum Fault {
        CRASH_AND_RESTART, PARTITION
    }

    public static final Duration FROM = Duration.ofMillis(1050);
    public static final Duration UNTIL = Duration.ofMillis(1550);

    /** The run and the observer's view of it. */
    public record Outcome(Fault fault, List<String> view, Observer observer, Simulation sim) {
    }

    private CrashOrOmission() {
    }

    public static Outcome run(Fault fault, Memory memory, long seed) {
        return run(fault, () -> new WatchedProcess(memory), seed);
    }

    /** The same run with P built by {@code process} (exercise failures-4 builds one with incarnations). */
    public static Outcome run(Fault fault, Supplier<WatchedProcess> process, long seed) {
        Simulation sim = new Simulation(seed);
        sim.trace().setPayloadFormat(Messages.CODEC::describe);
        // A fixed delay: with a random one the two runs would draw different delays (a frame
        // dropped by a partition never draws one, a frame to a crashed node does), and the views
        // would differ by the simulator's bookkeeping rather than by anything P did.
        sim.network().setDefaults(LinkFaults.none().withDelay(Duration.ofMillis(2)));
        Address p = sim.addNode("P", process::get);
        Address o = sim.addNode("observer", () -> new Observer(p, Duration.ofMillis(100)));
        if (fault == Fault.CRASH_AND_RESTART) {
            sim.at(FROM, () -> sim.crash(p));
            sim.at(UNTIL, () -> sim.restart(p));
        } else {
            sim.at(FROM, () -> sim.network().partition(Set.of(p), Set.of(o)));
            sim.at(UNTIL, () -> sim.network().heal());
        }
        sim.runFor(Duration.ofMillis(2050));
        return new Outcome(fault, ObserverView.of(sim.trace(), o), sim.node(o, Observer.class), sim);
    }
}
