package dev.dbinternals.ch08.cascading;

import dev.dbinternals.ch08.cascading.processing.FanOut;

import dev.dbinternals.ch08.harness.demo.DemoArgs;
import dev.dbinternals.ch08.harness.demo.Diagrams;
import dev.dbinternals.ch08.harness.sim.Trace;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Demo 3 — Processing (프로세싱): a parallel job runs at the speed of its slowest node, and a
 * coordinator that plans by measured speed gets most of the time back.
 *
 * <p>Run: {@code ./ch08 demo cascading slowest [--quick]}.
 */
public final class Demo03SlowestNode {

    private Demo03SlowestNode() {
    }

    public static void main(String[] args) {
        DemoArgs a = DemoArgs.forDemo("cascading-slowest",
                "fan-out to four workers, one of them 4x slower: equal split vs speed-aware split").parse(args);
        Duration item = Duration.ofMillis(1);
        int items = 400;
        DemoArgs.heading(System.out, "1. Four equal workers, 400 items of 1 ms each, split equally");
        JobLine.print(FanOut.run(a.seed(), new double[] {1, 1, 1, 1}, items, 1, false, item));
        DemoArgs.heading(System.out, "2. The same, but worker-4 is 4x slower (sim.setSlowness(worker-4, 4))");
        List<FanOut.JobResult> slow = FanOut.run(a.seed(), new double[] {1, 1, 1, 4}, items, 1, false, item);
        JobLine.print(slow);
        long[] done = slow.get(0).finishedNanos();
        long fastest = Arrays.stream(done).min().orElse(0);
        long slowestDone = Arrays.stream(done).max().orElse(0);
        System.out.printf(Locale.ROOT, "The other workers sit idle for %.0f-%.0f ms: the job takes as long as its slowest part.%n",
                (slowestDone - Arrays.stream(done).filter(d -> d < slowestDone).max().orElse(slowestDone)) / 1e6,
                (slowestDone - fastest) / 1e6);
        DemoArgs.heading(System.out, "3. The coordinator measures each worker's rate in job 0 and splits job 1 by it");
        JobLine.print(FanOut.run(a.seed(), new double[] {1, 1, 1, 4}, items, 2, true, item));
        System.out.println("Ideal with rates 1:1:1:0.25 is 400 / 3.25 = 123 ms (+ 2 ms network). Planning by measured");
        System.out.println("capacity is the coordination the book recommends against hotspots (핫스팟), see demo 'hotspots'.");
        DemoArgs.heading(System.out, "A small job to look at: 8 items, worker-4 4x slower (messages only)");
        Diagrams.write(a.out(), "fan-out-slowest", "Fan-out of 8 items to 4 workers; worker-4 is 4x slower",
                FanOut.simulate(a.seed(), new double[] {1, 1, 1, 4}, 8, 1, false, item).trace(), Trace.messagesOnly());
    }

    /** Prints one job per line. */
    static final class JobLine {
        static void print(List<FanOut.JobResult> results) {
            for (FanOut.JobResult r : results) {
                StringBuilder sb = new StringBuilder();
                for (long f : r.finishedNanos()) {
                    sb.append(String.format(Locale.ROOT, "%6.1f", f / 1e6));
                }
                System.out.printf(Locale.ROOT, "job %d: parts %s, workers done at [%s ] ms -> job done at %.1f ms%n",
                        r.job(), Arrays.toString(r.parts()), sb, r.completionNanos() / 1e6);
            }
        }
    }
}
