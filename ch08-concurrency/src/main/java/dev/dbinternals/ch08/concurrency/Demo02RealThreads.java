package dev.dbinternals.ch08.concurrency;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

import dev.dbinternals.ch08.harness.lang.Columns;
import dev.dbinternals.ch08.harness.check.CheckResult;
import dev.dbinternals.ch08.harness.check.LinearizabilityChecker;
import dev.dbinternals.ch08.harness.check.Models;
import dev.dbinternals.ch08.harness.history.History;
import dev.dbinternals.ch08.concurrency.race.RealThreadRace;
import dev.dbinternals.ch08.concurrency.race.RealThreadRace.Variant;
import dev.dbinternals.ch08.concurrency.race.RecordedCounter;
import dev.dbinternals.ch08.harness.demo.DemoArgs;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The same race on real threads: a histogram of final values over many trials, next to the
 * model's interleaving counts, and a recorded history of a racy and an atomic counter run
 * through the linearizability checker.
 *
 * <p>Book: Chapter 8, "Concurrent Execution" (동시 수행). Results vary by machine and run; that is
 * the point of the demo, and why no test asserts how often the racy counter loses updates.
 */
public final class Demo02RealThreads {

    private Demo02RealThreads() {
    }

    /**
     * The narration after the histograms, computed from them: for each shape, the fraction of
     * racy trials that lost an update with an instant compute step and with a slow one, and
     * whether the fixed variants ended at the exact count in every trial.
     */
    static String raceVerdict(List<RealThreadRace.Histogram> hs) {
        StringBuilder sb = new StringBuilder();
        sb.append(t("Trials that lost at least one update (racy variant), this run:\n", "갱신을 하나 이상 잃은 시행 (경쟁 변형, 이번 실행):\n"));
        // padded by terminal columns, not characters, so the Korean header and percentages line up
        sb.append("  ").append(Columns.left(t("threads x increments", "스레드 x 증가"), 22)).append(' ')
                .append(Columns.left(t("compute = 0 spins", "compute = 스핀 0번"), 26)).append(' ').append(t("compute = 20 spins", "compute = 스핀 20번"))
                .append(System.lineSeparator());
        int more = 0;
        int compared = 0;
        List<String> notMore = new ArrayList<>();
        for (RealThreadRace.Histogram fast : hs) {
            if (fast.variant() != Variant.RACY || fast.computeSpins() != 0) {
                continue;
            }
            RealThreadRace.Histogram slow = hs.stream().filter(h -> h.variant() == Variant.RACY && h.computeSpins() > 0
                    && h.threads() == fast.threads() && h.increments() == fast.increments()).findFirst().orElse(null);
            String shape = fast.threads() + " x " + fast.increments();
            sb.append(String.format(Locale.ROOT, "  %-22s %s %s%n", shape, Columns.left(percent(fast), 26),
                    slow == null ? "-" : percent(slow)));
            if (slow != null) {
                compared++;
                if (slow.lostFraction() > fast.lostFraction()) {
                    more++;
                } else {
                    notMore.add(shape);
                }
            }
        }
        RealThreadRace.Histogram oneEach = hs.stream().filter(h -> h.variant() == Variant.RACY && h.computeSpins() == 0
                && h.threads() == 2 && h.increments() == 1).findFirst().orElse(null);
        if (oneEach != null) {
            sb.append(String.format(Locale.ROOT, t("Compare with the model (demo 'lost-update'): for 2 threads x 1 increment, 18 of"
                    + " the 20%ninterleavings lose an update; here real threads lost one in %s of the trials.%n",
                    "모델(데모 'lost-update')과 비교하자: 스레드 2개 x 증가 1번이면 인터리빙 20개 중 18개가 갱신을 잃는다.%n"
                    + "여기서 실제 스레드는 시행의 %s에서 갱신을 잃었다.%n"),
                    percent(oneEach)));
            if (oneEach.lostFraction() < 0.5) {
                sb.append(t("Far fewer: the threads start a trial a little apart, and with an instant compute step the gap\n"
                        + "between load and store is a few nanoseconds.\n",
                        "훨씬 적다: 스레드들은 시행을 조금씩 어긋나게 시작하고, compute 단계가 즉시 끝나면 load와 store 사이의\n"
                        + "틈은 몇 나노초뿐이다.\n"));
            }
        }
        if (compared > 0) {
            if (more == compared) {
                sb.append(t("Giving the 'compute' step time (spin-waits) widened the window: more trials lost updates in\n"
                        + "every shape measured.\n",
                        "'compute' 단계에 시간(스핀 대기)을 주자 틈이 넓어졌다: 측정한 모든 형태에서 갱신을 잃은 시행이\n"
                        + "늘었다.\n"));
            } else {
                sb.append(String.format(Locale.ROOT, t("Giving the 'compute' step time (spin-waits) lost more in %d of %d shapes;"
                        + " not in %s this time.%n", "'compute' 단계에 시간(스핀 대기)을 주자 형태 %2$d개 중 %1$d개에서 더 많이 잃었다."
                        + " 이번에 %3$s에서는 아니었다.%n"), more, compared, String.join(", ", notMore)));
            }
        }
        sb.append(t("Counting interleavings tells what is POSSIBLE; only running tells how OFTEN, and that changes with the\n"
                + "machine, the JIT, the load and the length of the critical window.\n",
                "인터리빙을 세면 무엇이 '가능한지'를 알고, 실행해 봐야만 '얼마나 자주'인지를 안다. 그 빈도는 기계, JIT,\n"
                + "부하, 그리고 갱신을 잃을 수 있는 틈(load와 store 사이)의 길이에 따라 달라진다.\n"));
        List<String> wrong = new ArrayList<>();
        int fixed = 0;
        for (RealThreadRace.Histogram h : hs) {
            if (h.variant() != Variant.RACY) {
                fixed++;
                if (h.trialsLosingUpdates() != 0) {
                    wrong.add(h.variant() + " " + h.threads() + " x " + h.increments());
                }
            }
        }
        if (fixed > 0) {
            sb.append(wrong.isEmpty()
                    ? t("The fixed variants (locked, CAS loop, atomic) ended at threads x increments in every trial.\n",
                            "고친 변형(락, CAS 루프, 원자적 연산)은 모든 시행에서 스레드 수 x 증가 횟수로 끝났다.\n")
                    : t("A fixed variant lost updates (" + String.join(", ", wrong) + "): that is a bug.\n",
                            "고친 변형이 갱신을 잃었다 (" + String.join(", ", wrong) + "): 버그다.\n"));
        }
        return sb.toString();
    }

