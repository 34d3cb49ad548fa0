package dev.dbinternals.ch08.failuremodels.demo;

import dev.dbinternals.ch08.failuremodels.clocks.CausalChain;
import dev.dbinternals.ch08.failuremodels.clocks.CausalChain.Outcome;
import dev.dbinternals.ch08.failuremodels.clocks.CausalChain.Received;
import dev.dbinternals.ch08.harness.lang.Columns;
import dev.dbinternals.ch08.harness.demo.DemoArgs;
import dev.dbinternals.ch08.harness.demo.Diagrams;
import dev.dbinternals.ch08.harness.sim.SimClock;
import dev.dbinternals.ch08.harness.sim.Trace;
import dev.dbinternals.ch08.harness.sim.TraceEvent.Kind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

/**
 * Demo 1: events that cause one another, stamped by clocks that disagree, sorted by the
 * stamps, by arrival, and by a Lamport clock.
 *
 * <p>Book: Chapter 8, "Clocks and Time" (클럭과 시간): do not order by timestamps received
 * from other participants. Run: {@code ./ch08 demo ch08-failure-models skewed-timestamps [--quick]}
 */
public final class Demo01SkewedTimestamps {

    private Demo01SkewedTimestamps() {
    }

    private static String offsets(Outcome o) {
        StringBuilder sb = new StringBuilder();
        for (String n : List.of("N1", "N2", "N3", "N4")) {
            sb.append(n).append(String.format(" %+.1f ms  ", o.sim().clock(dev.dbinternals.ch08.harness.Address.of(n)).offset().toNanos() / 1e6));
        }
        return sb.toString().trim();
    }

    public static void main(String[] argv) {
        DemoArgs args = DemoArgs.forDemo("skewed-timestamps", "causally ordered events sorted by skewed wall clocks",
                "인과 순서가 있는 사건을 스큐가 있는 벽시계로 정렬한다").parse(argv);
        int runs = args.quick() ? 20 : 100;
        DemoArgs.heading(System.out, t("A token goes round 4 nodes, 40 hops; each hop is an event caused by the previous one",
                "토큰이 노드 4개를 40홉 돈다. 홉 하나하나가 바로 앞 홉이 일으킨 사건이다"));
        System.out.println(t("Each node stamps its event with its own wall clock and reports it to a collector.",
                "각 노드는 자기 사건에 자기 벽시계로 타임스탬프를 찍어 수집기(collector)에 보고한다."));
        System.out.println(t("Clocks: offset uniform in [-max, +max] per node, drift up to 100 ppm. Token hop 2..10 ms,",
                "클럭: 노드마다 스큐(offset)는 [-max, +max]에서 균등 분포, 드리프트는 최대 100 ppm. 토큰 홉 2..10 ms,"));
        System.out.println(t("reports 1..40 ms. Counted: cause/effect pairs that each ordering puts the wrong way round.",
                "보고 1..40 ms. 센 것: 정렬 방식마다 원인과 결과를 거꾸로 놓은 쌍."));
        // padded by terminal columns, not characters, so the Korean header lines up
        System.out.printf("%n%s | %s | %s | %s%n", Columns.left(t("max offset", "최대 스큐"), 12),
                Columns.left(t("by sender's stamp", "보낸 쪽 타임스탬프순"), 18), Columns.left(t("by arrival", "도착순"), 18),
                Columns.left(t("by Lamport clock", "램포트 클럭순"), 18));
        long[] maxOffsets = {0, 1, 5, 20, 100};
        double[] byStamp = new double[maxOffsets.length];
        double[] byArrival = new double[maxOffsets.length];
        double[] byLamport = new double[maxOffsets.length];
        for (int row = 0; row < maxOffsets.length; row++) {
            long maxMs = maxOffsets[row];
            long pairs = 0;
            long wall = 0;
            long arrival = 0;
            long lamport = 0;
            for (int i = 0; i < runs; i++) {
                Outcome o = CausalChain.run(4, 40, Duration.ofMillis(maxMs), args.seed() + i);
                pairs += o.pairs();
                wall += o.invertedByWallClock();
                arrival += o.invertedByArrival();
                lamport += o.invertedByLamport();
            }
            byStamp[row] = 100.0 * wall / pairs;
            byArrival[row] = 100.0 * arrival / pairs;
            byLamport[row] = 100.0 * lamport / pairs;
            // 쌍의 is four columns wide; the Korean first column is as wide as its header (20 columns)
            System.out.printf(t("%9d ms | %5.1f%% of pairs    | %5.1f%% of pairs    | %5.1f%% of pairs%n",
                    "%9d ms | 쌍의 %5.1f%%          | 쌍의 %5.1f%%        | 쌍의 %5.1f%%%n"), maxMs,
                    byStamp[row], byArrival[row], byLamport[row]);
        }
        System.out.println();
        narration(maxOffsets, byStamp, byArrival, byLamport).forEach(System.out::println);

        DemoArgs.heading(System.out, t("One run with clocks up to 20 ms apart, first 8 events",
                "클럭 스큐가 최대 20 ms인 실행 하나, 처음 사건 8개"));
        Outcome one = CausalChain.run(4, 8, Duration.ofMillis(20), args.seed());
        System.out.println(t("The clocks: ", "클럭: ") + offsets(one));
        System.out.printf("%s %s %s %s%n", Columns.left(t("true (causal) order", "실제(인과) 순서"), 20),
                Columns.left(t("wall stamp", "벽시계 시각"), 12), Columns.left(t("Lamport", "램포트"), 8), "");
        List<Received> causal = one.received().stream().sorted(Comparator.comparingLong((Received r) -> r.event().lamport())).toList();
        long previous = Long.MIN_VALUE;
        for (Received r : causal) {
            long stamp = r.event().wallMillis() - SimClock.EPOCH_MILLIS;
            System.out.printf("%s %-12s %-8d %s%n", Columns.left(t("event " + r.event().lamport() + " at " + r.event().origin(),
                            "사건 " + r.event().lamport() + " (" + r.event().origin() + ")"), 20),
                    "+" + stamp + " ms", r.event().lamport(),
                    stamp <= previous ? t("<- stamped no later than its cause: sorting by stamp puts it first",
                            "<- 원인보다 늦지 않은 타임스탬프: 타임스탬프로 정렬하면 원인보다 앞에 온다") : "");
            previous = stamp;
        }
        Diagrams.write(args.out(), "causal-chain", t("A token round 4 nodes with skewed clocks",
                "클럭 스큐가 있는 노드 4개를 도는 토큰"), one.sim().trace(),
                Trace.byKind(Kind.SEND, Kind.DELIVER, Kind.CLOCK_STEP));
    }

