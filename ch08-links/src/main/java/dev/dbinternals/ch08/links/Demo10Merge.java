package dev.dbinternals.ch08.links;

import dev.dbinternals.ch08.harness.demo.DemoArgs;
import dev.dbinternals.ch08.harness.sim.LinkFaults;
import dev.dbinternals.ch08.links.remote.ReplicaMerge;
import dev.dbinternals.ch08.links.remote.ReplicaMerge.Result;
import dev.dbinternals.ch08.links.remote.ReplicaMerge.Row;
import dev.dbinternals.ch08.links.remote.ReplicaMerge.Scenario;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.NavigableMap;
import java.util.Set;

/**
 * Demo 10: reading one sorted dataset from three replicas, one slow and one stale.
 *
 * <p>Book: Chapter 8, Local and Remote Execution (로컬 실행과 원격 실행): iterating a remote
 * dataset means paging (페이징), merging (병합) and reconciling (데이터 조정) what several nodes
 * return. The same scenario is read by four clients: one that takes the first replica to answer,
 * one that merges the first two, one that merges all three ({@link ReplicaMerge}: a k-way merge
 * by key, reconciled by version), and one that concatenates everything it got. Each line is
 * computed from a run in the simulator; then the same comparison over many seeds.
 *
 * <p>Run: {@code ./ch08 demo links merge [--seed N] [--quick]}.
 */
public final class Demo10Merge {

    private Demo10Merge() {
    }

    static final int KEYS = 40;
    static final int PAGE = 10;

    public static void main(String[] argv) {
        DemoArgs args = DemoArgs.forDemo("merge", "Merging and reconciling pages from three replicas, one slow and one stale")
                .intOption("seeds", 1000, 1, 100_000, "seeds in the summary (at most 100 with --quick)").parse(argv);
        int seeds = args.intValue("seeds");
        if (args.quick()) {
            seeds = Math.min(seeds, 100);
        }
        long seed = args.seed();
        Scenario s = ReplicaMerge.scenario(seed, KEYS);
        NavigableMap<String, Row> newest = s.newest();
        DemoArgs.heading(System.out, "Demo 10 · merging results from several replicas (로컬 실행과 원격 실행: 병합, 데이터 조정), seed " + seed);
        System.out.printf("%d keys on replicas A, B and C, read in pages of %d through a perfect link each.%n", KEYS, PAGE);
        System.out.printf("Replica %s is slow: %s each way (A %s, B %s, C %s).%n", name(s.slow()), ms(s.delays().get(s.slow()).toNanos()),
                ms(s.delays().get(0).toNanos()), ms(s.delays().get(1).toNanos()), ms(s.delays().get(2).toNanos()));
        System.out.printf("Replica %s missed some writes: %s. Every write reached the other two.%n", name(s.stale()), staleness(s));

        Result[] byWait = new Result[4];
        for (int w = 1; w <= 3; w++) {
            byWait[w] = ReplicaMerge.read(seed, s, w, PAGE, LinkFaults.none());
        }
        Result all = byWait[3];
        System.out.printf("%n  %-34s %-10s %10s %6s  %s%n", "client", "reads", "time", "rows", "rows wrong (stale or missing)");
        String[] label = {"", "first answer (waits for 1)", "merge the first 2 to answer", "merge all 3 (k-way, by version)"};
        for (int w = 1; w <= 3; w++) {
            Result r = byWait[w];
            System.out.printf("  %-34s %-10s %10s %6d  %s%n", label[w], names(r.picked()), ms(r.elapsedNanos()), r.merged().size(),
                    describe(ReplicaMerge.wrongKeys(r.merged(), newest), r.merged(), newest));
        }
        List<Row> concat = all.arrivals();
        Set<String> seen = new HashSet<>();
        long repeats = concat.stream().filter(r -> !seen.add(r.key())).count();
        long staleRows = concat.stream().filter(r -> r.version() < newest.get(r.key()).version()).count();
        System.out.printf("  %-34s %-10s %10s %6d  %d rows repeat a key, %d rows stale, in key order: %s%n",
                "concatenate all 3", names(all.picked()), ms(all.elapsedNanos()), concat.size(), repeats, staleRows,
                sorted(concat) ? "yes" : "no");

        DemoArgs.heading(System.out, "The same rows from all three replicas, reconciled three ways");
        System.out.printf("  by version (the newest write wins):  %s%n", describe(ReplicaMerge.wrongKeys(all.merged(), newest), all.merged(), newest));
        List<Row> arrival = ReplicaMerge.byArrival(concat);
        System.out.printf("  by arrival (the last row to arrive): %s%n", describe(ReplicaMerge.wrongKeys(arrival, newest), arrival, newest));
        List<Row> value = ReplicaMerge.byValue(concat);
        System.out.printf("  by value (the 'largest' value):      %s%n", describe(ReplicaMerge.wrongKeys(value, newest), value, newest));
        System.out.println("  Arrival order is the network's order, not the order of the writes, and values carry no time.");

        DemoArgs.heading(System.out, "Over seeds " + seed + ".." + (seed + seeds - 1) + " (each its own slow and stale replica, delays and stale keys)");
        long[] wrongSeeds = new long[4];
        double[] time = new double[4];
        long arrivalWrong = 0;
        long valueWrong = 0;
        long slowestBound = 0;
        long firstWasStale = 0;
        for (long sd = seed; sd < seed + seeds; sd++) {
            Scenario sc = ReplicaMerge.scenario(sd, KEYS);
            for (int w = 1; w <= 3; w++) {
                Result r = ReplicaMerge.read(sd, sc, w, PAGE, LinkFaults.none());
                if (!ReplicaMerge.wrongKeys(r.merged(), sc.newest()).isEmpty()) {
                    wrongSeeds[w]++;
                }
                time[w] += r.elapsedNanos() / 1e6;
                if (w == 1 && r.picked().get(0) == sc.stale()) {
                    firstWasStale++;
                }
                if (w == 3) {
                    arrivalWrong += ReplicaMerge.wrongKeys(ReplicaMerge.byArrival(r.arrivals()), sc.newest()).isEmpty() ? 0 : 1;
                    valueWrong += ReplicaMerge.wrongKeys(ReplicaMerge.byValue(r.arrivals()), sc.newest()).isEmpty() ? 0 : 1;
                    // a read of all three cannot finish before the slow replica's pages came back
                    if (r.elapsedNanos() >= 2 * sc.delays().get(sc.slow()).toNanos() * (KEYS / PAGE)) {
                        slowestBound++;
                    }
                }
            }
        }
        System.out.printf("  %-34s %22s %16s%n", "client", "seeds with wrong rows", "mean time");
        for (int w = 1; w <= 3; w++) {
            System.out.printf("  %-34s %14d of %-5d %13.1f ms%n", label[w], wrongSeeds[w], seeds, time[w] / seeds);
        }
        System.out.printf("  %-34s %14d of %-5d%n", "all 3, reconciled by arrival", arrivalWrong, seeds);
        System.out.printf("  %-34s %14d of %-5d%n", "all 3, reconciled by value", valueWrong, seeds);
        System.out.printf("%n  Merging all three took at least (pages x the slow replica's round trip) in %d of %d seeds: the%n", slowestBound, seeds);
        System.out.printf("  k-way merge cannot emit a key before every replica has shown its next one. Taking the first answer%n");
        System.out.printf("  was %.1fx faster on average and wrong in %d of %d seeds (the first to answer was the stale replica in %d).%n",
                time[3] / time[1], wrongSeeds[1], seeds, firstWasStale);
        System.out.printf("  Waiting for the first two was wrong in %d of %d seeds at %.1fx the first answer's time: every write is%n",
                wrongSeeds[2], seeds, time[2] / time[1]);
        System.out.println("  on two of the three replicas, so any two of them hold its newest version (R + W > N: 2 + 2 > 3).");
        DemoArgs.heading(System.out, "Output");
        StringBuilder md = new StringBuilder("# Demo 10 · merge, seed " + seed + "\n\n| key | A | B | C | newest | merge of 3 | first answer |\n|---|---|---|---|---|---|---|\n");
        for (Row want : newest.values()) {
            md.append("| ").append(want.key());
            for (int r = 0; r < 3; r++) {
                Row have = s.replicas().get(r).get(want.key());
                md.append(" | ").append(have == null ? "—" : have.value() + " v" + have.version());
            }
            md.append(" | ").append(want.value()).append(" v").append(want.version());
            md.append(" | ").append(cell(all.merged(), want.key())).append(" | ").append(cell(byWait[1].merged(), want.key())).append(" |\n");
        }
        DemoOutput.write(args, "merge-seed-" + seed + ".md", md.toString());
    }

