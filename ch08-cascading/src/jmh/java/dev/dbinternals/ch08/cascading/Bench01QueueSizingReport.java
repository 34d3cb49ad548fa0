package dev.dbinternals.ch08.cascading;

import dev.dbinternals.ch08.harness.render.LineChart;
import dev.dbinternals.ch08.cascading.processing.LoadGenerator;
import dev.dbinternals.ch08.cascading.processing.QueueExperiment;
import dev.dbinternals.ch08.cascading.processing.QueueSizing;
import dev.dbinternals.ch08.cascading.processing.ServerNode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;

/**
 * Runs {@link Bench01QueueSizing} over the README's sweep and prints one table: what real threads
 * measured, Little's law checked with L and W measured independently, and what a model predicts
 * for the same service time S and arrival rate λ.
 *
 * <p>The model of each row:
 * <ul>
 *   <li>{@code offer} (load shedding): the simulator, a {@link ServerNode} with the same capacity
 *   and the measured S, fed Poisson arrivals at the producer's scheduled rate (a request that finds
 *   the queue full is refused, as {@code offer} refuses);</li>
 *   <li>{@code put} (backpressure) below saturation: the simulator with an unbounded queue, the
 *   M/D/1 queue. With one producer the consumer is never idle while an item waits anywhere, so
 *   this predicts the delay an item sees from its due time to its service, wherever it waited:
 *   in the queue (W) or at the source (late);</li>
 *   <li>{@code put} at or above saturation: the queue is always full and the producer always holds
 *   one more item, so L = C + 1 and λ = μ; Little's law gives W = L / λ
 *   ({@link QueueSizing#littlesW}).</li>
 * </ul>
 *
 * <p>Run (from the repository root, after {@code ./ch08 bench cascading -h} or
 * {@code mvn -pl ch08-cascading -am -Pbench package -DskipTests} built the jar):
 * {@code java -cp ch08-cascading/target/benchmarks.jar dev.dbinternals.ch08.cascading.Bench01QueueSizingReport [--quick] [--out DIR]}.
 * About five minutes; {@code --quick} takes about two and is for trying, not for figures.
 */
public final class Bench01QueueSizingReport {

    static final String USAGE = """
            usage: java -cp ch08-cascading/target/benchmarks.jar dev.dbinternals.ch08.cascading.Bench01QueueSizingReport [--quick] [--forks N] [--out DIR]
              --quick    one 0.5 s iteration per row instead of three of 1 s (for trying, not for figures)
              --forks N  JMH forks per row (default 1; more forks, tighter error bars, longer run)
              --out DIR  where the Markdown table and the charts go (default ch08-out/cascading-bench)""";

    /** Simulated run length; above saturation longer, so that filling a 4,096 queue (0.4 s) is a small part of it. */
    static final Duration SIM_RUN = Duration.ofSeconds(8);
    static final Duration SIM_RUN_OVERLOADED = Duration.ofSeconds(20);
    /** The consumer's work per item, S. */
    static final int SERVICE_MICROS = 100;

    private Bench01QueueSizingReport() {
    }

    /** One row: the parameters, what was measured, and the model. */
    record Row(String queue, String overload, double load, int capacity, double serviceUs, double asked,
               String served, double servedPerSecond, double accepted, double refused, double p50, double p99,
               double p999, double mean, double lateUs, double queueLength, double producerHeld, Model model) {

        /** ρ = λ·S with the producer's scheduled rate and the service time the consumer measured. */
        double rho() {
            return asked * serviceUs / 1e6;
        }

        double refusedPercent() {
            return accepted + refused == 0 ? 0 : 100 * refused / (accepted + refused);
        }

        double littleLambdaW() {
            return accepted * mean / 1e6;
        }
    }

    /** A prediction: mean and p99 wait, refused fraction, and which model made it. */
    record Model(double meanUs, double p99Us, double refusedPercent, String how) {
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
        // one calibration for every fork, so every row's consumer does the same work per item
        long tokens = Bench01QueueSizing.tokensFor(SERVICE_MICROS * 1000L);
        String service = String.format(Locale.ROOT, "service S: %d consumeCPU tokens per item (calibrated once for %d µs)",
                tokens, SERVICE_MICROS);
        List<RunResult> results = new ArrayList<>();
        // The whole capacity sweep for the JDK's array queue ...
        results.addAll(BenchReport.run(BenchReport.options(Bench01QueueSizing.class, s)
                .param("serviceMicros", String.valueOf(SERVICE_MICROS)).param("serviceTokens", String.valueOf(tokens))
                .param("queue", "ArrayBlockingQueue")
                .param("capacity", "1", "16", "256", "4096")
                .param("load", "0.5", "0.9", "1.5")
                .param("overload", "put", "offer")));
        // ... and the two other queues at a small and a large capacity, for the queue's own cost.
        results.addAll(BenchReport.run(BenchReport.options(Bench01QueueSizing.class, s)
                .param("serviceMicros", String.valueOf(SERVICE_MICROS)).param("serviceTokens", String.valueOf(tokens))
                .param("queue", "LinkedBlockingQueue", "MpscBlockingConsumerArrayQueue")
                .param("capacity", "16", "4096")
                .param("load", "0.5", "0.9", "1.5")
                .param("overload", "put", "offer")));
        String after = BenchReport.machine();

