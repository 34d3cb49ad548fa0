package dev.dbinternals.ch08.cascading;

import dev.dbinternals.ch08.harness.render.LineChart;
import dev.dbinternals.ch08.cascading.backoff.BackoffPolicy;
import dev.dbinternals.ch08.cascading.backoff.Contention;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.openjdk.jmh.results.RunResult;

/**
 * Runs {@link Bench02BackoffOnThreads} with 1, 2, 4, 8 and 16 threads and prints, for each
 * resource ({@code cas}, {@code tryLock}, {@code casRoundTrip}), successes per second, failed attempts per success and
 * the spread of successes between threads, beside the simulator's figure for the same policies
 * ({@link Contention}: N clients that each want one write of 1 ms, as in demo {@code jitter}).
 *
 * <p>The two experiments are not the same and their numbers are not comparable: the simulator's
 * clients all start at once and each writes once (the AWS set-up); the threads here write again
 * and again for seconds. What can be compared is the <em>ranking</em> of the policies at each N,
 * which the report prints for both.
 *
 * <p>Run: {@code java -cp ch08-cascading/target/benchmarks.jar dev.dbinternals.ch08.cascading.Bench02BackoffReport [--quick] [--out DIR]}.
 * About eight minutes; {@code --quick} about two.
 */
public final class Bench02BackoffReport {

    static final String USAGE = """
            usage: java -cp ch08-cascading/target/benchmarks.jar dev.dbinternals.ch08.cascading.Bench02BackoffReport [--quick] [--forks N] [--out DIR]
              --quick    one 0.5 s iteration per row instead of three of 1 s (for trying, not for figures)
              --forks N  JMH forks per row (default 1)
              --out DIR  where the Markdown tables and the charts go (default ch08-out/cascading-bench)""";

    static final int[] THREADS = {1, 2, 4, 8, 16};
    static final List<String> POLICIES = List.of("none", "exponential", "full", "equal", "decorrelated");
    static final List<String> RESOURCES = List.of("cas", "tryLock", "casRoundTrip", "casBurst");
    static final int SIM_SEEDS = 10;

    private Bench02BackoffReport() {
    }

    record Row(String resource, int threads, String policy, String successes, double successesPerSecond,
               double failuresPerSuccess, double minShare, double maxShare, double roundMeanUs, double simCallsPerClient) {

        double attemptsPerSuccess() {
            return 1 + failuresPerSuccess;
        }
    }

