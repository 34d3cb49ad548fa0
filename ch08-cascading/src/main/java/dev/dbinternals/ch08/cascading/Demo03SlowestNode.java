package dev.dbinternals.ch08.cascading;

import dev.dbinternals.ch08.cascading.processing.FanOut;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

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
                "fan-out to four workers, one of them 4x slower: equal split vs speed-aware split",
                "워커 넷에 팬아웃, 그중 하나는 4배 느리다: 똑같이 나누기와 속도를 아는 나누기").parse(args);
        Duration item = Duration.ofMillis(1);
        int items = 400;
        DemoArgs.heading(System.out, t("1. Four equal workers, 400 items of 1 ms each, split equally",
                "1. 같은 워커 넷, 1 ms짜리 항목 400개를 똑같이 나눈다"));
        JobLine.print(FanOut.run(a.seed(), new double[] {1, 1, 1, 1}, items, 1, false, item));
        DemoArgs.heading(System.out, t("2. The same, but worker-4 is 4x slower (sim.setSlowness(worker-4, 4))",
                "2. 같은 작업, 다만 worker-4가 4배 느리다(sim.setSlowness(worker-4, 4))"));
        List<FanOut.JobResult> slow = FanOut.run(a.seed(), new double[] {1, 1, 1, 4}, items, 1, false, item);
        JobLine.print(slow);
        long[] done = slow.get(0).finishedNanos();
        long fastest = Arrays.stream(done).min().orElse(0);
        long slowestDone = Arrays.stream(done).max().orElse(0);
        System.out.printf(Locale.ROOT, t("The other workers sit idle for %.0f-%.0f ms: the job takes as long as its slowest part.%n",
                        "나머지 워커는 %.0f-%.0f ms 동안 논다. 작업은 가장 느린 부분만큼 걸린다.%n"),
                (slowestDone - Arrays.stream(done).filter(d -> d < slowestDone).max().orElse(slowestDone)) / 1e6,
                (slowestDone - fastest) / 1e6);
        DemoArgs.heading(System.out, t("3. The coordinator measures each worker's rate in job 0 and splits job 1 by it",
                "3. 코디네이터가 작업 0에서 워커마다 속도를 재고, 그에 맞춰 작업 1을 나눈다"));
        JobLine.print(FanOut.run(a.seed(), new double[] {1, 1, 1, 4}, items, 2, true, item));
        System.out.println(t("Ideal with rates 1:1:1:0.25 is 400 / 3.25 = 123 ms (+ 2 ms network). Planning by measured",
                "속도가 1:1:1:0.25일 때 이상적인 값은 400 / 3.25 = 123 ms(+ 네트워크 2 ms)다. 잰 용량으로 계획하는 것이"));
        System.out.println(t("capacity is the coordination the book recommends against hotspots (핫스팟), see demo 'hotspots'.",
                "책이 핫스팟(hotspot)에 맞서 권하는 조율이다. 데모 'hotspots' 참고."));
        DemoArgs.heading(System.out, t("A small job to look at: 8 items, worker-4 4x slower (messages only)",
                "들여다볼 작은 작업: 항목 8개, worker-4는 4배 느림(메시지만)"));
        Diagrams.write(a.out(), "fan-out-slowest", t("Fan-out of 8 items to 4 workers; worker-4 is 4x slower",
                        "항목 8개를 워커 4개에 팬아웃. worker-4는 4배 느리다"),
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
                System.out.printf(Locale.ROOT, t("job %d: parts %s, workers done at [%s ] ms -> job done at %.1f ms%n",
                                "작업 %d: 몫 %s, 워커 완료 [%s ] ms -> 작업 완료 %.1f ms%n"),
                        r.job(), Arrays.toString(r.parts()), sb, r.completionNanos() / 1e6);
            }
        }
    }
}
