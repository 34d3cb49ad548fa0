package dev.dbinternals.ch08.cascading;

import dev.dbinternals.ch08.harness.render.LineChart;
import dev.dbinternals.ch08.cascading.hotspots.KeySampler;
import dev.dbinternals.ch08.cascading.processing.LatencyStats;
import dev.dbinternals.ch08.cascading.processing.LoadGenerator;
import dev.dbinternals.ch08.cascading.hotspots.LoadPlanner;
import dev.dbinternals.ch08.cascading.processing.ServerNode;

import static dev.dbinternals.ch08.cascading.processing.LatencyStats.ms;

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
                "Zipf-skewed keys over 4 nodes: each node alone (hash) vs a coordinator's plan").parse(args);
        Duration length = Duration.ofMillis(a.quick() ? 1000 : 3000);
        DemoArgs.heading(System.out, "3000 req/s, 64 keys with Zipf(1.0) popularity; nodes serve 1000, 1000, 1000 and 500 req/s");
        System.out.printf(Locale.ROOT, "key 0 alone gets %.0f%% of the requests%n", 100 * KeySampler.zipf(KEYS, 1.0).probability(0));
        int[] hash = LoadPlanner.byHash(KEYS, CAPACITY.length);
        Run alone = run(a.seed(), hash, length);
        // the coordinator plans from the key counts of that first run: its past execution data
        int[] plan = LoadPlanner.byPastLoad(alone.keyCounts(), CAPACITY);
        Run planned = run(a.seed() + 1, plan, length);
        Table t = new Table("plan", "offered load / capacity per node", "max/mean", "rejected", "max queue per node",
                "p50 ms", "p99 ms");
        double[] u0 = row(t, "each node alone (key mod 4)", alone, hash);
        double[] u1 = row(t, "coordinator (past load, capacity)", planned, plan);
        System.out.print(t);
        System.out.print(verdict(u0, u1, alone, planned));
        double[] x = {1, 2, 3, 4};
        System.out.println();
        System.out.println("wrote " + new LineChart("Offered load / capacity per node (1.0 = saturated)", "node", "load / capacity")
                .series("each node alone (hash)", x, u0).series("coordinator's plan", x, u1)
                .write(a.out().resolve("hotspot-utilisation.svg")) + "  (per-node load / capacity, both plans)");
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
        sb.append("By hash (key mod 4), node-1 owns the hottest key plus every fourth one, and node-4 (half speed)\n"
                + "gets a hash share as if it were a full node. ");
        if (!over.isEmpty()) {
            sb.append("Offered more than they can serve: ").append(String.join(", ", over))
                    .append(";\ntheir queues (and latency) grow for as long as the load lasts");
            sb.append(rejected > 0 ? ", until they refuse requests (" + rejected + " here)" : "")
                    .append(", while ").append(spare.isEmpty() ? "no node" : String.join(", ", spare)).append(" had room to spare.\n");
        } else {
            sb.append("In this run no node was offered more than it can serve.\n");
        }
        double maxPlan = java.util.Arrays.stream(planLoad).max().orElse(0);
        double minPlan = java.util.Arrays.stream(planLoad).min().orElse(0);
        long p99a = alone.latency().percentileNanos(99);
        long p99p = planned.latency().percentileNanos(99);
        sb.append(String.format(Locale.ROOT, "The coordinator, knowing past load per key (from the first run) and each node's capacity, packs%n"
                + "keys by capacity: every node between %.2f and %.2f of its capacity, and p99 latency %s ms against %s ms%n"
                + "(%.1fx %s).%n", minPlan, maxPlan, ms(p99p), ms(p99a), p99p == 0 ? 0 : (double) p99a / p99p,
                p99p < p99a ? "lower" : "not lower"));
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
