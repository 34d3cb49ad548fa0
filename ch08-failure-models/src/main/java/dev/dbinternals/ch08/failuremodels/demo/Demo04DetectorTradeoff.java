package dev.dbinternals.ch08.failuremodels.demo;

import dev.dbinternals.ch08.failuremodels.clocks.TimeSource;
import dev.dbinternals.ch08.failuremodels.detectors.DetectorExperiment;
import dev.dbinternals.ch08.failuremodels.detectors.FailureDetector;
import dev.dbinternals.ch08.failuremodels.detectors.PhiAccrualDetector;
import dev.dbinternals.ch08.failuremodels.detectors.TimeoutDetector;
import dev.dbinternals.ch08.failuremodels.detectors.DetectorExperiment.Config;
import dev.dbinternals.ch08.failuremodels.detectors.DetectorExperiment.Result;
import dev.dbinternals.ch08.harness.demo.DemoArgs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Demo 4: false suspicions against detection time, for a range of timeouts and for a
 * phi-accrual detector, measured over many simulated runs.
 *
 * <p>Book: Chapter 8, "Need to Handle Failures" (장애 처리, 장애 검출기). Run:
 * {@code ./ch08 demo ch08-failure-models detector-tradeoff [--quick] [--runs N]}
 */
public final class Demo04DetectorTradeoff {

    private Demo04DetectorTradeoff() {
    }

    /** The detectors the table compares, in its order: six timeouts, then phi-accrual at three thresholds. */
    static final long[] TIMEOUTS_MS = {150, 200, 300, 500, 1000, 2000};

    static List<Supplier<FailureDetector>> detectors() {
        List<Supplier<FailureDetector>> detectors = new ArrayList<>();
        for (long ms : TIMEOUTS_MS) {
            detectors.add(() -> new TimeoutDetector(Duration.ofMillis(ms), TimeSource.MONOTONIC));
        }
        for (double phi : new double[] {1, 3, 8}) {
            detectors.add(() -> new PhiAccrualDetector(phi, 100, 100_000_000L, 20_000_000L));
        }
        return detectors;
    }

    /** The configuration and number of runs the demo uses. */
    static Config config(boolean quick) {
        return Config.standard(Duration.ofSeconds(quick ? 30 : 60));
    }

    /** The narration line for one phi-accrual row, computed from its result. */
    static String equivalentTimeoutLine(Result r) {
        return String.format("%s: began to suspect after a median %.0f ms of silence (%.0f to %.0f ms, %d suspicions)",
                r.detector(), r.medianSilenceAtSuspicionMillis(), r.minSilenceAtSuspicionMillis(),
                r.maxSilenceAtSuspicionMillis(), r.silenceAtSuspicionMillis().size());
    }

    /**
     * The lines on the trade between false suspicions and detection time, computed from the
     * timeout rows ({@code results.get(i)} measured timeout {@code timeoutsMs[i]}, in increasing order).
     */
    static List<String> tradeLines(long[] timeoutsMs, List<Result> results) {
        List<String> lines = new ArrayList<>();
        List<String> exceptions = new ArrayList<>();
        for (int i = 1; i < results.size(); i++) {
            Result shorter = results.get(i - 1);
            Result longer = results.get(i);
            if (longer.falseSuspicionsPerNodeMinute() > shorter.falseSuspicionsPerNodeMinute()) {
                exceptions.add(timeoutsMs[i] + " ms had more false suspicions than " + timeoutsMs[i - 1] + " ms");
            }
            if (longer.meanDetectionMillis() < shorter.meanDetectionMillis()) {
                exceptions.add(timeoutsMs[i] + " ms detected faster than " + timeoutsMs[i - 1] + " ms");
            }
        }
        if (exceptions.isEmpty()) {
            lines.add("Read it as a trade: in these runs each step up in timeout bought fewer (or no more) false");
            lines.add("suspicions with a slower detection.");
        } else {
            lines.add("Mostly a trade, with exceptions in these runs: " + String.join("; ", exceptions) + ".");
        }
        List<String> clean = new ArrayList<>();
        double cleanDetection = Double.NaN;
        for (int i = 0; i < results.size(); i++) {
            if (results.get(i).falseSuspicions() == 0) {
                clean.add(timeoutsMs[i] + " ms");
                if (Double.isNaN(cleanDetection)) {
                    cleanDetection = results.get(i).meanDetectionMillis();
                }
            }
        }
        if (clean.isEmpty()) {
            lines.add("Every timeout in the table wrongly suspected a live process.");
        } else {
            lines.add(String.format("Without a false suspicion here: %s only (mean detection %.0f ms%s). A pause",
                    String.join(", ", clean), cleanDetection, clean.size() > 1 ? " for the shortest" : ""));
            lines.add("longer than the timeout, which these runs did not happen to have, would fool it too.");
        }
        lines.add("A pause longer than the timeout is, to the monitor, a crash until the next heartbeat arrives");
        lines.add("(and a pause of the monitor itself makes it suspect everyone at once).");
        return lines;
    }

