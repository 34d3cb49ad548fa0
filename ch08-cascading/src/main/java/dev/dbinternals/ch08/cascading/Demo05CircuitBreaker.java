package dev.dbinternals.ch08.cascading;

import dev.dbinternals.ch08.harness.render.LineChart;
import dev.dbinternals.ch08.cascading.breaker.BreakerExperiment;
import dev.dbinternals.ch08.cascading.breaker.CircuitBreaker;
import dev.dbinternals.ch08.cascading.breaker.Frontend;
import dev.dbinternals.ch08.cascading.processing.LatencyStats;

import static dev.dbinternals.ch08.cascading.processing.LatencyStats.ms;
import static dev.dbinternals.ch08.harness.lang.Lang.t;

import dev.dbinternals.ch08.harness.demo.DemoArgs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * Demo 5 — Cascading failures (계단식 장애): a dependency dies; without a circuit breaker the
 * front end's workers wait on it until the front end fails for every request, with one the
 * requests that need it are shed at once and the rest are served as before.
 *
 * <p>Run: {@code ./ch08 demo cascading breaker [--quick]}.
 */
public final class Demo05CircuitBreaker {

    private Demo05CircuitBreaker() {
    }

    /** The breaker the demo uses. */
    public static CircuitBreaker.Config demoBreaker() {
        return CircuitBreaker.Config.defaults().withFailureRateThreshold(0.5).withWindowSize(20).withMinimumCalls(10)
                .withWaitInOpen(Duration.ofMillis(500)).withTrialCalls(3);
    }

