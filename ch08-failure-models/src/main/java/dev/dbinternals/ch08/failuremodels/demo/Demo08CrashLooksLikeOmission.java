package dev.dbinternals.ch08.failuremodels.demo;

import dev.dbinternals.ch08.failuremodels.omission.CrashOrOmission;
import dev.dbinternals.ch08.failuremodels.omission.CrashOrOmission.Fault;
import dev.dbinternals.ch08.failuremodels.omission.CrashOrOmission.Outcome;
import dev.dbinternals.ch08.failuremodels.omission.WatchedProcess.Memory;
import dev.dbinternals.ch08.harness.demo.DemoArgs;
import dev.dbinternals.ch08.harness.demo.Diagrams;
import dev.dbinternals.ch08.harness.sim.Trace;
import dev.dbinternals.ch08.harness.sim.TraceEvent.Kind;
import java.util.List;

/**
 * Demo 8: an observer's view of a crash-and-restart and of a partition, side by side.
 *
 * <p>Book: Chapter 8, "Crash Faults" (충돌) and "Omission Faults" (누락): crash-recovery seen
 * as an omission. Run: {@code ./ch08 demo ch08-failure-models crash-or-omission [--quick]}
 */
public final class Demo08CrashLooksLikeOmission {

    private Demo08CrashLooksLikeOmission() {
    }

    public static void main(String[] argv) {
        DemoArgs args = DemoArgs.forDemo("crash-or-omission", "is it a crash-recovery or an omission? the observer's view").parse(argv);
        DemoArgs.heading(System.out, "The observer pings P every 100 ms; from 1.05 s to 1.55 s P is crashed, or partitioned away");
        for (Memory m : List.of(Memory.DURABLE, Memory.VOLATILE)) {
            Outcome crash = CrashOrOmission.run(Fault.CRASH_AND_RESTART, m, args.seed());
            Outcome cut = CrashOrOmission.run(Fault.PARTITION, m, args.seed());
            System.out.println();
            System.out.println("P keeps its counter " + (m == Memory.DURABLE ? "on disk (synced before each answer)" : "in memory only") + ":");
            System.out.printf("  observer's view: %d events after the crash, %d after the partition: %s%n", crash.view().size(),
                    cut.view().size(), crash.view().equals(cut.view()) ? "IDENTICAL" : "DIFFERENT");
            int i = firstDifference(crash.view(), cut.view());
            if (i >= 0) {
                System.out.println("  first difference, event " + (i + 1) + ":");
                System.out.println("    crash:     " + crash.view().get(i));
                System.out.println("    partition: " + cut.view().get(i));
                System.out.println("  the observer noticed: " + crash.observer().regressions() + " answer(s) going backwards");
            } else {
                System.out.println("  around the fault (both runs):");
                crash.view().stream().filter(l -> l.contains("Pong") || l.contains("Ping")).skip(16).limit(11)
                        .forEach(l -> System.out.println("    " + l));
            }
            if (m == Memory.DURABLE) {
                Diagrams.write(args.out(), "crash-view", "Crash and restart of P (P's state on disk)", crash.sim().trace(),
                        Trace.byKind(Kind.SEND, Kind.DELIVER, Kind.DROP, Kind.CRASH, Kind.RESTART));
                Diagrams.write(args.out(), "partition-view", "Partition between P and the observer", cut.sim().trace(),
                        Trace.byKind(Kind.SEND, Kind.DELIVER, Kind.DROP, Kind.PARTITION, Kind.HEAL));
            }
        }
        System.out.println();
        boolean durableSame = CrashOrOmission.run(Fault.CRASH_AND_RESTART, Memory.DURABLE, args.seed()).view()
                .equals(CrashOrOmission.run(Fault.PARTITION, Memory.DURABLE, args.seed()).view());
        boolean volatileSame = CrashOrOmission.run(Fault.CRASH_AND_RESTART, Memory.VOLATILE, args.seed()).view()
                .equals(CrashOrOmission.run(Fault.PARTITION, Memory.VOLATILE, args.seed()).view());
        System.out.println("With its state on disk, P's crash and restart was, to the observer, "
                + (durableSame ? "the same as a 500 ms" : "NOT the same as a 500 ms"));
        System.out.println("omission" + (durableSame ? ": the same messages at the same times." : " in this run."));
        System.out.println("That is the precise sense in which crash-recovery is a kind of omission: only when the");
        System.out.println("process recovers the state it had shown to others (synced before it answered). Coming back");
        System.out.println("blank, P " + (volatileSame ? "happened not to contradict itself in this run" : "contradicted what it said before, which no lost message can explain")
                + ".");
        System.out.println("A process can also choose to be told apart: an incarnation number in each answer (exercise");
        System.out.println("failures-4).");
    }

    static int firstDifference(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            if (!a.get(i).equals(b.get(i))) {
                return i;
            }
        }
        return a.size() == b.size() ? -1 : Math.min(a.size(), b.size());
    }
}