    /** The lines after the table, computed from its rows (percentages of pairs, per max offset in ms). */
    static List<String> narration(long[] maxOffsets, double[] byStamp, double[] byArrival, double[] byLamport) {
        List<String> lines = new ArrayList<>();
        double worstStamp = 0;
        long worstAt = maxOffsets[0];
        double minArrival = Double.MAX_VALUE;
        double maxArrival = 0;
        double maxLamport = 0;
        for (int i = 0; i < maxOffsets.length; i++) {
            if (byStamp[i] > worstStamp) {
                worstStamp = byStamp[i];
                worstAt = maxOffsets[i];
            }
            minArrival = Math.min(minArrival, byArrival[i]);
            maxArrival = Math.max(maxArrival, byArrival[i]);
            maxLamport = Math.max(maxLamport, byLamport[i]);
        }
        if (maxOffsets[0] == 0) {
            lines.add(byStamp[0] == 0
                    ? t("With synchronised clocks (offset 0, drift only) the stamps put no pair the wrong way round:\n"
                            + "cause and effect are at least 2 ms apart.",
                            "클럭이 동기화되어 있으면(스큐 0, 드리프트만) 타임스탬프는 어떤 쌍도 거꾸로 놓지 않았다.\n"
                            + "원인과 결과는 최소 2 ms 떨어져 있기 때문이다.")
                    : String.format(t("Even with synchronised clocks (offset 0) the stamps inverted %.1f%% of pairs.",
                            "클럭이 동기화되어 있는데도(스큐 0) 타임스탬프가 쌍의 %.1f%%를 뒤집었다."), byStamp[0]));
        }
        lines.add(t("Once the cause's clock is ahead of the effect's by as much as that gap, the effect carries the earlier",
                "원인 쪽 클럭이 결과 쪽 클럭보다 그 간격만큼 앞서면 결과가 더 이른 타임스탬프를 갖는다"));
        lines.add(String.format(t("stamp (a tie counts as wrong: millisecond stamps cannot order it); here up to %.1f%% of pairs,",
                "(같은 값도 틀린 것으로 센다: 밀리초 타임스탬프로는 순서를 정할 수 없다). 여기서는 쌍의 최대 %.1f%%,"), worstStamp));
        lines.add(String.format(t("at a max offset of %d ms. Arrival order was wrong for %s of pairs whatever the",
                "최대 스큐 %d ms에서였다. 도착순은 클럭이 어떻든 쌍의 %s에서 틀렸다"),
                worstAt, minArrival == maxArrival ? String.format("%.1f%%", minArrival)
                        : String.format(t("%.1f%% to %.1f%%", "%.1f%%~%.1f%%"), minArrival, maxArrival)));
        lines.add(t("clocks did (it does not read them). ", "(도착순은 클럭을 읽지 않는다). ")
                + (maxLamport == 0 ? t("The Lamport clock put no effect before its cause at any\noffset, as its"
                        + " receive rule guarantees.",
                        "램포트 클럭은 어떤 스큐에서도 결과를 원인 앞에\n놓지 않았다. 수신 규칙이 보장하는 대로다.")
                        : String.format(t("The Lamport clock inverted up to %.1f%% of pairs, which its receive rule forbids: a bug.",
                                "램포트 클럭이 쌍의 최대 %.1f%%를 뒤집었다. 수신 규칙이 금지하는 일이므로 버그다."),
                                maxLamport)));
        return lines;
    }
}