        List<Row> rows = rows(results);
        List<Row> abq = rows.stream().filter(r -> r.queue().equals("ArrayBlockingQueue")).toList();
        Table sizing = sizingTable(abq);
        Table little = littleTable(abq);
        Table queues = queuesTable(rows);
        String verdict = verdict(rows);
        System.out.println();
        System.out.println("== Queue sizing on real threads (consumer: S of CPU work per item; Poisson producer) ==");
        System.out.println("start: " + before);
        System.out.println("end:   " + after);
        System.out.println(service);
        System.out.println();
        System.out.println("-- 1. ArrayBlockingQueue: what a bigger queue buys; W = wait from hand-over to take, µs --");
        System.out.print(sizing);
        System.out.println();
        System.out.println("-- 2. Little's law on real threads: L sampled vs λ·W from timestamps --");
        System.out.print(little);
        System.out.println();
        System.out.println("-- 3. The queue's own cost: three queues, same load --");
        System.out.print(queues);
        System.out.println();
        System.out.print(verdict);
        String md = "Measured " + before + " (start); load average at the end: " + after.replaceAll(".*load average ", "")
                + "\n" + service + "\n\n1. ArrayBlockingQueue, wait W in µs\n\n" + sizing.toMarkdown()
                + "\n2. Little's law\n\n" + little.toMarkdown()
                + "\n3. Three queues\n\n" + queues.toMarkdown() + "\n" + verdict;
        BenchReport.write(s.out().resolve("queue-sizing.md"), md);
        System.out.println("wrote " + s.out().resolve("queue-sizing.md") + "  (the tables in Markdown)");
        System.out.println("wrote " + chart(rows, s.out().resolve("queue-wait-vs-capacity.svg"))
                + "  (p99 wait vs capacity, ArrayBlockingQueue, per load and overload answer)");
    }

    static List<Row> rows(Collection<RunResult> results) {
        List<Row> rows = new ArrayList<>();
        for (RunResult r : results) {
            var p = r.getParams();
            String queue = p.getParam("queue");
            String overload = p.getParam("overload");
            double load = Double.parseDouble(p.getParam("load"));
            int capacity = Integer.parseInt(p.getParam("capacity"));
            double serviceUs = BenchReport.score(r, "serviceMeanUs");
            // the producer's schedule: load / S_nominal items per second (Poisson); under backpressure
            // it hands over fewer, which is the point, so the model gets the scheduled rate
            double asked = load * 1e6 / Integer.parseInt(p.getParam("serviceMicros"));
            Model m = model(asked, serviceUs, capacity, overload.equals("offer"));
            rows.add(new Row(queue, overload, load, capacity, serviceUs, asked,
                    BenchReport.withError(BenchReport.perSecond(r, "served")), BenchReport.perSecond(r, "served").getMean(),
                    BenchReport.perSecond(r, "accepted").getMean(), BenchReport.perSecond(r, "refused").getMean(),
                    BenchReport.score(r, "waitP50Us"), BenchReport.score(r, "waitP99Us"), BenchReport.score(r, "waitP999Us"),
                    BenchReport.score(r, "waitMeanUs"), BenchReport.score(r, "lateMeanUs"),
                    BenchReport.score(r, "queueLength"), BenchReport.score(r, "producerHeld"), m));
        }
        rows.sort(Comparator.comparing((Row x) -> queueOrder(x.queue())).thenComparing(Row::overload, Comparator.reverseOrder())
                .thenComparingDouble(Row::load).thenComparingInt(Row::capacity));
        return rows;
    }

    private static int queueOrder(String q) {
        return switch (q) {
            case "ArrayBlockingQueue" -> 0;
            case "LinkedBlockingQueue" -> 1;
            default -> 2;
        };
    }

