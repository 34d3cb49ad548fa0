package dev.dbinternals.ch08.cascading;

import dev.dbinternals.ch08.harness.render.LineChart;
import dev.dbinternals.ch08.cascading.backoff.BackoffPolicy;
import dev.dbinternals.ch08.cascading.breaker.CircuitBreaker;
import dev.dbinternals.ch08.cascading.backoff.ExponentialBackoff;
import dev.dbinternals.ch08.cascading.backoff.FullJitter;
import dev.dbinternals.ch08.cascading.storm.RetryStorm;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

import dev.dbinternals.ch08.harness.demo.DemoArgs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Demo 6 — Cascading failures (계단식 장애): a retry storm. One server of three pauses for
 * 300 ms; clients that retry turn that blip into a cluster-wide collapse that outlives its
 * cause (amplification, 증폭); backoff and jitter do not prevent it here, a circuit breaker does.
 *
 * <p>Run: {@code ./ch08 demo cascading retry-storm [--quick]}.
 */
public final class Demo06RetryStorm {

    private Demo06RetryStorm() {
    }

    /** The strategies compared, in the order of the table. */
    public static List<RetryStorm.Strategy> strategies() {
        ExponentialBackoff exp = ExponentialBackoff.of(Duration.ofMillis(10), Duration.ofSeconds(1));
        CircuitBreaker.Config breaker = CircuitBreaker.Config.defaults().withWaitInOpen(Duration.ofMillis(500));
        return List.of(
                new RetryStorm.Strategy("no retries", 1, BackoffPolicy.immediate(), null),
                new RetryStorm.Strategy("immediate, 5 attempts", 5, BackoffPolicy.immediate(), null),
                new RetryStorm.Strategy("exponential backoff, 5", 5, exp, null),
                new RetryStorm.Strategy("full jitter, 5", 5, FullJitter.of(exp), null),
                new RetryStorm.Strategy("full jitter, 2", 2, FullJitter.of(exp), null),
                new RetryStorm.Strategy("full jitter, 5, budget 10%", 5, FullJitter.of(exp), null, 0.1),
                new RetryStorm.Strategy("full jitter, 5 + breaker", 5, FullJitter.of(exp), breaker));
    }

    public static void main(String[] args) {
        DemoArgs a = DemoArgs.forDemo("cascading-retry-storm",
                "one server pauses 300 ms; retries amplify it into a collapse; a retry budget or circuit breakers stop it",
                "서버 하나가 300 ms 멈춘다. 재시도가 이를 붕괴로 키우고, 재시도 예산이나 서킷 브레이커가 막는다").parse(args);
        Duration length = Duration.ofMillis(a.quick() ? 3000 : 6000);
        Duration pause = Duration.ofMillis(300);
        DemoArgs.heading(System.out, t("3 servers (1000/s each, queue 300), clients 600/s per server (60% load), timeout 50 ms",
                "서버 3대(각각 초당 1000개, 큐 300), 클라이언트는 서버당 초당 600개(부하 60%), 타임아웃 50 ms"));
        System.out.println(t("server-1 pauses for 300 ms at t = 1 s (a GC pause); a failed attempt is retried on the next server",
                "server-1이 t = 1 s에 300 ms 동안 멈춘다(GC 일시 정지). 실패한 시도는 다음 서버로 재시도한다"));
        Duration b = RetryStorm.BUCKET;
        int last = (int) (length.toNanos() / b.toNanos());
        Table t = new Table(t("strategy", "전략"), t("attempts/request", "시도/요청"), t("ok/s before", "이전 ok/s"),
                "ok/s 1.0-1.5 s", "ok/s 2-3 s", t("ok/s last 1 s", "마지막 1 s ok/s"), t("gave up", "포기"),
                t("failed fast", "즉시 실패"));
        List<RetryStorm.Strategy> strategies = strategies();
        LineChart chart = new LineChart(t("Goodput across the cluster (successful requests per second)",
                "클러스터 전체의 유효 처리량(초당 성공한 요청)"), t("time, s", "시간, s"), "ok/s");
        List<RetryStorm.Result> results = new java.util.ArrayList<>();
        for (RetryStorm.Strategy s : strategies) {
            RetryStorm.Result r = RetryStorm.run(a.seed(), s, pause, length);
            results.add(r);
            t.row(label(s.name()), String.format(Locale.ROOT, "%.2f", r.amplification()), f0(r.goodput(0, 10, b)),
                    f0(r.goodput(10, 15, b)), f0(r.goodput(20, 30, b)), f0(r.goodput(last - 10, last, b)), r.gaveUp(), r.shed());
            double[] x = new double[last];
            double[] y = new double[last];
            for (int i = 0; i < last; i++) {
                x[i] = i * b.toMillis() / 1000.0;
                y[i] = r.okPerBucket()[i] * 1e9 / b.toNanos();
            }
            chart.series(label(s.name()), x, y);
        }
        System.out.print(t);
        System.out.print(verdict(results, last, b));
        System.out.println(t("(Backoff and jitter do pay off where clients contend for the same thing: demo 'jitter'.)",
                "(클라이언트들이 같은 것을 두고 경쟁하는 곳에서는 백오프와 지터가 효과가 있다: 데모 'jitter'.)"));
        Path out = a.out();
        System.out.println();
        Path file = chart.write(out.resolve("retry-storm-goodput.svg"));
        System.out.println(t("wrote " + file + "  (goodput over time per strategy)",
                "썼다: " + file + "  (전략별, 시간에 따른 유효 처리량)"));
    }

