package dev.dbinternals.ch08.cascading;

import dev.dbinternals.ch08.harness.render.LineChart;
import dev.dbinternals.ch08.cascading.backoff.BackoffPolicy;
import dev.dbinternals.ch08.cascading.backoff.Contention;
import dev.dbinternals.ch08.cascading.backoff.DecorrelatedJitter;
import dev.dbinternals.ch08.cascading.backoff.EqualJitter;
import dev.dbinternals.ch08.cascading.backoff.ExponentialBackoff;
import dev.dbinternals.ch08.cascading.backoff.FullJitter;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

import dev.dbinternals.ch08.harness.demo.DemoArgs;
import dev.dbinternals.ch08.harness.demo.Diagrams;
import dev.dbinternals.ch08.harness.sim.Trace;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Demo 4 — Cascading failures (계단식 장애): backoff (백오프) and jitter (지터). N clients start
 * together and contend for one compare-and-set record; each policy's total calls (work) and
 * completion time, measured in simulated time, averaged over seeds.
 *
 * <p>Run: {@code ./ch08 demo cascading jitter [--quick]}.
 */
public final class Demo04Jitter {

    private Demo04Jitter() {
    }

    /** The four policies of the demo, with the settings it uses. */
    public static List<BackoffPolicy> policies() {
        ExponentialBackoff exp = ExponentialBackoff.of(Duration.ofMillis(1), Duration.ofSeconds(1));
        return List.of(exp, FullJitter.of(exp), EqualJitter.of(exp),
                DecorrelatedJitter.of(Duration.ofMillis(1), Duration.ofSeconds(1)));
    }

    /**
     * The narration after the table, from its numbers. Rows of {@code calls} and {@code time}
     * are the policies in {@link #policies()} order: none, full, equal, decorrelated.
     */
    static String verdict(int[] ns, double[][] calls, double[][] time) {
        StringBuilder sb = new StringBuilder();
        int last = ns.length - 1;
        boolean triangular = true;
        for (int i = 0; i < ns.length; i++) {
            triangular &= Math.round(calls[0][i]) == (long) ns[i] * (ns[i] + 1) / 2;
        }
        sb.append(t("Without jitter the clients that collided retry together again: one wins per round, so N clients\n",
                "지터가 없으면 부딪친 클라이언트들이 다시 함께 재시도한다. 한 라운드에 하나만 이기므로 클라이언트 N개는\n"));
        sb.append(triangular ? t("made N(N+1)/2 calls in every row", "모든 행에서 N(N+1)/2번 호출했고")
                : t("did not make N(N+1)/2 calls in every row (see the table)", "모든 행에서 N(N+1)/2번 호출하지는 않았고(표 참고)"));
        sb.append(String.format(Locale.ROOT, t(", and with the doubling delay the last of %d finished after %.1f s.%n",
                        ", 두 배씩 느는 지연 때문에 %d개 중 마지막 클라이언트는 %.1f s 뒤에 끝났다.%n"),
                ns[last], time[0][last] / 1000));
        double minJ = Double.MAX_VALUE;
        double maxJ = 0;
        double minT = Double.MAX_VALUE;
        double maxT = 0;
        for (int p = 1; p < calls.length; p++) {
            minJ = Math.min(minJ, calls[p][last] / ns[last]);
            maxJ = Math.max(maxJ, calls[p][last] / ns[last]);
            minT = Math.min(minT, time[p][last]);
            maxT = Math.max(maxT, time[p][last]);
        }
        sb.append(String.format(Locale.ROOT, t("With jitter the lockstep breaks: at N = %d, %.1f-%.1f calls per client (against %.1f) and%n"
                        + "completion in %.0f-%.0f ms (against %.0f ms).%n",
                "지터를 넣으면 발맞춤이 깨진다: N = %d에서 클라이언트당 호출 %.1f-%.1f번(지터 없이 %.1f번),%n"
                        + "완료 %.0f-%.0f ms(지터 없이 %.0f ms).%n"), ns[last], minJ, maxJ, calls[0][last] / ns[last],
                minT, maxT, time[0][last]));
        int equalCostlier = 0;
        for (int i = 0; i < ns.length; i++) {
            if (calls[2][i] >= calls[1][i] && time[2][i] >= time[1][i]) {
                equalCostlier++;
            }
        }
        sb.append(t("Full jitter spreads retries over the whole window; equal jitter keeps half the delay fixed (fewer\n",
                "전체 지터는 재시도를 창 전체에 흩뿌린다. 균등 지터는 지연의 절반을 고정한다(곧바로 하는\n"));
        sb.append(String.format(Locale.ROOT, t("instant retries; here it took at least as many calls and as long as full jitter in %d of %d rows);%n",
                        "재시도가 적다. 여기서는 %2$d행 중 %1$d행에서 호출 수와 시간이 모두 전체 지터 이상이었다).%n"),
                equalCostlier, ns.length));
        sb.append(String.format(Locale.ROOT, t("decorrelated jitter grows from each client's own last delay. At N = %d full jitter made %.0f calls%n"
                        + "in %.0f ms, decorrelated jitter %.0f calls in %.0f ms.%n",
                "상관 제거 지터는 클라이언트마다 자기 직전 지연에서 키워 간다. N = %d에서 전체 지터는 %.0f번 호출에%n"
                        + "%.0f ms, 상관 제거 지터는 %.0f번 호출에 %.0f ms가 걸렸다.%n"),
                ns[last], calls[1][last], time[1][last], calls[3][last], time[3][last]));
        return sb.toString();
    }

