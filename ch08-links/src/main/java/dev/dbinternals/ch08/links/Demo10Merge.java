package dev.dbinternals.ch08.links;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

import dev.dbinternals.ch08.harness.lang.Columns;
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
        DemoArgs args = DemoArgs.forDemo("merge", "Merging and reconciling pages from three replicas, one slow and one stale",
                        "복제본 셋(하나는 느리고 하나는 낡았다)에서 온 페이지를 병합하고 조정한다")
                .intOption("seeds", 1000, 1, 100_000, "seeds in the summary (at most 100 with --quick)", "요약에 쓸 시드 수 (--quick이면 최대 100)").parse(argv);
        int seeds = args.intValue("seeds");
        if (args.quick()) {
            seeds = Math.min(seeds, 100);
        }
        long seed = args.seed();
        Scenario s = ReplicaMerge.scenario(seed, KEYS);
        NavigableMap<String, Row> newest = s.newest();
        DemoArgs.heading(System.out, t("Demo 10 · merging results from several replicas (로컬 실행과 원격 실행: 병합, 데이터 조정), seed " + seed,
                "데모 10 · 여러 복제본의 결과 병합 (로컬 실행과 원격 실행: 병합, 데이터 조정), 시드 " + seed));
        System.out.printf(t("%d keys on replicas A, B and C, read in pages of %d through a perfect link each.%n",
                "복제본 A, B, C에 키 %d개. 복제본마다 퍼펙트 링크 하나로 %d개씩 페이지 단위로 읽는다.%n"), KEYS, PAGE);
        System.out.printf(t("Replica %s is slow: %s each way (A %s, B %s, C %s).%n", "복제본 %s는 느리다: 방향마다 %s (A %s, B %s, C %s).%n"), name(s.slow()), ms(s.delays().get(s.slow()).toNanos()),
                ms(s.delays().get(0).toNanos()), ms(s.delays().get(1).toNanos()), ms(s.delays().get(2).toNanos()));
        System.out.printf(t("Replica %s missed some writes: %s. Every write reached the other two.%n",
                "복제본 %s는 쓰기 몇 개를 놓쳤다: %s. 모든 쓰기는 나머지 둘에 닿았다.%n"), name(s.stale()), staleness(s));

        Result[] byWait = new Result[4];
        for (int w = 1; w <= 3; w++) {
            byWait[w] = ReplicaMerge.read(seed, s, w, PAGE, LinkFaults.none());
        }
        Result all = byWait[3];
        // padded by terminal columns, not characters, so the Korean labels and header line up
        System.out.printf("%n  %s %s %s %s  %s%n", Columns.left(t("client", "클라이언트"), 34), Columns.left(t("reads", "읽은 곳"), 10),
                Columns.right(t("time", "시간"), 10), Columns.right(t("rows", "행"), 6), t("rows wrong (stale or missing)", "틀린 행 (낡았거나 빠짐)"));
        String[] label = {"", t("first answer (waits for 1)", "첫 응답 (1개를 기다림)"), t("merge the first 2 to answer", "먼저 응답한 2개 병합"),
            t("merge all 3 (k-way, by version)", "3개 모두 병합 (k-way, 버전 기준)")};
        for (int w = 1; w <= 3; w++) {
            Result r = byWait[w];
            System.out.printf("  %s %-10s %10s %6d  %s%n", Columns.left(label[w], 34), names(r.picked()), ms(r.elapsedNanos()), r.merged().size(),
                    describe(ReplicaMerge.wrongKeys(r.merged(), newest), r.merged(), newest));
        }
        List<Row> concat = all.arrivals();
        Set<String> seen = new HashSet<>();
        long repeats = concat.stream().filter(r -> !seen.add(r.key())).count();
        long staleRows = concat.stream().filter(r -> r.version() < newest.get(r.key()).version()).count();
        System.out.printf(t("  %s %-10s %10s %6d  %d rows repeat a key, %d rows stale, in key order: %s%n",
                "  %s %-10s %10s %6d  키가 반복된 행 %d개, 낡은 행 %d개, 키 순서: %s%n"),
                Columns.left(t("concatenate all 3", "3개를 그냥 이어 붙임"), 34), names(all.picked()), ms(all.elapsedNanos()), concat.size(), repeats, staleRows,
                sorted(concat) ? t("yes", "예") : t("no", "아니오"));

        DemoArgs.heading(System.out, t("The same rows from all three replicas, reconciled three ways", "세 복제본에서 온 같은 행을 세 가지로 조정"));
        System.out.printf(t("  by version (the newest write wins):  %s%n", "  버전 기준 (가장 새 쓰기가 이긴다):  %s%n"), describe(ReplicaMerge.wrongKeys(all.merged(), newest), all.merged(), newest));
        List<Row> arrival = ReplicaMerge.byArrival(concat);
        System.out.printf(t("  by arrival (the last row to arrive): %s%n", "  도착 기준 (마지막에 도착한 행):     %s%n"), describe(ReplicaMerge.wrongKeys(arrival, newest), arrival, newest));
        List<Row> value = ReplicaMerge.byValue(concat);
        System.out.printf(t("  by value (the 'largest' value):      %s%n", "  값 기준 ('가장 큰' 값):           %s%n"), describe(ReplicaMerge.wrongKeys(value, newest), value, newest));
        System.out.println(t("  Arrival order is the network's order, not the order of the writes, and values carry no time.",
                "  도착 순서는 네트워크의 순서이지 쓰기의 순서가 아니며, 값에는 시간이 담겨 있지 않다."));

        DemoArgs.heading(System.out, t("Over seeds " + seed + ".." + (seed + seeds - 1) + " (each its own slow and stale replica, delays and stale keys)",
                "시드 " + seed + ".." + (seed + seeds - 1) + " 전체 (시드마다 느린 복제본, 낡은 복제본, 지연, 낡은 키가 다르다)"));
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
        System.out.printf("  %s %s %s%n", Columns.left(t("client", "클라이언트"), 34), Columns.right(t("seeds with wrong rows", "틀린 행이 있던 시드"), 22),
                Columns.right(t("mean time", "평균 시간"), 16));
        for (int w = 1; w <= 3; w++) {
            System.out.printf(t("  %s %14d of %-5d %13.1f ms%n", "  %s %14d / %-5d %13.1f ms%n"), Columns.left(label[w], 34), wrongSeeds[w], seeds, time[w] / seeds);
        }
        System.out.printf(t("  %s %14d of %-5d%n", "  %s %14d / %-5d%n"), Columns.left(t("all 3, reconciled by arrival", "3개 모두, 도착 기준 조정"), 34),
                arrivalWrong, seeds);
        System.out.printf(t("  %s %14d of %-5d%n", "  %s %14d / %-5d%n"), Columns.left(t("all 3, reconciled by value", "3개 모두, 값 기준 조정"), 34),
                valueWrong, seeds);
        System.out.printf(t("%n  Merging all three took at least (pages x the slow replica's round trip) in %d of %d seeds: the%n",
                "%n  셋을 모두 병합하면 시드 %2$d개 중 %1$d개에서 적어도 (페이지 수 x 느린 복제본의 왕복 시간)이 걸렸다:%n"), slowestBound, seeds);
        System.out.printf(t("  k-way merge cannot emit a key before every replica has shown its next one. Taking the first answer%n",
                "  k-way 병합은 모든 복제본이 다음 키를 보여 주기 전에는 키를 내놓을 수 없다. 첫 응답을 택하면%n"));
        System.out.printf(t("  was %.1fx faster on average and wrong in %d of %d seeds (the first to answer was the stale replica in %d).%n",
                "  평균 %1$.1f배 빨랐지만 시드 %3$d개 중 %2$d개에서 틀렸다 (먼저 응답한 것이 낡은 복제본이었던 경우 %4$d개).%n"),
                time[3] / time[1], wrongSeeds[1], seeds, firstWasStale);
        System.out.printf(t("  Waiting for the first two was wrong in %d of %d seeds at %.1fx the first answer's time: every write is%n",
                "  먼저 온 둘을 기다리면 첫 응답 시간의 %3$.1f배로 시드 %2$d개 중 %1$d개에서 틀렸다: 모든 쓰기가%n"),
                wrongSeeds[2], seeds, time[2] / time[1]);
        System.out.println(t("  on two of the three replicas, so any two of them hold its newest version (R + W > N: 2 + 2 > 3).",
                "  세 복제본 중 둘에 있으므로 어느 둘이든 최신 버전을 갖는다 (R + W > N: 2 + 2 > 3)."));
        DemoArgs.heading(System.out, t("Output", "출력"));
        StringBuilder md = new StringBuilder(t("# Demo 10 · merge, seed " + seed + "\n\n| key | A | B | C | newest | merge of 3 | first answer |\n|---|---|---|---|---|---|---|\n",
                "# 데모 10 · 병합, 시드 " + seed + "\n\n| 키 | A | B | C | 최신 | 3개 병합 | 첫 응답 |\n|---|---|---|---|---|---|---|\n"));
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
                parts.add(t("lacks " + want.key(), want.key() + " 없음"));
            } else if (have.version() < want.version()) {
                parts.add(t(want.key() + " at v" + have.version() + " (newest v" + want.version() + ")",
                        want.key() + " v" + have.version() + " (최신 v" + want.version() + ")"));
            }
        }
        return String.join(", ", parts);
    }

    private static String describe(List<String> wrong, List<Row> rows, NavigableMap<String, Row> newest) {
        if (wrong.isEmpty()) {
            return t("0: every key at its newest version", "0: 모든 키가 최신 버전");
        }
        List<String> parts = new ArrayList<>();
        for (String k : wrong) {
            Row got = rows.stream().filter(r -> r.key().equals(k)).findFirst().orElse(null);
            parts.add(got == null ? t(k + " missing", k + " 빠짐") : k + " v" + got.version() + " '" + got.value() + t("' (newest v", "' (최신 v")
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
