package dev.dbinternals.ch08.cascading;

import dev.dbinternals.ch08.harness.render.LineChart;
import dev.dbinternals.ch08.cascading.processing.LatencyStats;
import dev.dbinternals.ch08.cascading.processing.LoadGenerator;
import dev.dbinternals.ch08.cascading.processing.QueueExperiment;
import dev.dbinternals.ch08.cascading.processing.QueueSizing;
import dev.dbinternals.ch08.cascading.processing.ServerNode;

import static dev.dbinternals.ch08.cascading.processing.LatencyStats.ms;
import static dev.dbinternals.ch08.harness.lang.Lang.t;

import dev.dbinternals.ch08.harness.demo.DemoArgs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Demo 1 — Processing (프로세싱): a producer twice as fast as its consumer, a sustained
 * overload. A bigger queue does not raise throughput: its extra room holds waiting requests, so
 * latency rises and the rejections come a little later (for a transient burst the same room
 * turns rejections into waiting: demo {@code bursts}). Backpressure (백프레셔) with a credit
 * window keeps both in check; Little's law predicts its latency, max(round trip, window ×
 * service time), and the demo prints the prediction beside the measurement.
 *
 * <p>Run: {@code ./ch08 demo cascading queues [--quick]}.
 */
public final class Demo01QueuesAndBackpressure {

    private Demo01QueuesAndBackpressure() {
    }