    public static void main(String[] args) {
        DemoArgs a = DemoArgs.forDemo("cascading-jitter",
                "N contending clients: no jitter vs full vs equal vs decorrelated jitter (calls and completion time)",
                "경쟁하는 클라이언트 N개: 지터 없음, 전체 지터, 균등 지터, 상관 제거 지터(호출 수와 완료 시간)").parse(args);
        int[] ns = a.quick() ? new int[] {5, 10, 25, 50} : new int[] {5, 10, 25, 50, 100};
        int seeds = a.quick() ? 3 : 10;
        Duration write = Duration.ofMillis(1);
        DemoArgs.heading(System.out, t("N clients write one record at once; a write holds it 1 ms; a conflict means back off and retry",
                "클라이언트 N개가 한 레코드에 동시에 쓴다. 쓰기 한 번이 레코드를 1 ms 동안 잡고, 쓰기가 충돌하면 물러났다가 재시도한다"));
        System.out.println(t("backoff: base 1 ms, doubling, cap 1 s; network 1 ms each way; mean of " + seeds + " seeds from "
                + a.seed(), "백오프: 기본 1 ms, 두 배씩, 상한 1 s. 네트워크는 편도 1 ms. 시드 " + a.seed() + "부터 "
                + seeds + "개의 평균"));
        Table t = new Table(t("clients", "클라이언트"), t("policy", "정책"), t("calls", "호출"), t("calls/client", "호출/클라이언트"),
                t("completion ms", "완료 ms"));
        List<BackoffPolicy> policies = policies();
        double[] x = new double[ns.length];
        double[][] calls = new double[policies.size()][ns.length];
        double[][] time = new double[policies.size()][ns.length];
        for (int i = 0; i < ns.length; i++) {
            x[i] = ns[i];
            for (int p = 0; p < policies.size(); p++) {
                double c = 0;
                double ms = 0;
                for (int s = 0; s < seeds; s++) {
                    Contention.Result r = Contention.run(a.seed() + s, policies.get(p), ns[i], write, Duration.ofHours(1));
                    c += r.calls();
                    ms += r.completionNanos() / 1e6;
                }
                calls[p][i] = c / seeds;
                time[p][i] = ms / seeds;
                t.row(ns[i], label(policies.get(p).name()), String.format(Locale.ROOT, "%.0f", calls[p][i]),
                        String.format(Locale.ROOT, "%.1f", calls[p][i] / ns[i]), String.format(Locale.ROOT, "%.0f", time[p][i]));
            }
        }
        System.out.print(t);
        System.out.print(verdict(ns, calls, time));

        Path out = a.out();
        DemoArgs.heading(System.out, t("Sequence diagrams: 4 clients, no jitter vs full jitter",
                "시퀀스 다이어그램: 클라이언트 4개, 지터 없음과 전체 지터"));
        dev.dbinternals.ch08.harness.sim.Simulation lock = Contention.traced(a.seed(), policies.get(0), 4, write, Duration.ofMinutes(1));
        Diagrams.write(out, "lockstep-no-jitter", t("4 clients, exponential backoff without jitter: they retry together",
                        "클라이언트 4개, 지터 없는 지수 백오프: 함께 재시도한다"),
                lock.trace(), Trace.messagesOnly());
        dev.dbinternals.ch08.harness.sim.Simulation spread = Contention.traced(a.seed(), policies.get(1), 4, write, Duration.ofMinutes(1));
        Diagrams.write(out, "full-jitter", t("4 clients, full jitter: retries spread out", "클라이언트 4개, 전체 지터: 재시도가 흩어진다"),
                spread.trace(), Trace.messagesOnly());
        System.out.println();
        LineChart cc = new LineChart(t("Total calls for N contending clients", "경쟁하는 클라이언트 N개의 총 호출 수"),
                t("clients", "클라이언트"), t("calls", "호출")).logY();
        LineChart tc = new LineChart(t("Time until every client succeeded", "모든 클라이언트가 성공하기까지 걸린 시간"),
                t("clients", "클라이언트"), t("completion, ms", "완료, ms")).logY();
        for (int p = 0; p < policies.size(); p++) {
            cc.series(label(policies.get(p).name()), x, calls[p]);
            tc.series(label(policies.get(p).name()), x, time[p]);
        }
        Path callsFile = cc.write(out.resolve("jitter-calls.svg"));
        System.out.println(t("wrote " + callsFile + "  (calls vs clients, per policy)",
                "썼다: " + callsFile + "  (정책별, 클라이언트 수에 따른 호출 수)"));
        Path timeFile = tc.write(out.resolve("jitter-completion.svg"));
        System.out.println(t("wrote " + timeFile + "  (completion time vs clients)",
                "썼다: " + timeFile + "  (클라이언트 수에 따른 완료 시간)"));
    }

    /** A policy's name as the reader's language says it (the name itself stays English: it is data). */
    static String label(String name) {
        return switch (name) {
            case "exponential (no jitter)" -> t(name, "지수 백오프(지터 없음)");
            case "full jitter" -> t(name, "전체 지터");
            case "equal jitter" -> t(name, "균등 지터");
            case "decorrelated jitter" -> t(name, "상관 제거 지터");
            case "immediate" -> t(name, "즉시");
            default -> name;
        };
    }
}
