package dev.dbinternals.ch08.failuremodels;

import dev.dbinternals.ch08.failuremodels.FixedMembership.Case;
import dev.dbinternals.ch08.failuremodels.FixedMembership.Outcome;
import dev.dbinternals.ch08.harness.demo.DemoArgs;
import dev.dbinternals.ch08.harness.demo.Diagrams;
import dev.dbinternals.ch08.harness.sim.Trace;
import dev.dbinternals.ch08.harness.sim.TraceEvent.Kind;

/**
 * Demo 6: a majority register on the fixed list {A, B, C}; C crashes after acknowledging a
 * write; four endings.
 *
 * <p>Book: Chapter 8, "Crash Faults" (충돌): crash-stop is not crash-recovery, even if the
 * recovered process is added back as a new one. Run:
 * {@code ./ch08 demo ch08-failure-models fixed-membership [--quick]}
 */
public final class Demo06CrashStopIsNotCrashRecovery {

    private Demo06CrashStopIsNotCrashRecovery() {
    }

    public static void main(String[] argv) {
        DemoArgs args = DemoArgs.forDemo("fixed-membership", "crash-stop, crash-recovery and a blank re-added process").parse(argv);
        DemoArgs.heading(System.out, "Members {A, B, C}, majority 2, tolerates f = 1");
        System.out.println("  0 ms    B is cut off from the client; write x = 42 is acknowledged by A and C");
        System.out.println("  100 ms  B is back; C crashes");
        System.out.println("  200 ms  (depends on the case)");
        System.out.println("  300 ms  A is cut off from the client; the client reads x");
        for (Case c : Case.values()) {
            Outcome o = FixedMembership.run(c, args.seed());
            System.out.println();
            System.out.println(c + ": " + c.story());
            System.out.println("  " + o.write());
            System.out.println("  " + o.read());
            if (!o.ignored().isEmpty()) {
                System.out.println("  answers ignored (not in the list): " + o.ignored());
            }
            System.out.println("  => " + verdict(o));
            if (c == Case.RE_ADDED_BLANK) {
                Diagrams.write(args.out(), "re-added-blank", "A blank C re-added under its old name", o.sim().trace(),
                        Trace.byKind(Kind.SEND, Kind.DELIVER, Kind.DROP, Kind.CRASH, Kind.RESTART, Kind.PARTITION,
                                Kind.HEAL, Kind.NOTE));
            }
        }
        System.out.println();
        System.out.println("The algorithm's promise is about its list: at most f of A, B, C ever fail. In crash-stop,");
        System.out.println("C spent that budget; A's loss is a second failure and the read waits instead of lying.");
        System.out.println("Crash-recovery brings C back with what it promised, so {B, C} still meets the write.");
        System.out.println("A blank C under the old name is a new process the algorithm mistakes for the old one:");
        System.out.println("its 'nothing here' counts as a vote, and an acknowledged write disappears. A new process");
        System.out.println("under a new name (D) is simply not counted: adding it is a membership change, a protocol of");
        System.out.println("its own (the book returns to it in later chapters).");
    }

    static String verdict(Outcome o) {
        if (o.lostAcknowledgedWrite()) {
            return "UNSAFE: the read completed without the acknowledged write";
        }
        if (!o.read().completed()) {
            return "safe, not available: no majority of the list answered";
        }
        return "safe and available";
    }
}
