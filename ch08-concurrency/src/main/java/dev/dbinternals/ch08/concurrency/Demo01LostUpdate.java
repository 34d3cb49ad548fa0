package dev.dbinternals.ch08.concurrency;

import dev.dbinternals.ch08.concurrency.check.CheckResult;
import dev.dbinternals.ch08.concurrency.check.LinearizabilityChecker;
import dev.dbinternals.ch08.concurrency.check.Models;
import dev.dbinternals.ch08.concurrency.history.JepsenHistory;
import dev.dbinternals.ch08.concurrency.interleaving.InterleavingModel;
import dev.dbinternals.ch08.concurrency.interleaving.OutcomeSpec;
import dev.dbinternals.ch08.concurrency.interleaving.OutcomeTable;
import dev.dbinternals.ch08.concurrency.interleaving.Programs;
import dev.dbinternals.ch08.concurrency.interleaving.WitnessHistory;
import dev.dbinternals.ch08.harness.demo.DemoArgs;
import java.io.PrintStream;

/**
 * Figure 8-1, by exhaustive search: every interleaving of threads doing load / compute / store on a shared
 * counter, counted, with a witness for each lost update, and the fixes (lock, CAS loop) whose
 * only reachable outcome is the right one.
 *
 * <p>Book: Chapter 8, "Concurrent Execution" (동시 수행).
 */
public final class Demo01LostUpdate {

    private Demo01LostUpdate() {
    }

    public static void main(String[] args) {
        DemoArgs a = DemoArgs.forDemo("lost-update", "figure 8-1: every interleaving of a racy counter, counted and graded").parse(args);
        PrintStream out = DemoSupport.stdout();
        StringBuilder md = new StringBuilder("# Lost update: every interleaving (figure 8-1)\n\n");

        DemoArgs.heading(out, "Figure 8-1: threads load x, compute x + 1, store x (동시 수행)");
        out.println("Each thread's three steps are atomic; the scheduler may switch threads between any two.");
        out.println("The explorer visits every reachable state, so an outcome with 0 interleavings is impossible in the model, not merely unobserved.");
        int[][] shapes = {{2, 1}, {2, 2}, {2, 3}, {3, 2}};
        for (int[] s : shapes) {
            var model = InterleavingModel.threads(s[0], Programs.racyIncrement(s[1]));
            OutcomeTable t = model.outcomes("racy: " + s[0] + " threads x " + s[1] + " increments (load/compute/store)",
                    OutcomeSpec.racyCounter(s[0], s[1]));
            out.println();
            out.print(t.render());
            out.println("  closed form (multinomial): " + model.closedFormInterleavings() + " interleavings");
            md.append("```\n").append(t.render()).append("```\n\n");
        }

        DemoArgs.heading(out, "Fixes: a lock (not enabled while held) and a CAS retry loop");
        boolean casExact = true;
        boolean casMore = true;
        for (int[] s : shapes) {
            OutcomeTable lock = InterleavingModel.threads(s[0], Programs.lockedIncrement(s[1]))
                    .outcomes("lock: " + s[0] + " threads x " + s[1] + " increments", OutcomeSpec.exactCounter(s[0], s[1]));
            OutcomeTable cas = InterleavingModel.threads(s[0], Programs.casLoopIncrement(s[1]))
                    .outcomes("CAS loop: " + s[0] + " threads x " + s[1] + " increments", OutcomeSpec.exactCounter(s[0], s[1]));
            out.printf("%-40s reached %s in %d of %d interleavings, %d states; FORBIDDEN reachable: %s%n", lock.title(),
                    lock.reachedOutcomes(), lock.interleavings(s[0] * s[1]), lock.totalInterleavings(), lock.states(), lock.forbiddenReached());
            out.printf("%-40s reached %s in %d of %d interleavings, %d states; FORBIDDEN reachable: %s%n", cas.title(),
                    cas.reachedOutcomes(), cas.interleavings(s[0] * s[1]), cas.totalInterleavings(), cas.states(), cas.forbiddenReached());
            casExact &= cas.interleavings(s[0] * s[1]) == cas.totalInterleavings();
            casMore &= cas.totalInterleavings() > lock.totalInterleavings();
            if (s[0] == 2 && s[1] == 2) {
                out.println();
                out.print(cas.render());
                out.println();
                md.append("```\n").append(lock.render()).append("```\n\n```\n").append(cas.render()).append("```\n\n");
            }
        }
        out.println(casFixNote(casMore, casExact));

        DemoArgs.heading(out, "The lost update as a history, checked for linearizability (상태 일관성)");
        OutcomeTable race = InterleavingModel.threads(2, Programs.racyIncrement(1)).outcomes("2x1", OutcomeSpec.racyCounter(2, 1));
        var witness = race.rows().stream().filter(r -> r.outcome() == 1).findFirst().orElseThrow().witness();
        var history = WitnessHistory.of(witness, 1);
        out.println("witness schedule: " + String.join(", ", witness));
        out.print(JepsenHistory.write(history));
        CheckResult verdict = LinearizabilityChecker.create().check(history, Models.counter(0));
        out.print(verdict.render(10));

        DemoArgs.heading(out, "Counting is not measuring");
        out.println("18 of 20 interleavings lose an update, but a real scheduler does not pick interleavings uniformly:");
        out.println("run demo 'real-threads' to see how often real threads lose updates on this machine.");
        DemoSupport.write(a.out(), "outcomes.md", md.toString(), out);
    }

    /** The note under the fixes, from what the tables showed: did the CAS loop have more interleavings than the lock, and did all end exact. */
    static String casFixNote(boolean casMoreThanLock, boolean casAllExact) {
        return "(the CAS loop's failed attempts retry, so it " + (casMoreThanLock ? "has more interleavings than the lock in every shape"
                : "does not have more interleavings than the lock in every shape") + "; "
                + (casAllExact ? "every one of them ends at the exact count)" : "NOT every one of them ends at the exact count)");
    }
}
