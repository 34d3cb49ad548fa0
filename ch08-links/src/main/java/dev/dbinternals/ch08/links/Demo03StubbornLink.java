package dev.dbinternals.ch08.links;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

import dev.dbinternals.ch08.harness.lang.Columns;
import dev.dbinternals.ch08.harness.demo.DemoArgs;
import dev.dbinternals.ch08.harness.sim.LinkFaults;
import dev.dbinternals.ch08.links.check.LinkPair;
import dev.dbinternals.ch08.links.ladder.LinkStats;
import dev.dbinternals.ch08.links.ladder.StubbornLink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Demo 03: the stubborn link delivers despite loss, and pays for it forever.
 *
 * <p>Book: Chapter 8, Links → Message retransmits (메시지 재전송). A sends m1..m10 over a
 * {@link StubbornLink} that retransmits everything every T = 10 ms. For loss 0 %, 20 % and 50 %
 * the table shows, after 0.1 s, 0.5 s and 2 s: transmissions per message (growing linearly with
 * time, whatever the loss), deliveries per message (duplicates, growing too, about (1 - p) of
 * the transmissions), and when every message had been delivered at least once (later under
 * heavier loss, in expectation). Compare the ideal 1/(1-p). The sentences under the table are
 * computed from its rows ({@link #verdict}).
 */
public final class Demo03StubbornLink {

    private Demo03StubbornLink() {
    }

    /** The retransmission period T, in milliseconds. */
    static final long PERIOD_MS = 10;

    /** One row of the table: a loss rate, a checkpoint, and what the run had done by then. */
    record Row(double loss, long elapsedMs, double transmissionsPerMessage, double deliveriesPerMessage, long allDeliveredNanos) {
    }

    /**
     * The sentences under the table, from its rows (grouped by loss, checkpoints in increasing
     * order): whether transmissions and deliveries grew with time at every loss rate, how close
     * transmissions came to {@code elapsed / T + 1}, what share of the transmissions was
     * delivered at the last checkpoint, and whether loss delayed the first delivery of all ten.
     */
    static String verdict(List<Row> rows, long periodMs) {
        Map<Double, List<Row>> byLoss = new LinkedHashMap<>();
        rows.forEach(r -> byLoss.computeIfAbsent(r.loss(), k -> new ArrayList<>()).add(r));
        List<String> txFlat = new ArrayList<>();
        List<String> delFlat = new ArrayList<>();
        byLoss.forEach((loss, rs) -> {
            for (int i = 1; i < rs.size(); i++) {
                if (rs.get(i).transmissionsPerMessage() <= rs.get(i - 1).transmissionsPerMessage()) {
                    txFlat.add(pct(loss));
                    break;
                }
            }
            for (int i = 1; i < rs.size(); i++) {
                if (rs.get(i).deliveriesPerMessage() <= rs.get(i - 1).deliveriesPerMessage()) {
                    delFlat.add(pct(loss));
                    break;
                }
            }
        });
        long near = rows.stream().filter(r -> Math.abs(r.transmissionsPerMessage() - (r.elapsedMs() / (double) periodMs + 1)) <= 1).count();
        StringBuilder sb = new StringBuilder();
        sb.append(txFlat.isEmpty() ? t("Transmissions per message grew with elapsed time at every loss rate",
                "메시지당 전송 횟수는 모든 손실률에서 경과 시간과 함께 늘었다")
                : t("Transmissions per message did NOT grow with elapsed time at loss " + String.join(", ", txFlat),
                "메시지당 전송 횟수가 손실 " + String.join(", ", txFlat) + "에서는 경과 시간과 함께 늘지 않았다"));
        sb.append(String.format(t(", and %d of %d rows are within 1%nof elapsed / T + 1", ". %2$d개 행 중 %1$d개는%n경과 시간 / T + 1과의 차이가 1 이내다"),
                near, rows.size()));
        sb.append(near == rows.size() ? t(", whatever the loss: with no acks the sender never learns it may stop.\n",
                ". 손실과 상관없다: 확인 응답이 없으니 송신자는 멈춰도 된다는 것을 끝내 모른다.\n")
                : t(": in the other rows the cost was not elapsed / T + 1.\n", ". 나머지 행에서는 비용이 경과 시간 / T + 1이 아니었다.\n"));
        sb.append(delFlat.isEmpty() ? t("Deliveries per message grew too: each message arrived over and over.",
                "메시지당 전달 횟수도 늘었다: 메시지마다 도착하고 또 도착했다.")
                : t("Deliveries per message did NOT grow with time at loss " + String.join(", ", delFlat) + ".",
                "메시지당 전달 횟수가 손실 " + String.join(", ", delFlat) + "에서는 시간과 함께 늘지 않았다."));
        List<String> shares = new ArrayList<>();
        List<String> firsts = new ArrayList<>();
        List<String> delayed = new ArrayList<>();
        List<String> notDelayed = new ArrayList<>();
        boolean nearOneMinusP = true;
        Row lowest = byLoss.values().iterator().next().get(0);
        for (List<Row> rs : byLoss.values()) {
            Row last = rs.get(rs.size() - 1);
            double share = last.deliveriesPerMessage() / last.transmissionsPerMessage();
            nearOneMinusP &= Math.abs(share - (1 - last.loss())) <= 0.1;
            shares.add(String.format("%.0f %%", 100 * share));
            firsts.add(String.format("%.1f ms", last.allDeliveredNanos() / 1e6));
            if (last.loss() > lowest.loss()) {
                (last.allDeliveredNanos() > lowest.allDeliveredNanos() ? delayed : notDelayed).add(pct(last.loss()));
            }
        }
        String losses = String.join(", ", byLoss.keySet().stream().map(Demo03StubbornLink::pct).toList());
        sb.append(String.format(t(" At the last checkpoint%n%s of the transmissions were delivered at loss %s%s.%n",
                " 마지막 확인 시점에%n손실 %2$s에서 전송의 %1$s가 전달됐다%3$s.%n"),
                String.join(", ", shares), losses, nearOneMinusP ? t(" (about 1 - p each)", " (각각 약 1 - p)")
                        : t(" (not all near 1 - p)", " (모두 1 - p에 가깝지는 않다)")));
        sb.append(String.format(t("Every message had been delivered at least once by %s at loss %s:%n",
                "손실 %2$s에서 모든 메시지가 적어도 한 번 전달된 시각은 %1$s:%n"), String.join(", ", firsts), losses));
        if (delayed.isEmpty()) {
            sb.append(t("loss did not delay that in this run.\n", "이 실행에서는 손실이 이를 늦추지 않았다.\n"));
        } else if (notDelayed.isEmpty()) {
            sb.append(t("loss delayed it at every rate above " + pct(lowest.loss()) + " (a lost copy waits a period T for the next one).\n",
                    pct(lowest.loss()) + "보다 높은 모든 손실률에서 손실이 이를 늦췄다 (잃어버린 사본은 다음 사본까지 주기 T를 기다린다).\n"));
        } else {
            sb.append(t("loss delayed it at " + String.join(", ", delayed) + " (a lost copy waits a period T for the next one), not at "
                    + String.join(", ", notDelayed) + " in this run.\n",
                    "이 실행에서 손실은 " + String.join(", ", delayed) + "에서 이를 늦췄고 (잃어버린 사본은 다음 사본까지 주기 T를 기다린다), "
                    + String.join(", ", notDelayed) + "에서는 늦추지 않았다.\n"));
        }
        return sb.toString();
    }

    private static String pct(double loss) {
        return Math.round(loss * 100) + " %";
    }

    public static void main(String[] argv) {
        DemoArgs args = DemoArgs.forDemo("stubborn", "The stubborn link: every message retransmitted every T, forever",
                "스터번 링크: 모든 메시지를 T마다, 영원히 재전송한다").parse(argv);
        DemoArgs.heading(System.out, t("Demo 03 · stubborn link (스터번 링크), seed " + args.seed(),
                "데모 03 · 스터번 링크(stubborn link), 시드 " + args.seed()));
        System.out.println(t("A sends m1..m10; the link resends all of them every T = " + PERIOD_MS + " ms, forever (no acks, so it can never stop).",
                "A가 m1..m10을 전송하고, 링크는 T = " + PERIOD_MS + " ms마다 전부를 영원히 다시 보낸다 (확인 응답이 없으니 멈출 수 없다)."));
        // padded by terminal columns, not characters, so the Korean header stands over its figures
        System.out.printf("%n  %s %s %s %s %s %s%n", Columns.left(t("loss", "손실"), 6), Columns.left(t("elapsed", "경과"), 10),
                Columns.left(t("transmissions/msg", "전송/메시지"), 18), Columns.left(t("deliveries/msg", "전달/메시지"), 18),
                Columns.left(t("all delivered by", "전부 전달된 시각"), 22), t("ideal 1/(1-p)", "이상값 1/(1-p)"));
        long[] checkpoints = args.quick() ? new long[] {100, 500} : new long[] {100, 500, 2000};
        List<Row> rows = new ArrayList<>();
        for (double loss : new double[] {0.0, 0.2, 0.5}) {
            LinkPair p = LinkPair.create(args.seed(), l -> new StubbornLink(Duration.ofMillis(PERIOD_MS), l), 10, 0, false);
            p.sim().trace().setEnabled(false);
            p.sim().network().setDefaults(LinkFaults.none().withLoss(loss).withDelay(Duration.ofMillis(1)));
            p.sim().runUntil(() -> p.receiver().distinctDelivered() == 10, Duration.ofSeconds(10));
            long allAt = p.sim().nowNanos();
            for (long ms : checkpoints) {
                p.sim().runFor(Duration.ofNanos(Math.max(0, ms * 1_000_000L - p.sim().nowNanos())));
                LinkStats s = p.sender().link().stats();
                Row r = new Row(loss, ms, s.transmissions / 10.0, p.receiver().deliveredCount() / 10.0, allAt);
                rows.add(r);
                System.out.printf("  %-6s %-10s %-18.1f %-18.1f %-22s %.2f%n", (int) (loss * 100) + "%", ms + " ms",
                        r.transmissionsPerMessage(), r.deliveriesPerMessage(), DemoOutput.ms(allAt), 1 / (1 - loss));
            }
        }
        System.out.println();
        System.out.print(verdict(rows, PERIOD_MS));
        System.out.println(t("The perfect link abstraction adds a record of what was delivered, so duplicates are ignored; the",
                "퍼펙트 링크 추상화는 무엇을 전달했는지 기록해 중복을 무시한다. PerfectLink 클래스(Demo05)는"));
        System.out.println(t("PerfectLink class (Demo05) also stops retransmitting once acknowledged, the engineering refinement.",
                "여기에 더해 확인 응답을 받으면 재전송을 멈춘다: 엔지니어링 차원의 개선이다."));
        System.out.println(t("See Bench01TransmissionsPerMessage for the stubborn vs perfect link vs 1/(1-p) table.",
                "스터번 링크, 퍼펙트 링크, 1/(1-p)를 비교한 표는 Bench01TransmissionsPerMessage를 보라."));
        DemoArgs.heading(System.out, t("Diagram", "다이어그램"));
        LinkPair small = LinkPair.create(args.seed(), l -> new StubbornLink(Duration.ofMillis(PERIOD_MS), l), 2, 0, true);
        small.sim().network().setDefaults(LinkFaults.none().withLoss(0.3).withDelay(Duration.ofMillis(2)));
        small.sim().runFor(Duration.ofMillis(45));
        DemoOutput.diagrams(args, "stubborn", t("Stubborn link: m1 and m2 resent every 10 ms, 30% loss, first 45 ms", "스터번 링크: m1과 m2를 10 ms마다 재전송, 손실 30%, 처음 45 ms"),
                small.sim().trace(), DemoOutput.NO_TIMERS);
    }
}