    public static void main(String[] args) {
        DemoArgs a = DemoArgs.forDemo("cascading-queues",
                "a producer twice as fast as the consumer: queue capacity vs throughput vs latency, then backpressure",
                "소비자보다 두 배 빠른 생산자: 큐 용량과 처리량, 레이턴시, 그리고 백프레셔").parse(args);
        Duration service = Duration.ofMillis(1);
        double rate = 2000;
        Duration run = a.quick() ? Duration.ofMillis(1000) : Duration.ofSeconds(2);
        ServerNode.Config one = new ServerNode.Config(10, service);

        DemoArgs.heading(System.out, t("1. A remote call is not instant",
                "1. 원격 호출은 즉시 끝나지 않는다"));
        QueueExperiment.Result single = QueueExperiment.run(a.seed(), one,
                s -> LoadGenerator.Config.openLoop(s, 1, Duration.ofMillis(1)), Duration.ofSeconds(1));
        System.out.printf(t("one request alone: latency %s ms = 1 ms to the server + 0 ms waiting + 1 ms service + 1 ms back%n",
                "요청 하나만 보내면: 레이턴시 %s ms = 서버까지 1 ms + 대기 0 ms + 서비스 1 ms + 돌아오는 데 1 ms%n"),
                ms(single.p50()));

        DemoArgs.heading(System.out, t("2. The producer sends 2000/s, the server serves 1000/s (service time 1 ms), for "
                + run.toMillis() + " ms",
                "2. 생산자는 초당 2000개를 보내고 서버는 초당 1000개를 처리한다(서비스 시간 1 ms), " + run.toMillis() + " ms 동안"));
        System.out.println(t("Every row is the same producer and the same server; only the queue capacity changes.",
                "모든 행이 같은 생산자와 같은 서버다. 바뀌는 것은 큐 용량뿐이다."));
        Table t = new Table(t("queue capacity", "큐 용량"), t("sent/s", "전송/s"), t("served/s", "처리/s"), t("rejected", "거부"),
                "p50 ms", "p99 ms", t("max ms", "최대 ms"), t("max queue", "최대 큐"));
        int[] capacities = {0, 10, 100, a.quick() ? 500 : 1000, ServerNode.UNBOUNDED};
        QueueExperiment.Result[] rs = new QueueExperiment.Result[capacities.length];
        double[] xs = new double[capacities.length];
        double[] p99s = new double[capacities.length];
        LineChart growth = new LineChart(t("Requests inside the server (2000/s into 1000/s)", "서버 안의 요청 수(초당 2000개를 초당 1000개 서버로)"),
                t("time, ms", "시간, ms"), t("waiting + in service", "대기 + 서비스 중"));
        for (int i = 0; i < capacities.length; i++) {
            int cap = capacities[i];
            QueueExperiment.Result r = QueueExperiment.run(a.seed(), new ServerNode.Config(cap, service),
                    s -> LoadGenerator.Config.openLoop(s, rate, run), Duration.ofSeconds(10));
            rs[i] = r;
            t.row(cap == ServerNode.UNBOUNDED ? t("unbounded", "무제한") : cap, f0(r.offeredPerSecond()), f0(r.throughputPerSecond()),
                    r.rejected(), ms(r.p50()), ms(r.p99()), ms(r.max()), r.server().maxInSystem());
            xs[i] = i;
            p99s[i] = r.p99() / 1e6;
            if (cap >= 100) {
                int[] q = r.inSystemEvery10ms();
                double[] tx = new double[q.length];
                double[] ty = new double[q.length];
                for (int k = 0; k < q.length; k++) {
                    tx[k] = 10.0 * k;
                    ty[k] = q[k];
                }
                growth.series(t("capacity ", "용량 ") + (cap == ServerNode.UNBOUNDED ? t("unbounded", "무제한") : cap), tx, ty);
            }
        }
        System.out.print(t);
        System.out.print(queueVerdict(capacities, rs, service));

        DemoArgs.heading(System.out, t("3. Backpressure (백프레셔): credits, at most W requests outstanding",
                "3. 백프레셔(backpressure): 크레딧, 응답을 기다리는 요청은 최대 W개"));
        Duration roundTrip = Duration.ofNanos(single.p50());
        System.out.println(t("prediction (Little's law, closed loop of W requests): latency = max(R, W x S) and served/s =",
                "예측(리틀의 법칙, 요청 W개의 닫힌 루프): 레이턴시 = max(R, W x S), 처리/s ="));
        System.out.println(t("min(1/S, W / R), with S = " + ms(service.toNanos()) + " ms and R = " + ms(roundTrip.toNanos())
                + " ms, the unloaded round trip measured in section 1",
                "min(1/S, W / R). S = " + ms(service.toNanos()) + " ms, R = " + ms(roundTrip.toNanos())
                + " ms(1절에서 잰, 부하 없을 때의 왕복 시간)"));
        Table b = new Table(t("credit window", "크레딧 윈도"), t("sent/s", "전송/s"), t("served/s", "처리/s"),
                t("predicted served/s", "예측 처리/s"), t("rejected", "거부"), "p50 ms", "p99 ms",
                t("predicted ms", "예측 ms"), t("max queue", "최대 큐"), t("held back at source", "출발지에 보류"));
        int[] windows = {2, 4, 16};
        List<CreditRow> credit = new ArrayList<>();
        for (int w : windows) {
            QueueExperiment.Result r = QueueExperiment.run(a.seed(), new ServerNode.Config(1000, service),
                    s -> LoadGenerator.Config.openLoop(s, rate, run).withCreditWindow(w), Duration.ofSeconds(10));
            CreditRow row = new CreditRow(w, r, QueueSizing.closedLoopLatency(w, roundTrip, service),
                    QueueSizing.closedLoopThroughput(w, roundTrip, service));
            credit.add(row);
            b.row(w, f0(r.offeredPerSecond()), f0(r.throughputPerSecond()), f0(row.predictedPerSecond()), r.rejected(),
                    ms(r.p50()), ms(r.p99()), ms(row.predictedLatency().toNanos()), r.server().maxInSystem(),
                    r.maxHeldBack());
        }
        System.out.print(b);
        System.out.print(creditVerdict(credit, roundTrip, service));
        System.out.println(t("The work that could not be sent waits at the source, which is the one place that can slow",
                "보내지 못한 작업은 출발지에서 기다린다. 속도를 늦출 수 있는 곳은 출발지뿐이다"));
        System.out.println(t("down (read the input slower, tell its own clients to wait).",
                "(입력을 더 천천히 읽거나, 자기 클라이언트에게 기다리라고 알린다)."));

        Path out = a.out();
        Path chart = new LineChart(t("p99 latency vs queue capacity (2000/s into a 1000/s server)",
                "큐 용량별 p99 레이턴시(초당 2000개를 초당 1000개 서버로)"),
                t("queue capacity: 0, 10, 100, " + capacities[3] + ", unbounded (one step each)",
                        "큐 용량: 0, 10, 100, " + capacities[3] + ", 무제한(한 칸씩)"),
                t("p99 latency, ms", "p99 레이턴시, ms")).series(t("p99 latency", "p99 레이턴시"), xs, p99s)
                .write(out.resolve("latency-vs-queue.svg"));
        System.out.println();
        System.out.println(t("wrote " + chart + "  (p99 latency for each queue capacity)",
                "썼다: " + chart + "  (큐 용량별 p99 레이턴시)"));
        Path growthFile = growth.write(out.resolve("queue-growth.svg"));
        System.out.println(t("wrote " + growthFile
                + "  (queue length over time: it grows at 2000 - 1000 = 1000/s until the capacity stops it)",
                "썼다: " + growthFile + "  (시간에 따른 큐 길이: 용량에 막힐 때까지 초당 2000 - 1000 = 1000개씩 늘어난다)"));
    }

