package dev.dbinternals.ch08.concurrency;

import dev.dbinternals.ch08.concurrency.check.LinearizabilityChecker;
import dev.dbinternals.ch08.concurrency.check.Models;
import dev.dbinternals.ch08.concurrency.check.SequentialConsistencyChecker;
import dev.dbinternals.ch08.concurrency.check.Verdict;
import dev.dbinternals.ch08.concurrency.history.History;
import dev.dbinternals.ch08.harness.demo.DemoArgs;
import java.io.PrintStream;

/**
 * Consistency models, checkable: the same history shape with every possible read result, and
 * which results linearizability and sequential consistency admit. A consistency model fixes an
 * order and so limits the states a reader can see.
 *
 * <p>Book: Chapter 8, "Concurrent Execution" (동시 수행: "a consistency model … limits the
 * number of possible outcomes") and "State Consistency" (상태 일관성).
 */
public final class Demo04Linearizability {

    private Demo04Linearizability() {
    }

    public static void main(String[] args) {
        DemoArgs a = DemoArgs.forDemo("linearizability", "which read results each consistency model admits").parse(args);
        PrintStream out = DemoSupport.stdout();
        DemoArgs.heading(out, "One shape, every outcome: p0 writes 1 then 2; p1 reads twice after; p2 reads once, overlapping everything");
        out.println("  p0: write 1 [0..1]  write 2 [2..3]");
        out.println("  p1:                                   read a [4..5]  read b [6..7]");
        out.println("  p2:   read c [0.5 .. 8]  (invoked before the first write, completes after everything)");
        out.printf("%n  %-14s %-14s %-24s%n", "a b c", "linearizable", "sequentially consistent");
        int lin = 0;
        int sc = 0;
        int total = 0;
        StringBuilder md = new StringBuilder("| a b c | linearizable | sequentially consistent |\n|---|---|---|\n");
        for (long x = 0; x <= 2; x++) {
            for (long y = 0; y <= 2; y++) {
                for (long z = 0; z <= 2; z++) {
                    History h = History.builder()
                            .invoke(0, "write", 1).invoke(2, "read", null).ok(0, "write", 1)
                            .invoke(0, "write", 2).ok(0, "write", 2)
                            .invoke(1, "read", null).ok(1, "read", x)
                            .invoke(1, "read", null).ok(1, "read", y)
                            .ok(2, "read", z)
                            .build();
                    boolean l = LinearizabilityChecker.create().check(h, Models.register(0L)).verdict() == Verdict.OK;
                    boolean s = SequentialConsistencyChecker.create().check(h, Models.register(0L)).verdict() == Verdict.OK;
                    total++;
                    lin += l ? 1 : 0;
                    sc += s ? 1 : 0;
                    if (l || s) {
                        out.printf("  %-14s %-14s %-24s%n", x + " " + y + " " + z, l ? "yes" : "no", s ? "yes" : "no");
                        md.append("| ").append(x).append(' ').append(y).append(' ').append(z).append(" | ").append(l ? "yes" : "no")
                                .append(" | ").append(s ? "yes" : "no").append(" |\n");
                    }
                }
            }
        }
        out.printf("%n  of %d combinations of read results: %d linearizable, %d sequentially consistent, %d admitted by neither%n",
                total, lin, sc, total - sc);
        out.println("  Linearizability pins each operation inside its real-time interval, so p1 must see 2;");
        out.println("  sequential consistency only keeps each process's own order, so p1 may still see the past.");
        out.println("  The weaker the model, the more outcomes a reader must be prepared for.");
        DemoSupport.write(a.out(), "outcomes-by-model.md", md.toString(), out);
    }
}