    public static void main(String[] args) {
        DemoArgs a = DemoArgs.forDemo("cascading-breaker",
                "a dependency crashes: front end without vs with a circuit breaker",
                "의존 서비스가 충돌한다: 서킷 브레이커가 없는 프런트엔드와 있는 프런트엔드").parse(args);
        Duration crash = Duration.ofMillis(1000);
        Duration restart = Duration.ofMillis(a.quick() ? 2000 : 3000);
        Duration length = Duration.ofMillis(a.quick() ? 3000 : 5000);
        DemoArgs.heading(System.out, t("users -> front end (8 workers, queue 200) -> dependency; 300 req/s, half need the dependency",
                "사용자 -> 프런트엔드(워커 8개, 큐 200) -> 의존 서비스. 초당 300개 요청, 그 절반이 의존 서비스를 쓴다"));
        System.out.printf(t("the dependency crashes at %d ms and restarts at %d ms; the front end times out calls after 100 ms%n",
                        "의존 서비스는 %d ms에 충돌하고 %d ms에 재시작한다. 프런트엔드는 100 ms가 지난 호출을 타임아웃 처리한다%n"),
                crash.toMillis(), restart.toMillis());
        BreakerExperiment.Result without = BreakerExperiment.run(a.seed(), null, crash, restart, length);
        BreakerExperiment.Result with = BreakerExperiment.run(a.seed(), demoBreaker(), crash, restart, length);
        Table t = new Table("", t("local served", "로컬 처리"), t("local refused", "로컬 거부"), t("local p50 ms", "로컬 p50 ms"),
                t("local p99 ms", "로컬 p99 ms"), t("dependency ok", "의존 성공"), t("timed out", "타임아웃"),
                t("failed fast", "즉시 실패"), t("max queue", "최대 큐"));
        row(t, t("no breaker", "브레이커 없음"), without.frontend());
        row(t, t("circuit breaker", "서킷 브레이커"), with.frontend());
        System.out.print(t);
        System.out.print(cascadeVerdict(without.frontend(), with.frontend()));
        DemoArgs.heading(System.out, t("The breaker's transitions (ObservableCircuitBreaker's listener, simulated time)",
                "브레이커의 상태 전이(ObservableCircuitBreaker의 리스너, 시뮬레이션 시간)"));
        with.transitions().forEach(System.out::println);
        System.out.print(transitionsVerdict(with.transitions()));

        Path out = a.out();
        double[] x = new double[without.queuePerBucket().length];
        double[] q0 = new double[x.length];
        double[] q1 = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = i * 100;
            q0[i] = without.queuePerBucket()[i];
            q1[i] = with.queuePerBucket()[i];
        }
        Path chart = new LineChart(t("Front-end queue while the dependency is down", "의존 서비스가 죽어 있는 동안의 프런트엔드 큐"),
                t("time, ms", "시간, ms"), t("longest queue in 100 ms", "100 ms 동안 가장 긴 큐"))
                .series(t("no breaker", "브레이커 없음"), x, q0).series(t("circuit breaker", "서킷 브레이커"), x, q1)
                .write(out.resolve("breaker-queue.svg"));
        System.out.println();
        System.out.println(t("wrote " + chart + "  (front-end queue length over time, with and without the breaker)",
                "썼다: " + chart + "  (시간에 따른 프런트엔드 큐 길이, 브레이커가 없을 때와 있을 때)"));
    }

    /** The narration after the table, from the two runs' numbers. */
    static String cascadeVerdict(Frontend without, Frontend with) {
        StringBuilder sb = new StringBuilder();
        long p99Without = without.localLatency().percentileNanos(99);
        long p99With = with.localLatency().percentileNanos(99);
        sb.append(t("'local' requests never needed the dependency. Every dependency call holds a worker until it\n",
                "'로컬' 요청은 의존 서비스가 전혀 필요 없다. 의존 서비스 호출은 응답이 오거나 100 ms 타임아웃이\n"));
        sb.append(t("answers or the 100 ms timeout: with the dependency down, the 8 workers finish at most 80 such calls/s\n",
                "될 때까지 워커 하나를 잡는다. 의존 서비스가 죽으면 워커 8개는 그런 호출을 초당 최대 80개 끝내는데,\n"));
        sb.append(t("while 150/s arrive.", "도착은 초당 150개다."));
        if (p99Without > 2 * p99With || without.localRejected() > with.localRejected()) {
            sb.append(String.format(Locale.ROOT, t(" Without a breaker the queue reached %d, local p99 was %s ms and %d local%n"
                            + "requests were refused: the dependency's failure cascaded to the front end (and its users).%n",
                    " 브레이커가 없으면 큐가 %d까지 찼고, 로컬 p99는 %s ms, 로컬 요청 %d개가%n"
                            + "거부되었다. 의존 서비스의 장애가 프런트엔드(와 그 사용자)로 번졌다.%n"),
                    without.maxQueue(), ms(p99Without), without.localRejected()));
        } else {
            sb.append(String.format(Locale.ROOT, t(" Yet in this run local requests fared no worse without a breaker (p99 %s ms"
                    + " vs %s ms).%n", " 그런데 이 실행에서는 브레이커가 없어도 로컬 요청이 더 나빠지지 않았다(p99 %s ms"
                    + " 대 %s ms).%n"), ms(p99Without), ms(p99With)));
        }
        if (with.fastFailed() > 0) {
            sb.append(String.format(Locale.ROOT, t("With the breaker, %d dependency calls timed out in all (%d without): the first ones opened it,%n"
                            + "and %d calls failed fast instead (a fallback answer). The workers stayed free for local%n"
                            + "requests: max queue %d, local p99 %s ms, %d refused.%n",
                    "브레이커가 있으면 의존 서비스 호출 중 모두 %d개가 타임아웃되었다(없을 때 %d개). 처음 것들이 브레이커를 열었고,%n"
                            + "그 뒤 %d개 호출은 대신 즉시 실패했다(대체 응답). 워커는 로컬 요청을 위해 비어 있었다:%n"
                            + "최대 큐 %d, 로컬 p99 %s ms, 거부 %d개.%n"),
                    with.timedOut(), without.timedOut(), with.fastFailed(), with.maxQueue(), ms(p99With), with.localRejected()));
        } else {
            sb.append(t("The breaker never opened in this run.\n", "이 실행에서 브레이커는 한 번도 열리지 않았다.\n"));
        }
        return sb.toString();
    }

    /** The narration after the transitions, from the transitions the listener recorded. */
    static String transitionsVerdict(java.util.List<String> transitions) {
        long reopened = transitions.stream().filter(t -> t.endsWith("HALF_OPEN -> OPEN")).count();
        boolean closed = !transitions.isEmpty() && transitions.get(transitions.size() - 1).endsWith("HALF_OPEN -> CLOSED");
        StringBuilder sb = new StringBuilder(t("OPEN -> HALF_OPEN after the 500 ms wait; ",
                "500 ms를 기다린 뒤 OPEN(열림) -> HALF_OPEN(반열림). "));
        sb.append(reopened > 0 ? t("a trial call failed " + reopened + (reopened == 1 ? " time" : " times")
                + "\nwhile the dependency was down (back to OPEN)",
                "의존 서비스가 죽어 있는 동안 시험 호출이 " + reopened + "번\n실패했다(다시 OPEN)")
                : t("no trial call failed", "실패한 시험 호출은 없었다"));
        sb.append(closed ? t("; after the restart, three trial successes closed it.\n",
                ". 재시작 뒤 시험 호출 세 번이 성공해 브레이커가 닫혔다(CLOSED).\n")
                : t("; it had not closed again when the run ended.\n", ". 실행이 끝날 때까지 다시 닫히지 않았다.\n"));
        return sb.toString();
    }

    private static void row(Table t, String name, Frontend f) {
        t.row(name, f.localServed(), f.localRejected(), ms(f.localLatency().percentileNanos(50)),
                ms(f.localLatency().percentileNanos(99)), f.dependencyServed(), f.timedOut(), f.fastFailed(), f.maxQueue());
    }
}
