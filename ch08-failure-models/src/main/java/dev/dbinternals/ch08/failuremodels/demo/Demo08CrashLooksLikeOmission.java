package dev.dbinternals.ch08.failuremodels.demo;

import dev.dbinternals.ch08.failuremodels.omission.CrashOrOmission;
import dev.dbinternals.ch08.failuremodels.omission.CrashOrOmission.Fault;
import dev.dbinternals.ch08.failuremodels.omission.CrashOrOmission.Outcome;
import dev.dbinternals.ch08.failuremodels.omission.WatchedProcess.Memory;
import dev.dbinternals.ch08.harness.demo.DemoArgs;
import dev.dbinternals.ch08.harness.demo.Diagrams;
import dev.dbinternals.ch08.harness.sim.Trace;
import dev.dbinternals.ch08.harness.sim.TraceEvent.Kind;
import java.util.List;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

/**
 * Demo 8: an observer's view of a crash-and-restart and of a partition, side by side.
 *
 * <p>Book: Chapter 8, "Crash Faults" (충돌) and "Omission Faults" (누락): crash-recovery seen
 * as an omission. Run: {@code ./ch08 demo ch08-failure-models crash-or-omission [--quick]}
 */
public final class Demo08CrashLooksLikeOmission {

    private Demo08CrashLooksLikeOmission() {
    }

    public static void main(String[] argv) {
        DemoArgs args = DemoArgs.forDemo("crash-or-omission", "is it a crash-recovery or an omission? the observer's view",
                "충돌-복구인가 누락인가? 관찰자의 시점").parse(argv);
        DemoArgs.heading(System.out, t("The observer pings P every 100 ms; from 1.05 s to 1.55 s P is crashed, or partitioned away",
                "관찰자가 100 ms마다 P에 핑을 보낸다. 1.05 s부터 1.55 s까지 P는 충돌해 있거나 네트워크 파티션으로 떨어져 있다"));
        for (Memory m : List.of(Memory.DURABLE, Memory.VOLATILE)) {
            Outcome crash = CrashOrOmission.run(Fault.CRASH_AND_RESTART, m, args.seed());
            Outcome cut = CrashOrOmission.run(Fault.PARTITION, m, args.seed());
            System.out.println();
            System.out.println(t("P keeps its counter " + (m == Memory.DURABLE ? "on disk (synced before each answer)" : "in memory only") + ":",
                    "P가 카운터를 " + (m == Memory.DURABLE ? "디스크에 둔다(답하기 전마다 동기화)" : "메모리에만 둔다") + ":"));
            System.out.printf(t("  observer's view: %d events after the crash, %d after the partition: %s%n",
                    "  관찰자의 시점: 충돌 뒤 사건 %d개, 네트워크 파티션 뒤 사건 %d개: %s%n"), crash.view().size(),
                    cut.view().size(), crash.view().equals(cut.view()) ? t("IDENTICAL", "같음(IDENTICAL)") : t("DIFFERENT", "다름(DIFFERENT)"));
            int i = firstDifference(crash.view(), cut.view());
            if (i >= 0) {
                System.out.println(t("  first difference, event " + (i + 1) + ":", "  첫 차이, 사건 " + (i + 1) + ":"));
                System.out.println(t("    crash:     ", "    충돌:     ") + crash.view().get(i));
                System.out.println(t("    partition: ", "    파티션:   ") + cut.view().get(i));
                System.out.println(t("  the observer noticed: " + crash.observer().regressions() + " answer(s) going backwards",
                        "  관찰자가 알아챈 것: 뒤로 간 응답 " + crash.observer().regressions() + "개"));
            } else {
                System.out.println(t("  around the fault (both runs):", "  장애 전후(두 실행 모두):"));
                crash.view().stream().filter(l -> l.contains("Pong") || l.contains("Ping")).skip(16).limit(11)
                        .forEach(l -> System.out.println("    " + l));
            }
            if (m == Memory.DURABLE) {
                Diagrams.write(args.out(), "crash-view", t("Crash and restart of P (P's state on disk)",
                        "P의 충돌과 재시작(P의 상태는 디스크에)"), crash.sim().trace(),
                        Trace.byKind(Kind.SEND, Kind.DELIVER, Kind.DROP, Kind.CRASH, Kind.RESTART));
                Diagrams.write(args.out(), "partition-view", t("Partition between P and the observer",
                        "P와 관찰자 사이의 네트워크 파티션"), cut.sim().trace(),
                        Trace.byKind(Kind.SEND, Kind.DELIVER, Kind.DROP, Kind.PARTITION, Kind.HEAL));
            }
        }
        System.out.println();
        boolean durableSame = CrashOrOmission.run(Fault.CRASH_AND_RESTART, Memory.DURABLE, args.seed()).view()
                .equals(CrashOrOmission.run(Fault.PARTITION, Memory.DURABLE, args.seed()).view());
        boolean volatileSame = CrashOrOmission.run(Fault.CRASH_AND_RESTART, Memory.VOLATILE, args.seed()).view()
                .equals(CrashOrOmission.run(Fault.PARTITION, Memory.VOLATILE, args.seed()).view());
        System.out.println(t("With its state on disk, P's crash and restart was, to the observer, "
                + (durableSame ? "the same as a 500 ms" : "NOT the same as a 500 ms"),
                "상태가 디스크에 있으면 P의 충돌과 재시작은 관찰자에게 500 ms 동안의 누락과 "
                + (durableSame ? "같았다:" : "같지 않았다(NOT)")));
        System.out.println(t("omission" + (durableSame ? ": the same messages at the same times." : " in this run."),
                durableSame ? "같은 메시지가 같은 시각에 오갔다." : "(이번 실행에서)."));
        System.out.println(t("That is the precise sense in which crash-recovery is a kind of omission: only when the",
                "충돌-복구가 일종의 누락이라는 말은 정확히 이런 뜻이다: 프로세스가 남에게 보여 준 상태를"));
        System.out.println(t("process recovers the state it had shown to others (synced before it answered). Coming back",
                "(답하기 전에 동기화해서) 복구할 때만 그렇다. 빈 상태로 돌아온 P는"));
        System.out.println(t("blank, P " + (volatileSame ? "happened not to contradict itself in this run" : "contradicted what it said before, which no lost message can explain")
                + ".", volatileSame ? "이번 실행에서는 우연히 자기 말과 어긋나지 않았다."
                        : "전에 한 말과 어긋났다. 잃어버린 메시지로는 설명할 수 없는 일이다."));
        System.out.println(t("A process can also choose to be told apart: an incarnation number in each answer (exercise",
                "프로세스가 스스로 구별되게 할 수도 있다: 응답마다 세대 번호(incarnation number)를 넣는 것이다"));
        System.out.println(t("failures-4).", "(연습 문제 failures-4)."));
    }

    static int firstDifference(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            if (!a.get(i).equals(b.get(i))) {
                return i;
            }
        }
        return a.size() == b.size() ? -1 : Math.min(a.size(), b.size());
    }
}
