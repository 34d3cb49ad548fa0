package dev.dbinternals.ch08.cascading;

import dev.dbinternals.ch08.harness.render.LineChart;
import dev.dbinternals.ch08.cascading.hotspots.KeySampler;
import dev.dbinternals.ch08.cascading.processing.LatencyStats;
import dev.dbinternals.ch08.cascading.processing.LoadGenerator;
import dev.dbinternals.ch08.cascading.hotspots.LoadPlanner;
import dev.dbinternals.ch08.cascading.processing.ServerNode;

import static dev.dbinternals.ch08.cascading.processing.LatencyStats.ms;
import static dev.dbinternals.ch08.harness.lang.Lang.t;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.demo.DemoArgs;
import dev.dbinternals.ch08.harness.sim.Simulation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Demo 8 — Cascading failures (계단식 장애): a skewed key distribution makes one node a hotspot
 * (핫스팟) when each node acts alone; a coordinator that plans from past load and capacity
 * spreads it.
 *
 * <p>Run: {@code ./ch08 demo cascading hotspots [--quick]}.
 */
public final class Demo08Hotspots {

    private Demo08Hotspots() {
    }

    /** Per-node numbers of one run. */
    record Run(long[] served, long[] rejected, int[] maxQueue, LatencyStats latency, long[] keyCounts) {
    }

    static final double[] CAPACITY = {1, 1, 1, 0.5};
    static final int KEYS = 64;

    static Run run(long seed, int[] owner, Duration length) {
        Simulation sim = new Simulation(seed);
        sim.setHandlerTime(Duration.ZERO);
        sim.trace().setEnabled(false);
        List<Address> nodes = new ArrayList<>();
        for (int i = 0; i < CAPACITY.length; i++) {
            Duration service = Duration.ofNanos((long) (1_000_000 / CAPACITY[i]));
            nodes.add(sim.addNode("node-" + (i + 1), () -> new ServerNode(new ServerNode.Config(1000, service))));
        }
        Address g = sim.addNode("clients", () -> new LoadGenerator(LoadGenerator.Config.openLoop(nodes.get(0), 3000, length)
                .withPoisson(true).withKeys(KeySampler.zipf(KEYS, 1.0), k -> nodes.get(owner[k]))));
        sim.runFor(length);
        long[] served = new long[nodes.size()];
        long[] rejected = new long[nodes.size()];
        int[] maxQ = new int[nodes.size()];
        for (int i = 0; i < nodes.size(); i++) {
            ServerNode.Stats s = sim.node(nodes.get(i), ServerNode.class).stats();
            served[i] = s.completed();
            rejected[i] = s.rejected();
            maxQ[i] = s.maxInSystem();
        }
        sim.runUntilQuiet(Duration.ofSeconds(5));
        LoadGenerator lg = sim.node(g, LoadGenerator.class);
        return new Run(served, rejected, maxQ, lg.latency(), lg.keyCounts());
    }

    public static void main(String[] args) {
        DemoArgs a = DemoArgs.forDemo("cascading-hotspots",
                "Zipf-skewed keys over 4 nodes: each node alone (hash) vs a coordinator's plan",
                "Zipf로 치우친 키를 노드 4개에: 노드마다 혼자(해시)와 코디네이터의 계획").parse(args);
        Duration length = Duration.ofMillis(a.quick() ? 1000 : 3000);
        DemoArgs.heading(System.out, t("3000 req/s, 64 keys with Zipf(1.0) popularity; nodes serve 1000, 1000, 1000 and 500 req/s",
                "초당 3000개 요청, 인기도가 Zipf(1.0)인 키 64개. 노드는 초당 1000, 1000, 1000, 500개를 처리한다"));
        System.out.printf(Locale.ROOT, t("key 0 alone gets %.0f%% of the requests%n", "키 0 하나가 요청의 %.0f%%를 받는다%n"), 100 * KeySampler.zipf(KEYS, 1.0).probability(0));
        int[] hash = LoadPlanner.byHash(KEYS, CAPACITY.length);
        Run alone = run(a.seed(), hash, length);
        // the coordinator plans from the key counts of that first run: its past execution data
        int[] plan = LoadPlanner.byPastLoad(alone.keyCounts(), CAPACITY);
        Run planned = run(a.seed() + 1, plan, length);
        Table t = new Table(t("plan", "계획"), t("offered load / capacity per node", "노드별 제공 부하 / 용량"),
                t("max/mean", "최대/평균"), t("rejected", "거부"), t("max queue per node", "노드별 최대 큐"), "p50 ms", "p99 ms");
        double[] u0 = row(t, t("each node alone (key mod 4)", "노드마다 혼자(key mod 4)"), alone, hash);
        double[] u1 = row(t, t("coordinator (past load, capacity)", "코디네이터(과거 부하, 용량)"), planned, plan);
        System.out.print(t);
        System.out.print(verdict(u0, u1, alone, planned));
        double[] x = {1, 2, 3, 4};
        System.out.println();
        java.nio.file.Path file = new LineChart(t("Offered load / capacity per node (1.0 = saturated)",
                "노드별 제공 부하 / 용량(1.0 = 포화)"), t("node", "노드"), t("load / capacity", "부하 / 용량"))
                .series(t("each node alone (hash)", "노드마다 혼자(해시)"), x, u0).series(t("coordinator's plan", "코디네이터의 계획"), x, u1)
                .write(a.out().resolve("hotspot-utilisation.svg"));
        System.out.println(t("wrote " + file + "  (per-node load / capacity, both plans)",
                "썼다: " + file + "  (노드별 부하 / 용량, 두 계획 모두)"));
    }

