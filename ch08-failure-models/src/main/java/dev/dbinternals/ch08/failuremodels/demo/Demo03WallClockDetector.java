package dev.dbinternals.ch08.failuremodels.demo;

import dev.dbinternals.ch08.failuremodels.clocks.TimeSource;
import dev.dbinternals.ch08.failuremodels.detectors.ClockStepScenario;
import dev.dbinternals.ch08.failuremodels.detectors.TimeoutDetector;
import dev.dbinternals.ch08.failuremodels.detectors.ClockStepScenario.Outcome;
import dev.dbinternals.ch08.harness.demo.DemoArgs;
import dev.dbinternals.ch08.harness.demo.Diagrams;
import dev.dbinternals.ch08.harness.sim.Trace;
import dev.dbinternals.ch08.harness.sim.TraceEvent.Kind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Demo 3: the same detector, measuring with the wall clock (the bug) and with the monotonic
 * clock (the fix), while the monitor's wall clock is stepped forward and back.
 *
 * <p>Book: Chapter 8, "Clocks and Time" (클럭과 시간). Run:
 * {@code ./ch08 demo ch08-failure-models wall-clock-detector [--quick]}
 */
public final class Demo03WallClockDetector {

    private Demo03WallClockDetector() {
    }

    public static void main(String[] argv) {
        DemoArgs args = DemoArgs.forDemo("wall-clock-detector", "a failure detector timed by the wall clock, and by the monotonic clock").parse(argv);
        DemoArgs.heading(System.out, "3 senders beat every 100 ms; timeout 500 ms. The monitor's wall clock: +2 s at 3.0 s, -4 s at 5.0 s. S1 crashes at 4.8 s");
        Map<TimeSource, Outcome> outcomes = new EnumMap<>(TimeSource.class);
        for (TimeSource ts : TimeSource.values()) {
            Outcome o = ClockStepScenario.run(() -> new TimeoutDetector(Duration.ofMillis(500), ts), args.seed());
            outcomes.put(ts, o);
            System.out.println();
            System.out.println("Detector measuring with the " + ts.name().toLowerCase() + " clock:");
            if (o.changes().isEmpty()) {
                System.out.println("  (no change of mind)");
            }
            o.changes().forEach(c -> System.out.println("  " + c));
            System.out.printf("  => %d false suspicions; S1's crash detected %s%n", o.falseSuspicions(),
                    o.detectionMillis() < 0 ? "never" : o.detectionMillis() + " ms after it happened");
            if (ts == TimeSource.WALL) {
                Diagrams.write(args.out(), "wall-clock-detector", "A detector timed by the wall clock", o.sim().trace(),
                        Trace.byKind(Kind.CLOCK_STEP, Kind.CRASH, Kind.NOTE));
            }
        }
        System.out.println();
        narration(outcomes.get(TimeSource.WALL), outcomes.get(TimeSource.MONOTONIC)).forEach(System.out::println);
    }

    /** The closing lines, computed from the two runs (wall-clock detector, monotonic detector). */
    static List<String> narration(Outcome wall, Outcome mono) {
        List<String> lines = new ArrayList<>();
        // senders suspected between the forward step and the crash: all alive, so all wrongly
        long falselySuspected = wall.changes().stream().filter(c -> c.suspected()
                && c.atMillis() >= ClockStepScenario.STEP_FORWARD_AT.toMillis()
                && c.atMillis() < ClockStepScenario.CRASH_AT.toMillis()).map(c -> c.peer()).distinct().count();
        lines.add("The forward step made 2 s pass in an instant on the wall clock: "
                + (falselySuspected == 3 ? "every sender looked silent" : falselySuspected + " of the 3 senders looked silent"));
        lines.add("(" + wall.falseSuspicions() + " false suspicions).");
        if (wall.detectionMillis() < 0) {
            lines.add("The backward step made the wall clock re-live 4 s: S1's crash was not noticed before the run ended.");
        } else if (mono.detectionMillis() >= 0) {
            lines.add("The backward step made the wall clock re-live 4 s: S1's silence did not count until it caught up,");
            lines.add("so the crash was noticed " + (wall.detectionMillis() - mono.detectionMillis())
                    + " ms later than on the monotonic clock.");
        } else {
            lines.add("The backward step made the wall clock re-live 4 s: S1's crash was noticed " + wall.detectionMillis()
                    + " ms after it happened.");
        }
        lines.add("The monotonic clock is not set from outside, so neither step touches it ("
                + mono.falseSuspicions() + " false suspicions"
                + (mono.detectionMillis() < 0 ? ", and the crash never noticed" : "") + ").");
        lines.add("Exercise failures-2.");
        return lines;
    }
}