    /** The model's prediction for one row (see the class comment). */
    static Model model(double offeredPerSecond, double serviceUs, int capacity, boolean shed) {
        if (!(serviceUs > 0) || !(offeredPerSecond > 0)) {
            return new Model(Double.NaN, Double.NaN, Double.NaN, "-");
        }
        long sNanos = Math.round(serviceUs * 1e3);
        Duration s = Duration.ofNanos(sNanos);
        double rho = QueueSizing.utilization(offeredPerSecond, s);
        if (!shed && rho >= 1) {
            double w = QueueSizing.littlesW(capacity + 1, 1e9 / sNanos).toNanos() / 1e3;
            return new Model(w, w, 0, "Little, L = C+1");
        }
        int simCapacity = shed ? capacity : ServerNode.UNBOUNDED;
        QueueExperiment.Result r = QueueExperiment.run(1, new ServerNode.Config(simCapacity, s),
                a -> LoadGenerator.Config.openLoop(a, offeredPerSecond, rho >= 1 ? SIM_RUN_OVERLOADED : SIM_RUN).withPoisson(true), Duration.ofSeconds(60));
        // the simulated client's latency is 1 ms there + wait + S + 1 ms back: the wait is what is left
        double p99 = (r.p99() - 2_000_000 - sNanos) / 1e3;
        double mean = (r.server().meanResidenceNanos() - sNanos) / 1e3;
        return new Model(mean, Math.max(0, p99), 100 * r.rejectedFraction(), shed ? "simulator, C" : "simulator, M/D/1");
    }

    /** Table 1: per load and overload answer, what each capacity did, beside the model. */
    static Table sizingTable(List<Row> rows) {
        Table t = new Table("full queue", "load", "C", "S µs", "ρ = λS", "served/s", "refused %", "W p50", "W p99",
                "W p99.9", "W mean", "late at source", "model W mean", "model W p99", "model refused %", "model");
        for (Row r : rows) {
            t.row(r.overload(), BenchReport.f1(r.load()), r.capacity(), BenchReport.f1(r.serviceUs()),
                    BenchReport.f2(r.rho()), r.served(), BenchReport.f1(r.refusedPercent()), BenchReport.sig(r.p50()),
                    BenchReport.sig(r.p99()), BenchReport.sig(r.p999()), BenchReport.sig(r.mean()), BenchReport.sig(r.lateUs()),
                    BenchReport.sig(r.model().meanUs()), BenchReport.sig(r.model().p99Us()),
                    BenchReport.f1(r.model().refusedPercent()), r.model().how());
        }
        return t;
    }

    /** Table 2: L looked at by the sampler, against λ·W computed from the items' own timestamps. */
    static Table littleTable(List<Row> rows) {
        Table t = new Table("full queue", "load", "C", "λ accepted/s", "W mean µs", "λ·W", "L measured", "producer holding %",
                "L / λ·W");
        for (Row r : rows) {
            double lw = r.littleLambdaW();
            t.row(r.overload(), BenchReport.f1(r.load()), r.capacity(), BenchReport.f0(r.accepted()), BenchReport.sig(r.mean()),
                    BenchReport.sig(lw), BenchReport.sig(r.queueLength()), BenchReport.f1(100 * r.producerHeld()),
                    lw > 0 ? BenchReport.f2(r.queueLength() / lw) : "-");
        }
        return t;
    }

    /** Table 3: the three queues at the capacities all of them ran. */
    static Table queuesTable(List<Row> rows) {
        Table t = new Table("full queue", "load", "C", "queue", "S µs", "served/s", "refused %", "W p50", "W p99", "W mean");
        List<Row> sorted = rows.stream().filter(r -> r.capacity() == 16 || r.capacity() == 4096)
                .sorted(Comparator.comparing(Row::overload, Comparator.reverseOrder()).thenComparingDouble(Row::load)
                        .thenComparingInt(Row::capacity).thenComparing(x -> queueOrder(x.queue())))
                .toList();
        for (Row r : sorted) {
            t.row(r.overload(), BenchReport.f1(r.load()), r.capacity(), shortName(r.queue()), BenchReport.f1(r.serviceUs()),
                    r.served(), BenchReport.f1(r.refusedPercent()), BenchReport.sig(r.p50()), BenchReport.sig(r.p99()),
                    BenchReport.sig(r.mean()));
        }
        return t;
    }

    static String shortName(String queue) {
        return switch (queue) {
            case "ArrayBlockingQueue" -> "ABQ";
            case "LinkedBlockingQueue" -> "LBQ";
            case "MpscBlockingConsumerArrayQueue" -> "JCTools MPSC";
            default -> queue;
        };
    }

