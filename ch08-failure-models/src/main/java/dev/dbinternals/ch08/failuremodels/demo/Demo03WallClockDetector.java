package dev.dbinternals.ch08.failuremodels.demo;

import dev.dbinternals.ch08.failuremodels.clocks.TimeSource;
import dev.dbinternals.ch08.failuremodels.detectors.ClockStepScenario;
import dev.dbinternals.ch08.failuremodels.detectors.TimeoutDetector;
import dev.dbinternals.ch08.failuremodels.detectors.ClockStepScenario.Outcome;
import dev.dbinternals.ch08.harness.demo.DemoArgs;
import dev.dbinternals.ch08.harness.demo.Diagrams;
import dev.dbinternals.ch08.harness.sim.Trace;
import dev.dbinternals.ch08.harness.sim.TraceEvent.Kind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

/**
 * Demo 3: the same detector, measuring with the wall clock (the bug) and with the monotonic
 * clock (the fix), while the monitor's wall clock is stepped forward and back.
 *
 * <p>Book: Chapter 8, "Clocks and Time" (클럭과 시간). Run:
 * {@code ./ch08 demo ch08-failure-models wall-clock-detector [--quick]}
 */
public final class Demo03WallClockDetector {

    private Demo03WallClockDetector() {
    }

    public static void main(String[] argv) {
        DemoArgs args = DemoArgs.forDemo("wall-clock-detector", "a failure detector timed by the wall clock, and by the monotonic clock",
                "벽시계로 시간을 재는 장애 검출기와 단조 클럭으로 재는 장애 검출기").parse(argv);
        DemoArgs.heading(System.out, t("3 senders beat every 100 ms; timeout 500 ms. The monitor's wall clock: +2 s at 3.0 s, -4 s at 5.0 s. S1 crashes at 4.8 s",
                "송신자 3개가 100 ms마다 하트비트, 타임아웃 500 ms. 모니터의 벽시계: 3.0 s에 +2 s, 5.0 s에 -4 s. S1은 4.8 s에 충돌"));
        Map<TimeSource, Outcome> outcomes = new EnumMap<>(TimeSource.class);
        for (TimeSource ts : TimeSource.values()) {
            Outcome o = ClockStepScenario.run(() -> new TimeoutDetector(Duration.ofMillis(500), ts), args.seed());
            outcomes.put(ts, o);
            System.out.println();
            System.out.println(t("Detector measuring with the " + ts.name().toLowerCase() + " clock:",
                    (ts == TimeSource.WALL ? "벽시계로" : "단조 클럭으로") + " 재는 장애 검출기:"));
            if (o.changes().isEmpty()) {
                System.out.println(t("  (no change of mind)", "  (판단 변화 없음)"));
            }
            o.changes().forEach(c -> System.out.println("  " + c));
            System.out.printf(t("  => %d false suspicions; S1's crash detected %s%n", "  => 잘못된 의심 %d번, S1의 충돌은 %s%n"), o.falseSuspicions(),
                    o.detectionMillis() < 0 ? t("never", "끝내 검출하지 못했다")
                            : t(o.detectionMillis() + " ms after it happened", "일어난 지 " + o.detectionMillis() + " ms 뒤에 검출했다"));
            if (ts == TimeSource.WALL) {
                Diagrams.write(args.out(), "wall-clock-detector", t("A detector timed by the wall clock",
                        "벽시계로 시간을 재는 장애 검출기"), o.sim().trace(),
                        Trace.byKind(Kind.CLOCK_STEP, Kind.CRASH, Kind.NOTE));
            }
        }
        System.out.println();
        narration(outcomes.get(TimeSource.WALL), outcomes.get(TimeSource.MONOTONIC)).forEach(System.out::println);
    }

    /** The closing lines, computed from the two runs (wall-clock detector, monotonic detector). */
    static List<String> narration(Outcome wall, Outcome mono) {
        List<String> lines = new ArrayList<>();
        // senders suspected between the forward step and the crash: all alive, so all wrongly
        long falselySuspected = wall.changes().stream().filter(c -> c.suspected()
                && c.atMillis() >= ClockStepScenario.STEP_FORWARD_AT.toMillis()
                && c.atMillis() < ClockStepScenario.CRASH_AT.toMillis()).map(c -> c.peer()).distinct().count();
        lines.add(t("The forward step made 2 s pass in an instant on the wall clock: "
                + (falselySuspected == 3 ? "every sender looked silent" : falselySuspected + " of the 3 senders looked silent"),
                "앞으로 뛴 스텝 때문에 벽시계에서 2 s가 한순간에 지나갔다: "
                + (falselySuspected == 3 ? "모든 송신자가 조용해 보였다" : "송신자 3개 중 " + falselySuspected + "개가 조용해 보였다")));
        lines.add(t("(" + wall.falseSuspicions() + " false suspicions).", "(잘못된 의심 " + wall.falseSuspicions() + "번)."));
        if (wall.detectionMillis() < 0) {
            lines.add(t("The backward step made the wall clock re-live 4 s: S1's crash was not noticed before the run ended.",
                    "뒤로 간 스텝 때문에 벽시계가 같은 4 s를 다시 지났다: S1의 충돌은 실행이 끝날 때까지 눈치채지 못했다."));
        } else if (mono.detectionMillis() >= 0) {
            lines.add(t("The backward step made the wall clock re-live 4 s: S1's silence did not count until it caught up,",
                    "뒤로 간 스텝 때문에 벽시계가 같은 4 s를 다시 지났다: 벽시계가 따라잡을 때까지 S1의 침묵은 세어지지 않았고,"));
            lines.add(t("so the crash was noticed " + (wall.detectionMillis() - mono.detectionMillis())
                    + " ms later than on the monotonic clock.",
                    "그래서 충돌을 단조 클럭보다 " + (wall.detectionMillis() - mono.detectionMillis()) + " ms 늦게 알아챘다."));
        } else {
            lines.add(t("The backward step made the wall clock re-live 4 s: S1's crash was noticed " + wall.detectionMillis()
                    + " ms after it happened.",
                    "뒤로 간 스텝 때문에 벽시계가 같은 4 s를 다시 지났다: S1의 충돌은 일어난 지 " + wall.detectionMillis()
                    + " ms 뒤에 알아챘다."));
        }
        lines.add(t("The monotonic clock is not set from outside, so neither step touches it ("
                + mono.falseSuspicions() + " false suspicions"
                + (mono.detectionMillis() < 0 ? ", and the crash never noticed" : "") + ").",
                "단조 클럭은 바깥에서 맞추는 클럭이 아니어서 두 스텝 모두 영향을 주지 못한다(잘못된 의심 "
                + mono.falseSuspicions() + "번" + (mono.detectionMillis() < 0 ? ", 충돌은 끝내 알아채지 못함" : "") + ")."));
        lines.add(t("Exercise failures-2.", "연습 문제 failures-2."));
        return lines;
    }
}