    public static void main(String[] argv) {
        DemoArgs args = DemoArgs.forDemo("detector-tradeoff", "false positives vs detection time, per timeout")
                .intOption("runs", 20, 1, 10_000, "simulated runs per detector (each 60 s of virtual time; --quick: 8 runs of 30 s)")
                .parse(argv);
        int runs = args.quick() ? 8 : args.intValue("runs");
        Config cfg = config(args.quick());
        Duration length = cfg.runLength();
        DemoArgs.heading(System.out, "5 senders, heartbeat every 100 ms, delay median 2 ms / p99 40 ms, a pause (median 80 ms,"
                + " p99 900 ms) every ~10 s on every process, one sender crashes mid-run");
        System.out.printf("%d runs of %d s each per detector, seeds %d..%d.%n%n", runs, length.toSeconds(), args.seed(),
                args.seed() + runs - 1);
        String header = String.format("%-36s | %14s | %12s | %16s | %14s | %14s", "detector", "false susp./min",
                "time wrongly", "mean detection", "max detection", "silence@susp.");
        System.out.println(header);
        System.out.println("-".repeat(header.length()));
        List<String> csv = new ArrayList<>();
        csv.add("detector,false_suspicions_per_node_minute,wrongly_suspected_share,mean_detection_ms,max_detection_ms,missed,"
                + "median_silence_at_suspicion_ms");
        List<Result> phiResults = new ArrayList<>();
        List<Result> timeoutResults = new ArrayList<>();
        double timeout200Silence = Double.NaN;
        for (Supplier<FailureDetector> d : detectors()) {
            Result r = DetectorExperiment.run(cfg, d, args.seed(), runs);
            System.out.printf("%-36s | %15.3f | %11.3f%% | %13.0f ms | %11.0f ms | %11.0f ms%s%n", r.detector(),
                    r.falseSuspicionsPerNodeMinute(), 100 * r.wronglySuspectedShare(), r.meanDetectionMillis(),
                    r.maxDetectionMillis(), r.medianSilenceAtSuspicionMillis(),
                    r.missedCrashes() > 0 ? "  (" + r.missedCrashes() + " missed)" : "");
            csv.add(String.format("\"%s\",%.4f,%.6f,%.1f,%.1f,%d,%.1f", r.detector(), r.falseSuspicionsPerNodeMinute(),
                    r.wronglySuspectedShare(), r.meanDetectionMillis(), r.maxDetectionMillis(), r.missedCrashes(),
                    r.medianSilenceAtSuspicionMillis()));
            if (d.get() instanceof PhiAccrualDetector) {
                phiResults.add(r);
            } else {
                timeoutResults.add(r);
                if (r.detector().startsWith("timeout 200 ms")) {
                    timeout200Silence = r.medianSilenceAtSuspicionMillis();
                }
            }
        }
        System.out.println();
        tradeLines(TIMEOUTS_MS, timeoutResults).forEach(System.out::println);
        System.out.println("Detection time is the timeout, minus how long before the crash the last heartbeat arrived");
        System.out.println("(up to a period, 100 ms, unless the sender was paused just before; negative if one was still");
        System.out.println("in flight), plus up to one check interval (10 ms; more if the monitor itself was paused).");
        System.out.println("'silence@susp.' is how long a peer had been silent, on the monitor's monotonic clock, each time");
        System.out.println("the detector began to suspect it (rightly or wrongly); the column shows the median. For a");
        System.out.printf("timeout detector it is the timeout plus part of a 10 ms check (the 200 ms timeout: %.0f ms),%n", timeout200Silence);
        System.out.println("longer only when the monitor was itself paused and checked late. For phi-accrual it is the");
        System.out.println("timeout it acted like in these runs:");
        for (Result r : phiResults) {
            System.out.println("  " + equivalentTimeoutLine(r));
        }
        double z8 = PhiAccrualDetector.standardDeviationsPastMean(8);
        System.out.printf("phi = 8 waits until the silence is %.2f standard deviations past the mean interval (normal%n", z8);
        System.out.printf("model); with 100 ms heartbeats and the deviation at its 20 ms floor that is about %.0f ms;%n", 100 + z8 * 20);
        System.out.println("pauses widen the spread the detector remembers, and its wait with it.");
        try {
            Files.createDirectories(args.out());
            Path file = args.out().resolve("detector-tradeoff.csv");
            Files.write(file, csv, StandardCharsets.UTF_8);
            System.out.println("wrote " + file + "  (the table as CSV)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