    /** Sentences computed from the rows: the claims the README makes, checked on this run. */
    static String verdict(List<Row> rows) {
        StringBuilder sb = new StringBuilder();
        List<Row> abq = rows.stream().filter(r -> r.queue().equals("ArrayBlockingQueue")).toList();
        // 1. throughput above saturation: the same at every capacity
        List<Row> over = abq.stream().filter(r -> r.load() > 1).toList();
        if (!over.isEmpty()) {
            double lo = over.stream().mapToDouble(Row::servedPerSecond).min().orElse(0);
            double hi = over.stream().mapToDouble(Row::servedPerSecond).max().orElse(0);
            double mu = 1e6 / over.stream().mapToDouble(Row::serviceUs).average().orElse(1);
            sb.append(String.format(Locale.ROOT, "Above saturation (load 1.5) the ArrayBlockingQueue served %s to %s items/s at every "
                    + "capacity from 1 to 4,096 (1/S from the measured S: about %s/s).%n", BenchReport.f0(lo), BenchReport.f0(hi),
                    BenchReport.f0(mu)));
            for (String o : List.of("put", "offer")) {
                Row small = find(over, o, 16);
                Row big = find(over, o, 4096);
                if (small != null && big != null) {
                    sb.append(String.format(Locale.ROOT, "  %s: capacity 16 -> 4,096 changed served/s by %+.1f%% and the mean wait "
                                    + "from %s µs to %s µs (%.0fx)%s.%n", o, 100 * (big.servedPerSecond() / small.servedPerSecond() - 1),
                            BenchReport.sig(small.mean()), BenchReport.sig(big.mean()), big.mean() / small.mean(),
                            o.equals("offer") ? String.format(Locale.ROOT, "; refused %.1f%% and %.1f%%", small.refusedPercent(),
                                    big.refusedPercent()) : ""));
                }
            }
        }
        // 2. Little's law on real threads
        double worst = 0;
        Row worstRow = null;
        for (Row r : rows) {
            double lw = r.littleLambdaW();
            if (lw < 0.05 && r.queueLength() < 0.05) {
                continue; // nearly empty queue: a relative error of tiny numbers says nothing
            }
            double e = Math.abs(r.queueLength() - lw) / Math.max(lw, r.queueLength());
            if (e > worst) {
                worst = e;
                worstRow = r;
            }
        }
        if (worstRow != null) {
            sb.append(String.format(Locale.ROOT, "Little's law: L sampled by a third thread and λ·W from the items' timestamps differ "
                            + "by at most %.0f%% over the rows with L or λ·W >= 0.05 (worst: %s, %s, load %.1f, C = %d: L %s, λ·W %s).%n",
                    100 * worst, shortName(worstRow.queue()), worstRow.overload(), worstRow.load(), worstRow.capacity(),
                    BenchReport.sig(worstRow.queueLength()), BenchReport.sig(worstRow.littleLambdaW())));
        }
        return sb.toString();
    }

    private static Row find(List<Row> rows, String overload, int capacity) {
        return rows.stream().filter(r -> r.overload().equals(overload) && r.capacity() == capacity).findFirst().orElse(null);
    }

    static Path chart(List<Row> rows, Path file) {
        double s = rows.stream().filter(r -> r.queue().equals("ArrayBlockingQueue")).mapToDouble(Row::serviceUs).average().orElse(0);
        LineChart c = new LineChart(String.format(Locale.ROOT, "Queue wait p99 vs capacity (ArrayBlockingQueue, S ≈ %.0f µs)", s),
                "queue capacity, log2 (0 = 1, 4 = 16, 8 = 256, 12 = 4,096)", "p99 wait, µs").logY();
        for (String o : List.of("put", "offer")) {
            for (double load : new double[] {0.5, 0.9, 1.5}) {
                List<Row> line = rows.stream().filter(r -> r.queue().equals("ArrayBlockingQueue") && r.overload().equals(o)
                        && r.load() == load).sorted(Comparator.comparingInt(Row::capacity)).toList();
                if (line.isEmpty()) {
                    continue;
                }
                double[] x = line.stream().mapToDouble(r -> Math.log(r.capacity()) / Math.log(2)).toArray();
                double[] y = line.stream().mapToDouble(r -> Math.max(r.p99(), 0.1)).toArray();
                c.series(String.format(Locale.ROOT, "%s, load %.1f", o.equals("put") ? "put (backpressure)" : "offer (shedding)",
                        load), x, y);
            }
        }
        return c.write(file);
    }
}
