package dev.dbinternals.ch08.failuremodels.demo;

import dev.dbinternals.ch08.failuremodels.clocks.TimeSource;
import dev.dbinternals.ch08.failuremodels.detectors.DetectorExperiment;
import dev.dbinternals.ch08.failuremodels.detectors.FailureDetector;
import dev.dbinternals.ch08.failuremodels.detectors.PhiAccrualDetector;
import dev.dbinternals.ch08.failuremodels.detectors.TimeoutDetector;
import dev.dbinternals.ch08.failuremodels.detectors.DetectorExperiment.Config;
import dev.dbinternals.ch08.failuremodels.detectors.DetectorExperiment.Result;
import dev.dbinternals.ch08.harness.lang.Columns;
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

import static dev.dbinternals.ch08.harness.lang.Lang.t;

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

    /**
     * A detector's name as the table shows it: {@link FailureDetector#name()} is English (the CSV
     * keeps it); in Korean the two kinds this demo compares are named in Korean.
     */
    static String label(String detector) {
        String ko = detector.replaceFirst("^timeout (\\d+) ms \\(monotonic clock\\)$", "타임아웃 $1 ms (단조 클럭)")
                .replaceFirst("^phi-accrual, threshold ", "φ 누적, 임계값 ");
        return t(detector, ko);
    }

    /** The narration line for one phi-accrual row, computed from its result. */
    static String equivalentTimeoutLine(Result r) {
        return String.format(t("%s: began to suspect after a median %.0f ms of silence (%.0f to %.0f ms, %d suspicions)",
                        "%s: 침묵이 중앙값 %.0f ms 지속된 뒤 의심하기 시작했다(%.0f~%.0f ms, 의심 %d번)"),
                label(r.detector()), r.medianSilenceAtSuspicionMillis(), r.minSilenceAtSuspicionMillis(),
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
                exceptions.add(t(timeoutsMs[i] + " ms had more false suspicions than " + timeoutsMs[i - 1] + " ms",
                        timeoutsMs[i] + " ms가 " + timeoutsMs[i - 1] + " ms보다 잘못된 의심이 많았다"));
            }
            if (longer.meanDetectionMillis() < shorter.meanDetectionMillis()) {
                exceptions.add(t(timeoutsMs[i] + " ms detected faster than " + timeoutsMs[i - 1] + " ms",
                        timeoutsMs[i] + " ms가 " + timeoutsMs[i - 1] + " ms보다 빨리 검출했다"));
            }
        }
        if (exceptions.isEmpty()) {
            lines.add(t("Read it as a trade: in these runs each step up in timeout bought fewer (or no more) false",
                    "맞교환으로 읽으면 된다: 이 실행들에서는 타임아웃을 한 단계 늘릴 때마다 검출이 느려진 대가로"));
            lines.add(t("suspicions with a slower detection.", "잘못된 의심이 줄었다(적어도 늘지 않았다)."));
        } else {
            lines.add(t("Mostly a trade, with exceptions in these runs: " + String.join("; ", exceptions) + ".",
                    "대체로 맞교환이지만 이 실행들에는 예외가 있었다: " + String.join("; ", exceptions) + "."));
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
            lines.add(t("Every timeout in the table wrongly suspected a live process.",
                    "표의 모든 타임아웃이 살아 있는 프로세스를 잘못 의심했다."));
        } else {
            lines.add(String.format(t("Without a false suspicion here: %s only (mean detection %.0f ms%s). A pause",
                            "여기서 잘못된 의심이 없었던 것은 %s뿐이다(평균 검출 %.0f ms%s). 다만 타임아웃보다"),
                    String.join(", ", clean), cleanDetection, clean.size() > 1 ? t(" for the shortest", ", 가장 짧은 것 기준") : ""));
            lines.add(t("longer than the timeout, which these runs did not happen to have, would fool it too.",
                    "긴 일시 정지가 있었다면(이 실행들에는 우연히 없었다) 이것도 속았을 것이다."));
        }
        lines.add(t("A pause longer than the timeout is, to the monitor, a crash until the next heartbeat arrives",
                "타임아웃보다 긴 일시 정지는 다음 하트비트가 올 때까지 모니터에게 충돌과 같다"));
        lines.add(t("(and a pause of the monitor itself makes it suspect everyone at once).",
                "(모니터 자신이 멈추면 모두를 한꺼번에 의심한다)."));
        return lines;
    }

    public static void main(String[] argv) {
        DemoArgs args = DemoArgs.forDemo("detector-tradeoff", "false positives vs detection time, per timeout",
                        "타임아웃별 오탐과 검출 시간의 맞교환")
                .intOption("runs", 20, 1, 10_000, "simulated runs per detector (each 60 s of virtual time; --quick: 8 runs of 30 s)",
                        "장애 검출기마다 시뮬레이션 실행 횟수(각각 가상 시간 60 s, --quick: 30 s 실행 8번)")
                .parse(argv);
        int runs = args.quick() ? 8 : args.intValue("runs");
        Config cfg = config(args.quick());
        Duration length = cfg.runLength();
        DemoArgs.heading(System.out, t("5 senders, heartbeat every 100 ms, delay median 2 ms / p99 40 ms, a pause (median 80 ms,"
                + " p99 900 ms) every ~10 s on every process, one sender crashes mid-run",
                "송신자 5개, 100 ms마다 하트비트, 지연 중앙값 2 ms / p99 40 ms, 모든 프로세스에 약 10 s마다 일시 정지"
                + "(중앙값 80 ms, p99 900 ms), 송신자 하나가 실행 도중 충돌"));
        System.out.printf(t("%d runs of %d s each per detector, seeds %d..%d.%n%n", "장애 검출기마다 %2$d s 실행 %1$d번, 시드 %3$d..%4$d.%n%n"),
                runs, length.toSeconds(), args.seed(), args.seed() + runs - 1);
        // padded by terminal columns, not characters, so the Korean header stands over its figures; the share column
        // widens to its Korean header (16 columns) in Korean only
        String wrongly = t("time wrongly", "잘못 의심한 시간");
        int wronglyWidth = Math.max(12, Columns.width(wrongly));
        String header = String.join(" | ", Columns.left(t("detector", "장애 검출기"), 36), Columns.right(t("false susp./min", "잘못된 의심/분"), 15),
                Columns.right(wrongly, wronglyWidth), Columns.right(t("mean detection", "평균 검출"), 16),
                Columns.right(t("max detection", "최대 검출"), 14), Columns.right(t("silence@susp.", "의심 시 침묵"), 14));
        System.out.println(header);
        System.out.println("-".repeat(Columns.width(header)));
        List<String> csv = new ArrayList<>();
        csv.add("detector,false_suspicions_per_node_minute,wrongly_suspected_share,mean_detection_ms,max_detection_ms,missed,"
                + "median_silence_at_suspicion_ms");
        List<Result> phiResults = new ArrayList<>();
        List<Result> timeoutResults = new ArrayList<>();
        double timeout200Silence = Double.NaN;
        for (Supplier<FailureDetector> d : detectors()) {
            Result r = DetectorExperiment.run(cfg, d, args.seed(), runs);
            System.out.printf("%s | %15.3f | %" + (wronglyWidth - 1) + ".3f%% | %13.0f ms | %11.0f ms | %11.0f ms%s%n", Columns.left(label(r.detector()), 36),
                    r.falseSuspicionsPerNodeMinute(), 100 * r.wronglySuspectedShare(), r.meanDetectionMillis(),
                    r.maxDetectionMillis(), r.medianSilenceAtSuspicionMillis(),
                    r.missedCrashes() > 0 ? t("  (" + r.missedCrashes() + " missed)", "  (" + r.missedCrashes() + "번 놓침)") : "");
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
        System.out.println(t("Detection time is the timeout, minus how long before the crash the last heartbeat arrived",
                "검출 시간은 타임아웃에서 마지막 하트비트가 충돌보다 얼마나 먼저 도착했는지를 빼고"));
        System.out.println(t("(up to a period, 100 ms, unless the sender was paused just before; negative if one was still",
                "(송신자가 직전에 멈추지 않았다면 최대 한 주기 100 ms, 하트비트 하나가 아직 전송 중이었다면 음수),"));
        System.out.println(t("in flight), plus up to one check interval (10 ms; more if the monitor itself was paused).",
                "검사 간격 하나(10 ms, 모니터 자신이 멈췄다면 그 이상)까지를 더한 값이다."));
        System.out.println(t("'silence@susp.' is how long a peer had been silent, on the monitor's monotonic clock, each time",
                "'의심 시 침묵'은 장애 검출기가 어떤 피어를 의심하기 시작할 때마다(옳든 그르든) 그 피어가 모니터의 단조 클럭으로"));
        System.out.println(t("the detector began to suspect it (rightly or wrongly); the column shows the median. For a",
                "얼마나 오래 조용했는지이며, 열에는 중앙값을 보인다."));
        System.out.printf(t("timeout detector it is the timeout plus part of a 10 ms check (the 200 ms timeout: %.0f ms),%n",
                "타임아웃 장애 검출기라면 타임아웃에 10 ms 검사 간격의 일부를 더한 값이고(200 ms 타임아웃: %.0f ms),%n"), timeout200Silence);
        System.out.println(t("longer only when the monitor was itself paused and checked late. For phi-accrual it is the",
                "모니터 자신이 멈춰 늦게 검사했을 때만 더 길다. φ 누적 장애 검출기라면 이 실행들에서"));
        System.out.println(t("timeout it acted like in these runs:", "실제로 흉내 낸 타임아웃이다:"));
        for (Result r : phiResults) {
            System.out.println("  " + equivalentTimeoutLine(r));
        }
        double z8 = PhiAccrualDetector.standardDeviationsPastMean(8);
        System.out.printf(t("phi = 8 waits until the silence is %.2f standard deviations past the mean interval (normal%n",
                "phi = 8은 침묵이 평균 간격보다 표준편차의 %.2f배만큼 길어질 때까지 기다린다(정규 분포%n"), z8);
        System.out.printf(t("model); with 100 ms heartbeats and the deviation at its 20 ms floor that is about %.0f ms;%n",
                "모델). 하트비트가 100 ms이고 표준편차가 하한 20 ms라면 약 %.0f ms다.%n"), 100 + z8 * 20);
        System.out.println(t("pauses widen the spread the detector remembers, and its wait with it.",
                "일시 정지는 장애 검출기가 기억하는 분산을 넓히고, 기다리는 시간도 함께 늘린다."));
        try {
            Files.createDirectories(args.out());
            Path file = args.out().resolve("detector-tradeoff.csv");
            Files.write(file, csv, StandardCharsets.UTF_8);
            System.out.println(t("wrote " + file + "  (the table as CSV)", "썼다: " + file + "  (표를 CSV로)"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
