package dev.dbinternals.ch08.cascading;

import dev.dbinternals.ch08.harness.render.LineChart;
import dev.dbinternals.ch08.cascading.processing.Burst;
import dev.dbinternals.ch08.cascading.processing.LatencyStats;
import dev.dbinternals.ch08.cascading.processing.LoadGenerator;
import dev.dbinternals.ch08.cascading.processing.QueueExperiment;
import dev.dbinternals.ch08.cascading.processing.QueueSizing;
import dev.dbinternals.ch08.cascading.processing.ServerNode;

import static dev.dbinternals.ch08.cascading.Demo01QueuesAndBackpressure.f0;
import static dev.dbinternals.ch08.cascading.processing.LatencyStats.ms;
import static dev.dbinternals.ch08.harness.lang.Lang.t;

import dev.dbinternals.ch08.harness.demo.DemoArgs;
import java.time.Duration;
import java.util.Locale;

/**
 * Demo 2 — Processing (프로세싱): why processes keep local queues anyway, and how to size one.
 * A queue absorbs a temporary spike (일시적 급증 부하) and the randomness of arrivals that
 * failing fast would have rejected; Little's law (L = λW) and the service time size it.
 *
 * <p>Run: {@code ./ch08 demo cascading bursts [--quick]}.
 */
public final class Demo02BurstsAndQueueSizing {

    private Demo02BurstsAndQueueSizing() {
    }

