package dev.dbinternals.ch08.concurrency;

import dev.dbinternals.ch08.concurrency.check.CheckResult;
import dev.dbinternals.ch08.concurrency.check.LinearizabilityChecker;
import dev.dbinternals.ch08.concurrency.check.Models;
import dev.dbinternals.ch08.concurrency.history.History;
import dev.dbinternals.ch08.concurrency.race.RealThreadRace;
import dev.dbinternals.ch08.concurrency.race.RealThreadRace.Variant;
import dev.dbinternals.ch08.concurrency.race.RecordedCounter;
import dev.dbinternals.ch08.harness.demo.DemoArgs;
import java.io.PrintStream;

/**
 * The same race on real threads: a histogram of final values over many trials, next to the
 * model's interleaving counts, and a recorded history of a racy and an atomic counter run
 * through the linearizability checker.
 *
 * <p>Book: Chapter 8, "Concurrent Execution" (동시 수행). Results vary by machine and run; that is
 * the point of the demo, and why no test asserts how often the racy counter loses updates.
 */
public final class Demo02RealThreads {

    private Demo02RealThreads() {
    }

    public static void main(String[] args) throws InterruptedException {
        DemoArgs a = DemoArgs.forDemo("real-threads", "the lost update on real Java threads: a histogram, and a recorded history checked")
                .option("trials", "200000", "trials per configuration").parse(args);
        PrintStream out = DemoSupport.stdout();
        int trials = a.quick() ? 20_000 : (int) a.getLong("trials", 1, 10_000_000);
        StringBuilder md = new StringBuilder("# Real threads\n\n```\n");
        out.println("machine: " + Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version"));

        DemoArgs.heading(out, "Histograms of the final counter value (frequency on THIS machine, this run)");
        int[][] shapes = {{2, 1}, {2, 3}, {3, 2}};
        for (int[] s : shapes) {
            for (int spins : new int[] {0, 20}) {
                for (Variant v : Variant.values()) {
                    if (v != Variant.RACY && (s[0] == 2 && s[1] == 1 || spins == 0)) {
                        continue;
                    }
                    var h = RealThreadRace.run(v, s[0], s[1], s[0] > 2 ? trials / 4 : trials, spins);
                    out.print(h.render());
                    md.append(h.render());
                }
            }
        }
        md.append("```\n");
        out.println();
        out.println("Compare with the model (demo 'lost-update'): for 2 threads x 1 increment, 18 of the 20 interleavings");
        out.println("lose an update, yet real threads rarely do: the threads start a trial a little apart and the gap");
        out.println("between load and store is a few nanoseconds. Give the 'compute' step some time (spin-waits) and the");
        out.println("same program loses far more. Counting interleavings tells what is POSSIBLE; only running tells how");
        out.println("OFTEN, and that changes with the machine, the JIT, the load and the length of the critical window.");
        out.println("The fixed variants are exact on every run.");

        DemoArgs.heading(out, "Recorded histories, checked for linearizability (상태 일관성)");
        int increments = a.quick() ? 20_000 : 100_000;
        for (Variant v : new Variant[] {Variant.RACY, Variant.ATOMIC}) {
            History h = RecordedCounter.record(v, 2, increments, 20);
            long started = System.nanoTime();
            CheckResult r = LinearizabilityChecker.create().check(h, Models.counter(0));
            long micros = (System.nanoTime() - started) / 1000;
            out.printf("%s: 2 threads x %d increments, final read %d; checked in %d ms%n", v, increments,
                    RecordedCounter.finalRead(h), micros / 1000);
            out.print(r.render(3));
        }
        out.println("(if the racy run happened to lose nothing, its history is linearizable: run again, or raise the count)");
        for (boolean atomic : new boolean[] {true, false}) {
            History h = dev.dbinternals.ch08.concurrency.race.RecordedCasRegister.record(atomic, 3, a.quick() ? 3_000 : 20_000, a.seed());
            out.printf("%nCAS register, 3 threads, random read / write / cas, %s:%n",
                    atomic ? "AtomicLong.compareAndSet" : "check-then-act 'cas' (get, then set)");
            out.print(LinearizabilityChecker.create().check(h, Models.casRegister(0L)).render(3));
        }
        DemoSupport.write(a.out(), "histograms.md", md.toString(), out);
    }
}