    public static void main(String[] args) {
        BenchReport.Settings s;
        try {
            s = BenchReport.parse(args, USAGE, Path.of("ch08-out", "cascading-bench"));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        if (s == null) {
            return;
        }
        String before = BenchReport.machine();
        // one calibration for every fork, so every row does the same work per attempt
        long tokens = Bench01QueueSizing.tokensFor(Bench02BackoffOnThreads.WORK_NANOS);
        List<RunResult> results = new ArrayList<>();
        for (int n : THREADS) {
            // with one thread nothing ever fails: one policy is the baseline for all
            String[] policies = n == 1 ? new String[] {"none"} : POLICIES.toArray(String[]::new);
            results.addAll(BenchReport.run(BenchReport.options(Bench02BackoffOnThreads.class, s)
                    .threads(n).param("policy", policies).param("workTokens", String.valueOf(tokens))));
        }
        String after = BenchReport.machine();
        Map<String, Double> sim = simulator();
        List<Row> rows = rows(results, sim);

        System.out.println();
        System.out.println("== Backoff on real threads: N threads contending for one version (cas, casRoundTrip) or one lock (tryLock) ==");
        System.out.println("start: " + before);
        System.out.println("end:   " + after);
        String work = String.format(Locale.ROOT, "work per attempt: %d consumeCPU tokens (calibrated once for %d ns); "
                + "casRoundTrip parks %d µs instead", tokens, Bench02BackoffOnThreads.WORK_NANOS,
                Bench02BackoffOnThreads.ROUND_TRIP_NANOS / 1000);
        System.out.println(work);
        StringBuilder md = new StringBuilder("Measured " + before + " (start) / load average at the end: "
                + after.replaceAll(".*load average ", "") + "\n" + work + "\n");
        for (String resource : RESOURCES) {
            List<Row> part = rows.stream().filter(r -> r.resource().equals(resource)).toList();
            Table t = table(part);
            System.out.println();
            System.out.println("-- " + resource + " --");
            System.out.print(t);
            md.append("\n").append(resource).append(":\n\n").append(t.toMarkdown());
            Path svg = chart(part, resource, s.out().resolve("backoff-attempts-" + resource.toLowerCase(Locale.ROOT) + ".svg"));
            System.out.println("wrote " + svg + "  (attempts per success vs threads, per policy)");
        }
        Table summary = summary(rows);
        System.out.println();
        System.out.println("-- attempts per success, all resources (the simulator: N clients writing once, calls per client) --");
        System.out.print(summary);
        md.append("\nattempts per success, all resources:\n\n").append(summary.toMarkdown());
        String v = verdict(rows);
        System.out.println();
        System.out.print(v);
        md.append("\n").append(v);
        BenchReport.write(s.out().resolve("backoff.md"), md.toString());
        System.out.println("wrote " + s.out().resolve("backoff.md") + "  (the tables in Markdown)");
    }

    /** Calls per client in the simulator, mean of {@link #SIM_SEEDS} seeds, keyed "policy/N". */
    static Map<String, Double> simulator() {
        Map<String, BackoffPolicy> policies = new LinkedHashMap<>();
        policies.put("none", BackoffPolicy.immediate());
        List<BackoffPolicy> demo = Demo04Jitter.policies(); // exponential, full, equal, decorrelated: the demo's settings
        policies.put("exponential", demo.get(0));
        policies.put("full", demo.get(1));
        policies.put("equal", demo.get(2));
        policies.put("decorrelated", demo.get(3));
        Map<String, Double> out = new LinkedHashMap<>();
        for (int n : THREADS) {
            for (var e : policies.entrySet()) {
                double calls = 0;
                for (long seed = 1; seed <= SIM_SEEDS; seed++) {
                    calls += Contention.run(seed, e.getValue(), n, Duration.ofMillis(1), Duration.ofHours(1)).callsPerClient();
                }
                out.put(e.getKey() + "/" + n, calls / SIM_SEEDS);
            }
        }
        return out;
    }

    static List<Row> rows(List<RunResult> results, Map<String, Double> sim) {
        List<Row> rows = new ArrayList<>();
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            String resource = name.substring(name.lastIndexOf('.') + 1);
            int threads = r.getParams().getThreads();
            String policy = r.getParams().getParam("policy");
            // counts over the whole measurement, divided by its length (see Bench02BackoffOnThreads.Attempts)
            var okPerSecond = BenchReport.perSecond(r, "successes");
            double ok = BenchReport.score(r, "successes");
            double failures = BenchReport.score(r, "failures");
            rows.add(new Row(resource, threads, policy, BenchReport.withError(okPerSecond), okPerSecond.getMean(),
                    ok == 0 ? Double.NaN : failures / ok, BenchReport.score(r, "minShare"), BenchReport.score(r, "maxShare"),
                    r.getSecondaryResults().containsKey("roundMeanUs") ? BenchReport.score(r, "roundMeanUs") : Double.NaN,
                    sim.getOrDefault(policy + "/" + threads, Double.NaN)));
        }
        rows.sort(Comparator.comparingInt((Row x) -> RESOURCES.indexOf(x.resource())).thenComparingInt(Row::threads)
                .thenComparingInt(x -> POLICIES.indexOf(x.policy())));
        return rows;
    }

