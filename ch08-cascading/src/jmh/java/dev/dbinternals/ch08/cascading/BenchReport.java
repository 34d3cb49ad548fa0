package dev.dbinternals.ch08.cascading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.util.ListStatistics;
import org.openjdk.jmh.util.Statistics;

/**
 * What the benchmark report mains share: their command line, running JMH from Java, reading a
 * result, and the line that says which machine produced the figures. Not thread-safe.
 */
final class BenchReport {

    /** The report's settings: where to write, and how long JMH measures. */
    record Settings(Path out, int warmups, TimeValue warmupTime, int iterations, TimeValue iterationTime, int forks) {
    }

    private BenchReport() {
    }

    /**
     * Parses {@code [--quick] [--forks N] [--out DIR]}; prints {@code usage} and returns null
     * for {@code --help}; throws {@link IllegalArgumentException} with a clear message on
     * anything else.
     */
    static Settings parse(String[] args, String usage, Path defaultOut) {
        Path out = defaultOut;
        boolean quick = false;
        int forks = 1;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--help", "-h" -> {
                    System.out.println(usage);
                    return null;
                }
                case "--quick" -> quick = true;
                case "--out" -> out = Path.of(value(args, ++i, "--out"));
                case "--forks" -> {
                    String v = value(args, ++i, "--forks");
                    try {
                        forks = Integer.parseInt(v);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("--forks needs a whole number, got '" + v + "'");
                    }
                    if (forks < 1 || forks > 20) {
                        throw new IllegalArgumentException("--forks must be in [1, 20], got " + forks);
                    }
                }
                default -> throw new IllegalArgumentException("unknown option '" + args[i] + "'\n" + usage);
            }
        }
        return quick
                ? new Settings(out, 1, TimeValue.milliseconds(300), 1, TimeValue.milliseconds(500), forks)
                : new Settings(out, 2, TimeValue.seconds(1), 3, TimeValue.seconds(1), forks);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    /** A JMH run of every benchmark of {@code benchmark} with the report's durations. */
    static ChainedOptionsBuilder options(Class<?> benchmark, Settings s) {
        return new OptionsBuilder()
                .include(Pattern.quote(benchmark.getName()) + "\\..*")
                .warmupIterations(s.warmups()).warmupTime(s.warmupTime())
                .measurementIterations(s.iterations()).measurementTime(s.iterationTime())
                .forks(s.forks());
    }

    static Collection<RunResult> run(ChainedOptionsBuilder options) {
        try {
            return new Runner(options.build()).run();
        } catch (RunnerException e) {
            throw new IllegalStateException("JMH failed: " + e.getMessage(), e);
        }
    }

    /** A secondary result (an aux counter) of a run; fails loudly if the benchmark has none by that name. */
    static Result secondary(RunResult r, String name) {
        Result x = r.getSecondaryResults().get(name);
        if (x == null) {
            throw new IllegalStateException("no result '" + name + "' in " + r.getParams().id()
                    + "; have " + r.getSecondaryResults().keySet());
        }
        return x;
    }

    static double score(RunResult r, String name) {
        return secondary(r, name).getScore();
    }

    /**
     * An EVENTS counter turned into a rate per second of measurement: the count of each
     * measurement iteration divided by the iteration's length, as statistics over the iterations
     * (mean, and JMH's 99.9% error when there are at least two).
     */
    static Statistics perSecond(RunResult r, String counter) {
        double seconds = r.getParams().getMeasurement().getTime().convertTo(TimeUnit.NANOSECONDS) / 1e9;
        ListStatistics st = new ListStatistics();
        for (BenchmarkResult b : r.getBenchmarkResults()) {
            for (IterationResult it : b.getIterationResults()) {
                Result x = it.getSecondaryResults().get(counter);
                if (x == null) {
                    throw new IllegalStateException("no counter '" + counter + "' in " + r.getParams().id());
                }
                st.addValue(x.getScore() / seconds);
            }
        }
        return st;
    }

    /** "12,345 ± 678" for statistics over iterations (no ± with one iteration). */
    static String withError(Statistics st) {
        return st.getN() < 2 ? f0(st.getMean()) : f0(st.getMean()) + " ± " + f0(st.getMeanErrorAt(0.999));
    }

    /** The machine and the moment: cores, JVM, load average. */
    static String machine() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return String.format(Locale.ROOT, "%s: %d cores (availableProcessors), %s %s (%s), load average %s",
                LocalDate.now(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"), System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                load < 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", load));
    }

    static void write(Path file, String text) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    static double[] doubles(List<Double> xs) {
        return xs.stream().mapToDouble(Double::doubleValue).toArray();
    }

    static String f0(double v) {
        return String.format(Locale.ROOT, "%,.0f", v);
    }

    static String f1(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static String f2(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    /** Three significant figures, no exponent: 0.0123, 1.23, 123, 12,300. */
    static String sig(double v) {
        double a = Math.abs(v);
        if (a >= 1000) {
            return f0(v);
        }
        if (a >= 100) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        if (a >= 10) {
            return f1(v);
        }
        if (a >= 1) {
            return f2(v);
        }
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