    /** A strategy's name as the reader's language says it (the name itself stays English: it is data). */
    static String label(String name) {
        return switch (name) {
            case "no retries" -> t(name, "재시도 없음");
            case "immediate, 5 attempts" -> t(name, "즉시, 5번 시도");
            case "exponential backoff, 5" -> t(name, "지수 백오프, 5");
            case "full jitter, 5" -> t(name, "전체 지터, 5");
            case "full jitter, 2" -> t(name, "전체 지터, 2");
            case "full jitter, 5, budget 10%" -> t(name, "전체 지터, 5, 예산 10%");
            case "full jitter, 5 + breaker" -> t(name, "전체 지터, 5 + 브레이커");
            default -> name;
        };
    }

    /**
     * The narration after the table, from the runs. {@code results} are in {@link #strategies()}
     * order; {@code last} is the number of buckets in a run.
     */
    static String verdict(List<RetryStorm.Result> results, int last, Duration b) {
        StringBuilder sb = new StringBuilder();
        RetryStorm.Result none = results.get(0);
        double before = none.goodput(0, 10, b);
        sb.append(String.format(Locale.ROOT, t("Offered load is 1800/s, capacity 3000/s. Without retries the pause costs ~300 ms of one%n"
                + "server and the cluster serves %s ok/s in the last second (%s before the pause).%n",
                "제공 부하는 초당 1800개, 용량은 초당 3000개다. 재시도가 없으면 일시 정지는 서버 한 대의 약 300 ms를%n"
                + "잃을 뿐이고, 클러스터는 마지막 1초에 %s ok/s를 처리한다(일시 정지 전에는 %s).%n"),
                f0(none.goodput(last - 10, last, b)), f0(before)));
        java.util.List<String> collapsed = new java.util.ArrayList<>();
        java.util.List<String> recovered = new java.util.ArrayList<>();
        for (RetryStorm.Result r : results.subList(1, results.size())) {
            // "recovered": the last second is back within 10% of the retry-free run's last second
            (r.goodput(last - 10, last, b) >= 0.9 * none.goodput(last - 10, last, b) ? recovered : collapsed).add(label(r.strategy()));
        }
        if (!collapsed.isEmpty()) {
            sb.append(t("With retries, requests stuck behind the pause time out and go to the other servers, whose\n"
                    + "queues pass the 50 ms timeout; now *their* requests retry too. Every timed-out attempt was still\n"
                    + "served (the server cannot know the client left), so the servers work on answers nobody waits for.\n",
                    "재시도를 하면 일시 정지 뒤에 갇힌 요청이 타임아웃되어 다른 서버로 가고, 그 서버들의 큐 대기가\n"
                    + "50 ms 타임아웃을 넘어선다. 이제 *그 서버들의* 요청도 재시도한다. 타임아웃된 시도도 결국 모두\n"
                    + "처리되었으므로(서버는 클라이언트가 떠난 줄 모른다), 서버는 아무도 기다리지 않는 응답을 만든다.\n"));
            sb.append(t("Still collapsed in the last second of the run (below 90% of the no-retry goodput):\n  ",
                    "실행의 마지막 1초에도 무너져 있던 전략(재시도 없을 때 유효 처리량의 90% 미만):\n  "))
                    .append(String.join("; ", collapsed)).append(".\n");
            sb.append(t("A failure that outlasts its cause is called metastable. Backoff and jitter space retries out but\n"
                    + "do not reduce how many there are; in an open system (users keep arriving) the amplification is\n"
                    + "what matters.\n",
                    "원인이 사라진 뒤에도 이어지는 장애를 준안정(metastable) 장애라고 한다. 백오프와 지터는 재시도의\n"
                    + "간격을 벌릴 뿐 횟수를 줄이지 않는다. 열린 시스템(사용자가 계속 도착한다)에서 중요한 것은\n"
                    + "증폭이다.\n"));
        }
        sb.append(t("Recovered by the last second:\n  ", "마지막 1초까지 회복한 전략:\n  "))
                .append(recovered.isEmpty() ? t("none", "없음") : String.join("; ", recovered)).append(".\n");
        sb.append(t("A retry budget (retries may add at most 10% to the requests) and circuit breakers (stop sending to\n"
                + "servers that fail, shed requests when all are open) are the two caps on amplification tried here.\n",
                "재시도 예산(재시도는 요청에 최대 10%만 더할 수 있다)과 서킷 브레이커(실패하는 서버에는 보내지 않고,\n"
                + "모두 열리면 요청을 버린다)가 여기서 시험한, 증폭을 막는 두 가지 상한이다.\n"));
        return sb.toString();
    }

    private static String f0(double v) {
        return String.format(Locale.ROOT, "%.0f", v);
    }
}