    /** The narration after the table, from both runs: per-node load / capacity, rejections and p99. */
    static String verdict(double[] hashLoad, double[] planLoad, Run alone, Run planned) {
        StringBuilder sb = new StringBuilder();
        List<String> over = new ArrayList<>();
        List<String> spare = new ArrayList<>();
        for (int i = 0; i < hashLoad.length; i++) {
            (hashLoad[i] > 1 ? over : spare).add("node-" + (i + 1));
        }
        long rejected = java.util.Arrays.stream(alone.rejected()).sum();
        sb.append(t("By hash (key mod 4), node-1 owns the hottest key plus every fourth one, and node-4 (half speed)\n"
                + "gets a hash share as if it were a full node. ",
                "해시(key mod 4)로 나누면 node-1이 가장 뜨거운 키와 함께 키 4개마다 하나씩을 갖고, node-4(절반 속도)는\n"
                + "온전한 노드인 것처럼 해시 몫을 받는다. "));
        if (!over.isEmpty()) {
            String spareNodes = spare.isEmpty() ? t("no node", "어느 노드도") : String.join(", ", spare);
            sb.append(t("Offered more than they can serve: ", "처리할 수 있는 것보다 많이 받은 노드: ")).append(String.join(", ", over))
                    .append(t(";\ntheir queues (and latency) grow for as long as the load lasts",
                            ".\n이 노드들의 큐(와 레이턴시)는 부하가 이어지는 동안 늘어난다"));
            sb.append(rejected > 0 ? t(", until they refuse requests (" + rejected + " here)",
                    ". 결국 요청을 거부한다(여기서는 " + rejected + "개)") : "");
            sb.append(t(", while " + spareNodes + " had room to spare.\n",
                    spare.isEmpty() ? ". 여유가 있던 노드는 없었다.\n" : ". 그동안 " + spareNodes + "에는 여유가 있었다.\n"));
        } else {
            sb.append(t("In this run no node was offered more than it can serve.\n",
                    "이 실행에서는 처리할 수 있는 것보다 많이 받은 노드가 없었다.\n"));
        }
        double maxPlan = java.util.Arrays.stream(planLoad).max().orElse(0);
        double minPlan = java.util.Arrays.stream(planLoad).min().orElse(0);
        long p99a = alone.latency().percentileNanos(99);
        long p99p = planned.latency().percentileNanos(99);
        sb.append(String.format(Locale.ROOT, t("The coordinator, knowing past load per key (from the first run) and each node's capacity, packs%n"
                + "keys by capacity: every node between %.2f and %.2f of its capacity, and p99 latency %s ms against %s ms%n"
                + "(%.1fx %s).%n",
                "키별 과거 부하(첫 실행에서 얻은)와 노드별 용량을 아는 코디네이터는 용량에 맞춰 키를 채운다:%n"
                + "모든 노드가 용량의 %.2f~%.2f 사이이고, p99 레이턴시는 %s ms(해시는 %s ms)%n"
                + "(%.1f배 %s).%n"), minPlan, maxPlan, ms(p99p), ms(p99a), p99p == 0 ? 0 : (double) p99a / p99p,
                p99p < p99a ? t("lower", "낮음") : t("not lower", "낮지 않음")));
        return sb.toString();
    }

    private static double[] row(Table t, String name, Run r, int[] owner) {
        double[] u = LoadPlanner.utilisation(owner, r.keyCounts(), CAPACITY);
        double total = 0;
        for (long c : r.keyCounts()) {
            total += c;
        }
        StringBuilder sb = new StringBuilder();
        double[] rel = new double[u.length];
        for (int i = 0; i < u.length; i++) {
            // normalise: offered requests/s divided by the node's requests/s
            rel[i] = u[i] / total * 3000 / 1000;
            sb.append(i == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.2f", rel[i]));
        }
        long rej = 0;
        for (long x : r.rejected()) {
            rej += x;
        }
        t.row(name, sb, String.format(Locale.ROOT, "%.2f", LoadPlanner.maxOverMean(rel)), rej,
                java.util.Arrays.toString(r.maxQueue()), ms(r.latency().percentileNanos(50)), ms(r.latency().percentileNanos(99)));
        return rel;
    }
}
