package dev.dbinternals.ch08.failuremodels.demo;

import dev.dbinternals.ch08.failuremodels.crash.FixedMembership;
import dev.dbinternals.ch08.failuremodels.crash.FixedMembership.Case;
import dev.dbinternals.ch08.failuremodels.crash.FixedMembership.Outcome;
import dev.dbinternals.ch08.harness.demo.DemoArgs;
import dev.dbinternals.ch08.harness.demo.Diagrams;
import dev.dbinternals.ch08.harness.sim.Trace;
import dev.dbinternals.ch08.harness.sim.TraceEvent.Kind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

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
        Map<Case, Outcome> outcomes = new EnumMap<>(Case.class);
        for (Case c : Case.values()) {
            Outcome o = FixedMembership.run(c, args.seed());
            outcomes.put(c, o);
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
        closing(outcomes).forEach(System.out::println);
    }

    /** The closing lines, each case's sentence following that case's computed verdict. */
    static List<String> closing(Map<Case, Outcome> outcomes) {
        List<String> lines = new ArrayList<>();
        lines.add("The algorithm's promise is about its list: at most f of A, B, C ever fail.");
        for (Map.Entry<Case, Outcome> e : outcomes.entrySet()) {
            Outcome o = e.getValue();
            boolean lost = o.lostAcknowledgedWrite();
            boolean blocked = !o.read().completed();
            String line = switch (e.getKey()) {
                case CRASH_STOP -> blocked && !lost
                        ? "In crash-stop, C spent that budget; A's loss is a second failure and the read waited\n"
                                + "instead of lying."
                        : null;
                case CRASH_RECOVERY -> !blocked && !lost
                        ? "Crash-recovery brought C back with what it promised, so {B, C} still met the write."
                        : null;
                case RE_ADDED_BLANK -> lost
                        ? "A blank C under the old name is a new process the algorithm mistakes for the old one:\n"
                                + "its 'nothing here' counted as a vote, and an acknowledged write disappeared."
                        : null;
                case NEW_PROCESS -> blocked && !lost && !o.ignored().isEmpty()
                        ? "A new process under a new name (D) was simply not counted: adding it is a membership\n"
                                + "change, a protocol of its own (the book returns to it in later chapters)."
                        : null;
            };
            lines.add(line != null ? line
                    : e.getKey() + " did not go as the script intends in this run: " + verdict(o) + ".");
        }
        return lines;
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