    /** One credit-window run beside Little's-law prediction for it. */
    record CreditRow(int window, QueueExperiment.Result result, Duration predictedLatency, double predictedPerSecond) {

        /** The measured median within 10% of the prediction (and both p50 and p99 inside it). */
        boolean matchesPrediction() {
            double p = predictedLatency.toNanos();
            return Math.abs(result.p50() - p) <= 0.1 * p && Math.abs(result.p99() - p) <= 0.1 * p;
        }
    }

    /** What section 2 measured, said from the numbers of this run. */
    static String queueVerdict(int[] capacities, QueueExperiment.Result[] rs, Duration service) {
        StringBuilder sb = new StringBuilder();
        double maxServed = 0;
        for (QueueExperiment.Result r : rs) {
            maxServed = Math.max(maxServed, r.throughputPerSecond());
        }
        double mu = 1e9 / service.toNanos();
        sb.append(String.format(Locale.ROOT, t("Served/s is at most %s in every row; the consumer's rate is 1/S = %s/s%s%n",
                "처리/s는 모든 행에서 %s 이하다. 소비자의 처리 속도는 1/S = %s/s%s%n"),
                f0(maxServed), f0(mu), maxServed <= mu ? t(": the queue does not", "이므로 큐가 처리량을") : t(" (exceeded: a bug in the", "(초과: 서버")));
        sb.append(maxServed <= mu ? t("raise throughput. ", "높이지는 않는다. ") : t("server model). ", "모델의 버그). "));
        // the largest bounded capacity against the smallest: what the extra room bought and cost
        int lo = 0;
        int hi = capacities.length - 1;
        while (hi > 0 && capacities[hi] == ServerNode.UNBOUNDED) {
            hi--;
        }
        if (hi > lo) {
            long perSlot = (rs[hi].p99() - rs[lo].p99()) / Math.max(1, capacities[hi] - capacities[lo]);
            sb.append(String.format(Locale.ROOT, t(
                    "Going from capacity %d to %d raised p99 from %s to %s ms (%s ms per slot;%n"
                            + "one service time is %s ms) and cut rejections from %d to %d: the extra room held requests%n"
                            + "that waited, it did not serve them sooner.%n",
                    "용량을 %d에서 %d까지 늘리자 p99가 %s ms에서 %s ms로 올랐고(한 칸당 %s ms,%n"
                            + "서비스 시간 한 번이 %s ms), 거부는 %d개에서 %d개로 줄었다. 늘어난 자리는 기다리는 요청을%n"
                            + "담았을 뿐, 더 빨리 처리하지는 않았다.%n"),
                    capacities[lo], capacities[hi], ms(rs[lo].p99()), ms(rs[hi].p99()), ms(perSlot), ms(service.toNanos()),
                    rs[lo].rejected(), rs[hi].rejected()));
        }
        QueueExperiment.Result last = rs[rs.length - 1];
        if (capacities[capacities.length - 1] == ServerNode.UNBOUNDED) {
            sb.append(String.format(Locale.ROOT, t(
                    "The unbounded queue rejected %d and its p99 reached %s ms: it grows by sent/s - served/s for%n"
                            + "as long as the overload lasts, and latency and memory grow with it.%n",
                    "무제한 큐는 %d개를 거부했고 p99는 %s ms에 이르렀다. 과부하가 이어지는 동안 큐는 전송/s - 처리/s만큼%n"
                            + "계속 늘어나고, 레이턴시와 메모리도 함께 늘어난다.%n"),
                    last.rejected(), ms(last.p99())));
        }
        double excess = rs[hi].offeredPerSecond() - rs[hi].throughputPerSecond();
        if (hi > lo && excess > 0) {
            sb.append(String.format(Locale.ROOT, t(
                    "This overload is sustained: a queue of capacity %d filled in about %d / %s = %.1f s, and from then%n"
                            + "on rejected as much as no queue would; the room bought latency, not throughput. Against a%n"
                            + "short burst the same room turns rejections into waiting and is worth having: demo 'bursts'.%n",
                    "이 과부하는 지속된다. 용량 %1$d인 큐는 약 %2$d / %3$s = %4$.1f s 만에 찼고, 그 뒤로는 큐가 없을 때만큼%n"
                            + "거부했다. 늘린 자리로 얻은 것은 처리량이 아니라 레이턴시다. 짧은 버스트라면 같은 자리가%n"
                            + "거부를 대기로 바꿔 주므로 둘 만하다: 데모 'bursts'.%n"),
                    capacities[hi], capacities[hi], f0(excess), capacities[hi] / excess));
        }
        return sb.toString();
    }

