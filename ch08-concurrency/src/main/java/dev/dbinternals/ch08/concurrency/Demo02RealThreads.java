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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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

    /**
     * The narration after the histograms, computed from them: for each shape, the fraction of
     * racy trials that lost an update with an instant compute step and with a slow one, and
     * whether the fixed variants ended at the exact count in every trial.
     */
    static String raceVerdict(List<RealThreadRace.Histogram> hs) {
        StringBuilder sb = new StringBuilder();
        sb.append("Trials that lost at least one update (racy variant), this run:\n");
        sb.append(String.format(Locale.ROOT, "  %-22s %-26s %s%n", "threads x increments", "compute = 0 spins",
                "compute = 20 spins"));
        int more = 0;
        int compared = 0;
        List<String> notMore = new ArrayList<>();
        for (RealThreadRace.Histogram fast : hs) {
            if (fast.variant() != Variant.RACY || fast.computeSpins() != 0) {
                continue;
            }
            RealThreadRace.Histogram slow = hs.stream().filter(h -> h.variant() == Variant.RACY && h.computeSpins() > 0
                    && h.threads() == fast.threads() && h.increments() == fast.increments()).findFirst().orElse(null);
            String shape = fast.threads() + " x " + fast.increments();
            sb.append(String.format(Locale.ROOT, "  %-22s %-26s %s%n", shape, percent(fast),
                    slow == null ? "-" : percent(slow)));
            if (slow != null) {
                compared++;
                if (slow.lostFraction() > fast.lostFraction()) {
                    more++;
                } else {
                    notMore.add(shape);
                }
            }
        }
        RealThreadRace.Histogram oneEach = hs.stream().filter(h -> h.variant() == Variant.RACY && h.computeSpins() == 0
                && h.threads() == 2 && h.increments() == 1).findFirst().orElse(null);
        if (oneEach != null) {
            sb.append(String.format(Locale.ROOT, "Compare with the model (demo 'lost-update'): for 2 threads x 1 increment, 18 of"
                    + " the 20%ninterleavings lose an update; here real threads lost one in %s of the trials.%n",
                    percent(oneEach)));
            if (oneEach.lostFraction() < 0.5) {
                sb.append("Far fewer: the threads start a trial a little apart, and with an instant compute step the gap\n"
                        + "between load and store is a few nanoseconds.\n");
            }
        }
        if (compared > 0) {
            if (more == compared) {
                sb.append("Giving the 'compute' step time (spin-waits) widened the window: more trials lost updates in\n"
                        + "every shape measured.\n");
            } else {
                sb.append(String.format(Locale.ROOT, "Giving the 'compute' step time (spin-waits) lost more in %d of %d shapes;"
                        + " not in %s this time.%n", more, compared, String.join(", ", notMore)));
            }
        }
        sb.append("Counting interleavings tells what is POSSIBLE; only running tells how OFTEN, and that changes with the\n"
                + "machine, the JIT, the load and the length of the critical window.\n");
        List<String> wrong = new ArrayList<>();
        int fixed = 0;
        for (RealThreadRace.Histogram h : hs) {
            if (h.variant() != Variant.RACY) {
                fixed++;
                if (h.trialsLosingUpdates() != 0) {
                    wrong.add(h.variant() + " " + h.threads() + " x " + h.increments());
                }
            }
        }
        if (fixed > 0) {
            sb.append(wrong.isEmpty()
                    ? "The fixed variants (locked, CAS loop, atomic) ended at threads x increments in every trial.\n"
                    : "A fixed variant lost updates (" + String.join(", ", wrong) + "): that is a bug.\n");
        }
        return sb.toString();
    }

    private static String percent(RealThreadRace.Histogram h) {
        return String.format(Locale.ROOT, "%.3f%% (%d of %d)", 100 * h.lostFraction(), h.trialsLosingUpdates(), h.trials());
    }

    public static void main(String[] args) throws InterruptedException {
        DemoArgs a = DemoArgs.forDemo("real-threads", "the lost update on real Java threads: a histogram, and a recorded history checked")
                .intOption("trials", 200_000, 1, 10_000_000, "trials per configuration (--quick: 20000)").parse(args);
        PrintStream out = DemoSupport.stdout();
        int trials = a.quick() ? 20_000 : a.intValue("trials");
        StringBuilder md = new StringBuilder("# Real threads\n\n```\n");
        out.println("machine: " + Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version"));

        DemoArgs.heading(out, "Histograms of the final counter value (frequency on THIS machine, this run)");
        int[][] shapes = {{2, 1}, {2, 3}, {3, 2}};
        List<RealThreadRace.Histogram> all = new ArrayList<>();
        for (int[] s : shapes) {
            for (int spins : new int[] {0, 20}) {
                for (Variant v : Variant.values()) {
                    if (v != Variant.RACY && (s[0] == 2 && s[1] == 1 || spins == 0)) {
                        continue;
                    }
                    var h = RealThreadRace.run(v, s[0], s[1], s[0] > 2 ? trials / 4 : trials, spins);
                    all.add(h);
                    out.print(h.render());
                    md.append(h.render());
                }
            }
        }
        md.append("```\n");
        out.println();
        out.print(raceVerdict(all));

        DemoArgs.heading(out, "Recorded histories, checked for linearizability (상태 일관성)");
        // Small enough that checking a racy (non-linearizable) history takes about a second: the
        // checker's search grows fast with the number of overlapping operations, and the tour must
        // never sit silent. The histograms above already ran the race at full size.
        int increments = a.quick() ? 2_000 : 10_000;
        for (Variant v : new Variant[] {Variant.RACY, Variant.ATOMIC}) {
            History h = RecordedCounter.record(v, 2, increments, 20);
            out.printf("%s: checking %d recorded operations ...%n", v, h.operations().size());
            out.flush();
            long started = System.nanoTime();
            CheckResult r = LinearizabilityChecker.create().check(h, Models.counter(0));
            long micros = (System.nanoTime() - started) / 1000;
            out.printf("%s: 2 threads x %d increments, final read %d; checked in %d ms%n", v, increments,
                    RecordedCounter.finalRead(h), micros / 1000);
            out.print(r.render(3));
            if (v == Variant.RACY && RecordedCounter.finalRead(h) == 2L * increments) {
                out.println("(this racy run happened to lose nothing, so its history is linearizable: run again, or raise the count)");
            }
        }
        for (boolean atomic : new boolean[] {true, false}) {
            History h = dev.dbinternals.ch08.concurrency.race.RecordedCasRegister.record(atomic, 3, a.quick() ? 3_000 : 20_000, a.seed());
            out.printf("%nCAS register, 3 threads, random read / write / cas, %s:%n",
                    atomic ? "AtomicLong.compareAndSet" : "check-then-act 'cas' (get, then set)");
            out.print(LinearizabilityChecker.create().check(h, Models.casRegister(0L)).render(3));
        }
        DemoSupport.write(a.out(), "histograms.md", md.toString(), out);
    }
}