    private static String cell(List<Row> rows, String key) {
        return rows.stream().filter(r -> r.key().equals(key)).findFirst().map(r -> r.value() + " v" + r.version()).orElse("—");
    }

    private static String staleness(Scenario s) {
        NavigableMap<String, Row> st = s.replicas().get(s.stale());
        List<String> parts = new ArrayList<>();
        for (Row want : s.newest().values()) {
            Row have = st.get(want.key());
            if (have == null) {
                parts.add("lacks " + want.key());
            } else if (have.version() < want.version()) {
                parts.add(want.key() + " at v" + have.version() + " (newest v" + want.version() + ")");
            }
        }
        return String.join(", ", parts);
    }

    private static String describe(List<String> wrong, List<Row> rows, NavigableMap<String, Row> newest) {
        if (wrong.isEmpty()) {
            return "0: every key at its newest version";
        }
        List<String> parts = new ArrayList<>();
        for (String k : wrong) {
            Row got = rows.stream().filter(r -> r.key().equals(k)).findFirst().orElse(null);
            parts.add(got == null ? k + " missing" : k + " v" + got.version() + " '" + got.value() + "' (newest v"
                    + newest.get(k).version() + " '" + newest.get(k).value() + "')");
        }
        return wrong.size() + ": " + String.join(", ", parts);
    }

    private static boolean sorted(List<Row> rows) {
        for (int i = 1; i < rows.size(); i++) {
            if (rows.get(i - 1).key().compareTo(rows.get(i).key()) >= 0) {
                return false;
            }
        }
        return true;
    }

    private static String name(int r) {
        return String.valueOf((char) ('A' + r));
    }

    private static String names(List<Integer> rs) {
        return String.join(", ", rs.stream().map(Demo10Merge::name).toList());
    }

    private static String ms(long nanos) {
        return String.format("%.1f ms", nanos / 1e6);
    }
}