    /** What section 3 measured, said from the numbers of this run. */
    static String creditVerdict(List<CreditRow> rows, Duration roundTrip, Duration service) {
        StringBuilder sb = new StringBuilder();
        long rejected = rows.stream().mapToLong(r -> r.result().rejected()).sum();
        boolean withinWindow = rows.stream().allMatch(r -> r.result().server().maxInSystem() <= r.window());
        sb.append(rejected == 0 ? t("With credits nothing was rejected", "크레딧을 쓰자 거부된 요청이 없었고")
                : t("With credits " + rejected + " requests were still rejected", "크레딧을 써도 요청 " + rejected + "개가 거부되었고"));
        sb.append(withinWindow ? t(" and the server never held more than the window.\n", " 서버는 윈도보다 많은 요청을 담은 적이 없다.\n")
                : t(", and the server held more than the window in some row.\n", " 어떤 행에서는 서버가 윈도보다 많은 요청을 담았다.\n"));
        List<String> match = new ArrayList<>();
        List<String> miss = new ArrayList<>();
        for (CreditRow r : rows) {
            (r.matchesPrediction() ? match : miss).add(String.valueOf(r.window()));
        }
        if (miss.isEmpty()) {
            sb.append(t("Measured latency matches max(R, W x S) within 10% for every window (" + String.join(", ", match) + ").\n",
                    "잰 레이턴시는 모든 윈도(" + String.join(", ", match) + ")에서 max(R, W x S)와 10% 안에서 맞는다.\n"));
        } else {
            sb.append(t("Measured latency matches max(R, W x S) within 10% for windows " + (match.isEmpty() ? "none" : String.join(", ", match))
                    + ", not for " + String.join(", ", miss) + ".\n",
                    "잰 레이턴시가 max(R, W x S)와 10% 안에서 맞는 윈도: " + (match.isEmpty() ? "없음" : String.join(", ", match))
                    + ". 맞지 않는 윈도: " + String.join(", ", miss) + ".\n"));
        }
        long coverWindow = -Math.floorDiv(-roundTrip.toNanos(), service.toNanos()); // ceil(R / S)
        sb.append(String.format(Locale.ROOT, t(
                "A window below R / S = %s requests leaves the server idle between answers (latency = R,%n"
                        + "served/s = W / R); from there on the server is the bottleneck and each extra credit adds one%n"
                        + "service time of waiting (latency = W x S).",
                "윈도가 R / S = %s개보다 작으면 응답 사이에 서버가 논다(레이턴시 = R, 처리/s = W / R).%n"
                        + "그 이상에서는 서버가 병목이고, 크레딧이 하나 늘 때마다 서비스 시간 한 번만큼 대기가 늘어난다%n"
                        + "(레이턴시 = W x S)."),
                coverWindow));
        for (CreditRow r : rows) {
            if (r.window() < coverWindow) {
                sb.append(String.format(Locale.ROOT, t(" Window %d: the server was busy %.0f%% of the time.",
                        " 윈도 %d: 서버가 일한 시간은 %.0f%%였다."),
                        r.window(), 100 * r.result().throughputPerSecond() * service.toNanos() / 1e9));
            }
        }
        sb.append('\n');
        return sb.toString();
    }

    static String f0(double v) {
        return String.format(Locale.ROOT, "%.0f", v);
    }
}