    private static String percent(RealThreadRace.Histogram h) {
        return String.format(Locale.ROOT, t("%.3f%% (%d of %d)", "%1$.3f%% (%3$d번 중 %2$d번)"), 100 * h.lostFraction(), h.trialsLosingUpdates(), h.trials());
    }

    public static void main(String[] args) throws InterruptedException {
        DemoArgs a = DemoArgs.forDemo("real-threads", "the lost update on real Java threads: a histogram, and a recorded history checked",
                        "실제 자바 스레드에서의 갱신 손실: 히스토그램과, 기록한 히스토리의 검사")
                .intOption("trials", 200_000, 1, 10_000_000, "trials per configuration (--quick: 20000)",
                        "구성마다 시행 횟수 (--quick: 20000)").parse(args);
        PrintStream out = DemoSupport.stdout();
        int trials = a.quick() ? 20_000 : a.intValue("trials");
        StringBuilder md = new StringBuilder(t("# Real threads\n\n```\n", "# 실제 스레드\n\n```\n"));
        out.println(t("machine: " + Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version"),
                "기계: 코어 " + Runtime.getRuntime().availableProcessors() + "개, Java " + System.getProperty("java.version")));

        DemoArgs.heading(out, t("Histograms of the final counter value (frequency on THIS machine, this run)",
                "카운터 최종값의 히스토그램 (이 기계, 이번 실행에서의 빈도)"));
        int[][] shapes = {{2, 1}, {2, 3}, {3, 2}};
        List<RealThreadRace.Histogram> all = new ArrayList<>();
        for (int[] s : shapes) {
            for (int spins : new int[] {0, 20}) {
                for (Variant v : Variant.values()) {
                    if (v != Variant.RACY && (s[0] == 2 && s[1] == 1 || spins == 0)) {
                        continue;
                    }
                    var h = RealThreadRace.run(v, s[0], s[1], s[0] > 2 ? trials / 4 : trials, spins);
                    all.add(h);
                    out.print(h.render());
                    md.append(h.render());
                }
            }
        }
        md.append("```\n");
        out.println();
        out.print(raceVerdict(all));

        DemoArgs.heading(out, t("Recorded histories, checked for linearizability (상태 일관성)", "기록한 히스토리의 선형성 검사 (상태 일관성)"));
        // Small enough that checking a racy (non-linearizable) history takes about a second: the
        // checker's search grows fast with the number of overlapping operations, and the tour must
        // never sit silent. The histograms above already ran the race at full size.
        int increments = a.quick() ? 2_000 : 10_000;
        for (Variant v : new Variant[] {Variant.RACY, Variant.ATOMIC}) {
            History h = RecordedCounter.record(v, 2, increments, 20);
            out.printf(t("%s: checking %d recorded operations ...%n", "%s: 기록한 연산 %d개를 검사하는 중 ...%n"), v, h.operations().size());
            out.flush();
            long started = System.nanoTime();
            CheckResult r = LinearizabilityChecker.create().check(h, Models.counter(0));
            long micros = (System.nanoTime() - started) / 1000;
            out.printf(t("%s: 2 threads x %d increments, final read %d; checked in %d ms%n",
                            "%s: 스레드 2개 x 증가 %d번, 마지막 읽기 %d, 검사 %d ms%n"), v, increments,
                    RecordedCounter.finalRead(h), micros / 1000);
            out.print(r.render(3));
            if (v == Variant.RACY && RecordedCounter.finalRead(h) == 2L * increments) {
                out.println(t("(this racy run happened to lose nothing, so its history is linearizable: run again, or raise the count)",
                        "(이번 경쟁 실행은 우연히 아무것도 잃지 않아 히스토리가 선형적이다: 다시 실행하거나 횟수를 늘려 보세요)"));
            }
        }
        for (boolean atomic : new boolean[] {true, false}) {
            History h = dev.dbinternals.ch08.concurrency.race.RecordedCasRegister.record(atomic, 3, a.quick() ? 3_000 : 20_000, a.seed());
            out.printf(t("%nCAS register, 3 threads, random read / write / cas, %s:%n", "%nCAS 레지스터, 스레드 3개, 무작위 read / write / cas, %s:%n"),
                    atomic ? "AtomicLong.compareAndSet" : t("check-then-act 'cas' (get, then set)", "확인 후 실행하는 'cas' (get 다음 set)"));
            out.print(LinearizabilityChecker.create().check(h, Models.casRegister(0L)).render(3));
        }
        DemoSupport.write(a.out(), "histograms.md", md.toString(), out);
    }
}