    static Table table(List<Row> rows) {
        boolean burst = rows.stream().anyMatch(r -> !Double.isNaN(r.roundMeanUs()));
        Table t = burst
                ? new Table("threads", "policy", "successes/s", "attempts per success", "round ms", "min share", "max share",
                        "simulator: calls per client")
                : new Table("threads", "policy", "successes/s", "attempts per success", "min share", "max share",
                        "simulator: calls per client");
        for (Row r : rows) {
            String policy = r.threads() == 1 ? "(any: nothing fails)" : r.policy();
            if (burst) {
                t.row(r.threads(), policy, r.successes(), BenchReport.sig(r.attemptsPerSuccess()),
                        BenchReport.sig(r.roundMeanUs() / 1e3), BenchReport.f2(r.minShare()), BenchReport.f2(r.maxShare()),
                        BenchReport.sig(r.simCallsPerClient()));
            } else {
                t.row(r.threads(), policy, r.successes(), BenchReport.sig(r.attemptsPerSuccess()),
                        BenchReport.f2(r.minShare()), BenchReport.f2(r.maxShare()), BenchReport.sig(r.simCallsPerClient()));
            }
        }
        return t;
    }

    /** One line per resource and N: attempts per success for each policy, and the simulator's calls per client. */
    static Table summary(List<Row> rows) {
        List<String> headers = new ArrayList<>(List.of("resource", "threads"));
        POLICIES.forEach(headers::add);
        POLICIES.forEach(p -> headers.add("sim " + p));
        Table t = new Table(headers.toArray(String[]::new));
        for (String resource : RESOURCES) {
            for (int n : THREADS) {
                if (n == 1) {
                    continue;
                }
                List<Object> cells = new ArrayList<>(List.of(resource, n));
                for (String p : POLICIES) {
                    cells.add(rows.stream().filter(r -> r.resource().equals(resource) && r.threads() == n && r.policy().equals(p))
                            .findFirst().map(r -> BenchReport.sig(r.attemptsPerSuccess())).orElse("-"));
                }
                for (String p : POLICIES) {
                    cells.add(rows.stream().filter(r -> r.resource().equals(resource) && r.threads() == n && r.policy().equals(p))
                            .findFirst().map(r -> BenchReport.sig(r.simCallsPerClient())).orElse("-"));
                }
                t.row(cells.toArray());
            }
        }
        return t;
    }

    /** Sentences computed from the rows: the ranking by attempts per success, real threads vs the simulator. */
    static String verdict(List<Row> rows) {
        StringBuilder sb = new StringBuilder("Policies ranked by attempts per success, fewest first (real threads), and the simulator's "
                + "calls per client for the same N (one-shot rounds, as in demo 'jitter'):\n");
        for (String resource : RESOURCES) {
            for (int n : THREADS) {
                if (n == 1) {
                    continue;
                }
                List<Row> at = rows.stream().filter(r -> r.resource().equals(resource) && r.threads() == n).toList();
                if (at.isEmpty()) {
                    continue;
                }
                String real = at.stream().sorted(Comparator.comparingDouble(Row::attemptsPerSuccess))
                        .map(r -> r.policy() + " " + BenchReport.sig(r.attemptsPerSuccess())).collect(Collectors.joining(" < "));
                String simulated = at.stream().sorted(Comparator.comparingDouble(Row::simCallsPerClient))
                        .map(r -> r.policy() + " " + BenchReport.sig(r.simCallsPerClient())).collect(Collectors.joining(", "));
                sb.append(String.format(Locale.ROOT, "  %-12s N = %2d: %s%n  %-12s         simulator: %s%n", resource, n, real, "",
                        simulated));
            }
        }
        return sb.toString();
    }

    static Path chart(List<Row> rows, String resource, Path file) {
        LineChart c = new LineChart("Attempts per success vs threads (" + resource + ", 2 cores)", "threads",
                "attempts per success").logY();
        for (String p : POLICIES) {
            List<Row> line = rows.stream().filter(r -> r.policy().equals(p) && r.threads() > 1)
                    .sorted(Comparator.comparingInt(Row::threads)).toList();
            if (line.isEmpty()) {
                continue;
            }
            c.series(p.equals("none") ? "none (retry at once)" : p, line.stream().mapToDouble(Row::threads).toArray(),
                    line.stream().mapToDouble(Row::attemptsPerSuccess).toArray());
        }
        return c.write(file);
    }
}