    /**
     * What section 1 measured, from this run's numbers: how many the fail-fast server refused,
     * and whether the queue sized for the burst (row {@code sized}) absorbed it.
     */
    static String burstVerdict(int[] caps, QueueExperiment.Result[] rs, int sized) {
        QueueExperiment.Result failFast = rs[0];
        QueueExperiment.Result q = rs[sized];
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, t(
                "Failing fast (capacity 0) refused %.1f%% of the requests at 70%% load: Poisson arrivals clump, and%n"
                        + "every request arriving while the worker is busy is lost. ",
                "즉시 실패(용량 0)는 부하 70%%에서 요청의 %.1f%%를 거부했다. 포아송 도착은 몰려서 오고,%n"
                        + "워커가 바쁠 때 도착한 요청은 모두 잃는다. "),
                100 * failFast.rejectedFraction()));
        if (q.rejected() == 0) {
            sb.append(String.format(Locale.ROOT, t(
                    "The queue sized from the burst (%d) absorbed%nit: nothing rejected, and the price was latency during the burst: p99 %s ms,"
                            + " p50 %s ms.%n",
                    "버스트에 맞춰 크기를 정한 큐(%d)는 버스트를%n흡수했다. 거부는 없었고, 대가는 버스트 동안의 레이턴시였다: p99 %s ms,"
                            + " p50 %s ms.%n"),
                    caps[sized], ms(q.p99()), ms(q.p50())));
        } else {
            sb.append(String.format(Locale.ROOT, t(
                    "The queue sized from the burst (%d) still%nrejected %d (%.1f%%): Poisson clumps on top of the burst "
                            + "needed more room in this run; p99 %s ms, p50 %s ms.%n",
                    "버스트에 맞춰 크기를 정한 큐(%d)도%n%d개(%.1f%%)를 거부했다. 이 실행에서는 버스트 위에 포아송 뭉침이 겹쳐 "
                            + "자리가 더 필요했다. p99 %s ms, p50 %s ms.%n"),
                    caps[sized], q.rejected(), 100 * q.rejectedFraction(), ms(q.p99()), ms(q.p50())));
        }
        return sb.toString();
    }

    /** What section 2 measured: λ·W against the time-averaged L, and W against the M/D/1 formula. */
    static String littleVerdict(double[] lw, double[] l, double[] loads, double[] measuredMs, double[] formulaMs) {
        double worst = 0;
        for (int i = 0; i < lw.length; i++) {
            worst = Math.max(worst, Math.abs(lw[i] - l[i]) / Math.max(1e-12, l[i]));
        }
        int last = loads.length - 1;
        return String.format(Locale.ROOT, t(
                "λ·W and the time-averaged number inside, measured independently, differ by at most %.2f%%%n"
                        + "in these rows: that is Little's law. Waiting grows as 1 / (1 - ρ): at %s/s a 1 ms job spent%n"
                        + "%.2f ms inside (the M/D/1 formula says %.2f ms).%n",
                "따로따로 잰 λ·W와 서버 안 요청 수의 시간 평균은 이 행들에서 최대 %.2f%% 차이 난다.%n"
                        + "이것이 리틀의 법칙이다. 대기는 1 / (1 - ρ)처럼 늘어난다: 초당 %s개일 때 1 ms짜리 작업이%n"
                        + "서버 안에서 %.2f ms를 보냈다(M/D/1 공식으로는 %.2f ms).%n"),
                100 * worst, Demo01QueuesAndBackpressure.f0(loads[last]), measuredMs[last], formulaMs[last]);
    }

    public static void main(String[] args) {
        DemoArgs a = DemoArgs.forDemo("cascading-bursts",
                "a queue absorbs a burst that failing fast would reject; Little's law sizes the queue",
                "즉시 실패라면 거부했을 버스트를 큐가 흡수한다. 리틀의 법칙으로 큐 크기를 정한다").parse(args);
        Duration service = Duration.ofMillis(1);
        Duration run = a.quick() ? Duration.ofMillis(1000) : Duration.ofSeconds(3);
        double rate = 700;
        Burst burst = new Burst(Duration.ofMillis(400), Duration.ofMillis(500), 3);

        DemoArgs.heading(System.out, t("1. Poisson arrivals at 700/s (70% of the server), with a burst of 3x from 400 to 500 ms",
                "1. 초당 700개 포아송 도착(서버의 70%), 400~500 ms에 3배 버스트"));
        long needed = QueueSizing.burstCapacity(rate * burst.multiplier(), service, Duration.ofMillis(100));
        System.out.println(t("calculator: a 100 ms burst at 2100/s into a 1000/s server piles up (2100 - 1000) x 0.1 s = "
                + needed + " requests",
                "계산: 초당 1000개 서버에 초당 2100개로 100 ms 동안 버스트가 오면 (2100 - 1000) x 0.1 s = "
                + needed + "개 요청이 쌓인다"));
        Table t = new Table(t("queue capacity", "큐 용량"), t("sent", "전송"), t("rejected", "거부"), t("rejected %", "거부 %"),
                "p50 ms", "p99 ms", t("max ms", "최대 ms"), t("max queue", "최대 큐"));
        int[] caps = {0, 10, 50, (int) needed + 30, 1000};
        QueueExperiment.Result[] rs = new QueueExperiment.Result[caps.length];
        for (int i = 0; i < caps.length; i++) {
            int cap = caps[i];
            QueueExperiment.Result r = QueueExperiment.run(a.seed(), new ServerNode.Config(cap, service),
                    s -> LoadGenerator.Config.openLoop(s, rate, run).withPoisson(true).withBursts(burst),
                    Duration.ofSeconds(5));
            rs[i] = r;
            t.row(cap == 0 ? t("0 (fail fast)", "0 (즉시 실패)") : cap, r.sent(), r.rejected(),
                    String.format(Locale.ROOT, "%.1f", 100 * r.rejectedFraction()), ms(r.p50()), ms(r.p99()), ms(r.max()),
                    r.server().maxInSystem());
        }
        System.out.print(t);
        System.out.print(burstVerdict(caps, rs, 3));
        System.out.println(t("The three reasons for local queues, as in the book: decoupling (분리) -- the server's",
                "책이 드는 로컬 큐의 세 가지 이유: 분리(decoupling) -- 서버의"));
        System.out.println(t("onMessage only enqueues, its worker serves on its own timer; pipelining (파이프라이닝) --",
                "onMessage는 큐에 넣기만 하고 워커는 자기 타이머로 처리한다. 파이프라이닝(pipelining) --"));
        System.out.println(t("receiving the next request never waits for the previous one to finish; and absorbing",
                "다음 요청을 받는 일이 앞 요청이 끝나기를 기다리지 않는다. 그리고 버스트 흡수 --"));
        System.out.println(t("bursts -- better than answering 'failed, retry' (which would add load, see the retry demo).",
                "'실패했으니 재시도하라'고 답하는 것보다 낫다(그 답은 부하를 더한다. 재시도 데모 참고)."));

        DemoArgs.heading(System.out, t("2. Little's law (리틀의 법칙) on the simulator: L = λ·W, measured three ways",
                "2. 시뮬레이터에서 본 리틀의 법칙(Little's law): L = λ·W, 세 가지로 재기"));
        Table l = new Table(t("offered/s", "제공 부하/s"), "ρ", t("λ measured/s", "잰 λ/s"), t("W measured ms", "잰 W ms"), "λ·W",
                t("L measured (time average)", "잰 L(시간 평균)"), t("W from M/D/1 formula ms", "M/D/1 공식의 W ms"));
        double[] loads = {300, 500, 700, 800, 900};
        double[] rhos = new double[loads.length];
        double[] measured = new double[loads.length];
        double[] formula = new double[loads.length];
        double[] lws = new double[loads.length];
        double[] ls = new double[loads.length];
        for (int i = 0; i < loads.length; i++) {
            double load = loads[i];
            QueueExperiment.Result r = QueueExperiment.run(a.seed(), new ServerNode.Config(ServerNode.UNBOUNDED, service),
                    s -> LoadGenerator.Config.openLoop(s, load, run).withPoisson(true), Duration.ofSeconds(5));
            ServerNode.Stats st = r.server();
            double w = st.meanResidenceNanos();
            l.row(f0(load), String.format(Locale.ROOT, "%.2f", QueueSizing.utilization(load, service)),
                    f0(st.arrivalRatePerSecond()), String.format(Locale.ROOT, "%.3f", w / 1e6),
                    String.format(Locale.ROOT, "%.3f", st.arrivalRatePerSecond() * w / 1e9),
                    String.format(Locale.ROOT, "%.3f", st.averageInSystem()),
                    String.format(Locale.ROOT, "%.3f", QueueSizing.md1TimeInSystem(load, service).toNanos() / 1e6));
            rhos[i] = QueueSizing.utilization(load, service);
            measured[i] = w / 1e6;
            formula[i] = QueueSizing.md1TimeInSystem(load, service).toNanos() / 1e6;
            lws[i] = st.arrivalRatePerSecond() * w / 1e9;
            ls[i] = st.averageInSystem();
        }
        System.out.print(l);
        System.out.print(littleVerdict(lws, ls, loads, measured, formula));

        DemoArgs.heading(System.out, t("3. Sizing a queue for a latency budget", "3. 레이턴시 예산에 맞춰 큐 크기 정하기"));
        Duration budget = Duration.ofMillis(20);
        int cap = QueueSizing.capacityForLatencyBudget(service, budget);
        System.out.println(t("budget 20 ms inside the server, service 1 ms -> capacity floor((20 - 1) / 1) = " + cap,
                "서버 안 예산 20 ms, 서비스 1 ms -> 용량 floor((20 - 1) / 1) = " + cap));
        QueueExperiment.Result r = QueueExperiment.run(a.seed(), new ServerNode.Config(cap, service),
                s -> LoadGenerator.Config.openLoop(s, 1500, run).withPoisson(true), Duration.ofSeconds(5));
        System.out.printf(Locale.ROOT, t("at 150%% load with capacity %d: served %s/s, rejected %.0f%%, max latency %s ms "
                        + "(20 ms budget + 2 ms network)%n",
                "부하 150%%, 용량 %d: 처리 %s/s, 거부 %.0f%%, 최대 레이턴시 %s ms "
                        + "(예산 20 ms + 네트워크 2 ms)%n"), cap, f0(r.throughputPerSecond()), 100 * r.rejectedFraction(),
                ms(r.max()));
        long limit = budget.plus(Duration.ofMillis(2)).toNanos();
        System.out.println(r.max() <= limit
                ? t("The overload is refused at once instead of waiting: latency stayed inside the budget and the",
                        "과부하는 기다리게 하지 않고 곧바로 거부된다. 레이턴시는 예산 안에 머물렀고,")
                : t("Latency went past the budget plus the network (" + ms(r.max()) + " ms > " + ms(limit) + " ms); still, the",
                        "레이턴시가 예산과 네트워크를 더한 값을 넘었다(" + ms(r.max()) + " ms > " + ms(limit) + " ms). 그래도"));
        System.out.println(t("producer hears 'full' within a round trip, which is what backpressure needs.",
                "생산자는 왕복 한 번 안에 '가득 참'을 듣는다. 백프레셔에 필요한 것이 바로 이것이다."));
        System.out.println();
        java.nio.file.Path chart = new LineChart(t("Time inside the server vs utilisation (service 1 ms, Poisson arrivals)",
                "이용률에 따른 서버 안 체류 시간(서비스 1 ms, 포아송 도착)"),
                t("utilisation ρ = λ·S", "이용률 ρ = λ·S"), "W, ms").series(t("measured on the simulator", "시뮬레이터에서 잰 값"), rhos, measured)
                .series(t("M/D/1 formula S + ρS / 2(1 - ρ)", "M/D/1 공식 S + ρS / 2(1 - ρ)"), rhos, formula)
                .write(a.out().resolve("waiting-vs-utilisation.svg"));
        System.out.println(t("wrote " + chart + "  (W vs ρ: measured and the formula; the knee is why queues need slack)",
                "썼다: " + chart + "  (ρ에 따른 W: 측정값과 공식. 곡선이 꺾여 치솟는 무릎 때문에 큐에는 여유가 필요하다)"));
    }
}
