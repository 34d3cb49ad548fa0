package dev.dbinternals.ch08.failuremodels.demo;

import dev.dbinternals.ch08.failuremodels.crash.FixedMembership;
import dev.dbinternals.ch08.failuremodels.crash.FixedMembership.Case;
import dev.dbinternals.ch08.failuremodels.crash.FixedMembership.Outcome;
import dev.dbinternals.ch08.harness.demo.DemoArgs;
import dev.dbinternals.ch08.harness.demo.Diagrams;
import dev.dbinternals.ch08.harness.sim.Trace;
import dev.dbinternals.ch08.harness.sim.TraceEvent.Kind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

/**
 * Demo 6: a majority register on the fixed list {A, B, C}; C crashes after acknowledging a
 * write; four endings.
 *
 * <p>Book: Chapter 8, "Crash Faults" (충돌): crash-stop is not crash-recovery, even if the
 * recovered process is added back as a new one. Run:
 * {@code ./ch08 demo ch08-failure-models fixed-membership [--quick]}
 */
public final class Demo06CrashStopIsNotCrashRecovery {

    private Demo06CrashStopIsNotCrashRecovery() {
    }

    public static void main(String[] argv) {
        DemoArgs args = DemoArgs.forDemo("fixed-membership", "crash-stop, crash-recovery and a blank re-added process",
                "충돌-정지, 충돌-복구, 그리고 빈 상태로 다시 추가된 프로세스").parse(argv);
        DemoArgs.heading(System.out, t("Members {A, B, C}, majority 2, tolerates f = 1", "구성원 {A, B, C}, 과반수 2, f = 1을 견딘다"));
        System.out.println(t("  0 ms    B is cut off from the client; write x = 42 is acknowledged by A and C",
                "  0 ms    B가 클라이언트와 끊긴다. 쓰기 x = 42를 A와 C가 확인 응답한다"));
        System.out.println(t("  100 ms  B is back; C crashes", "  100 ms  B가 돌아오고 C가 충돌한다"));
        System.out.println(t("  200 ms  (depends on the case)", "  200 ms  (경우에 따라 다르다)"));
        System.out.println(t("  300 ms  A is cut off from the client; the client reads x", "  300 ms  A가 클라이언트와 끊긴다. 클라이언트가 x를 읽는다"));
        Map<Case, Outcome> outcomes = new EnumMap<>(Case.class);
        for (Case c : Case.values()) {
            Outcome o = FixedMembership.run(c, args.seed());
            outcomes.put(c, o);
            System.out.println();
            System.out.println(c + ": " + c.story());
            System.out.println("  " + o.write().text());
            System.out.println("  " + o.read().text());
            if (!o.ignored().isEmpty()) {
                System.out.println(t("  answers ignored (not in the list): ", "  무시한 응답(목록에 없음): ") + o.ignored());
            }
            System.out.println("  => " + verdict(o));
            if (c == Case.RE_ADDED_BLANK) {
                Diagrams.write(args.out(), "re-added-blank", t("A blank C re-added under its old name",
                        "옛 이름으로 다시 추가된 빈 C"), o.sim().trace(),
                        Trace.byKind(Kind.SEND, Kind.DELIVER, Kind.DROP, Kind.CRASH, Kind.RESTART, Kind.PARTITION,
                                Kind.HEAL, Kind.NOTE));
            }
        }
        System.out.println();
        closing(outcomes).forEach(System.out::println);
    }

    /** The closing lines, each case's sentence following that case's computed verdict. */
    static List<String> closing(Map<Case, Outcome> outcomes) {
        List<String> lines = new ArrayList<>();
        lines.add(t("The algorithm's promise is about its list: at most f of A, B, C ever fail.",
                "알고리즘의 약속은 자기 목록에 대한 것이다: A, B, C 중 장애가 나는 것은 많아야 f개다."));
        for (Map.Entry<Case, Outcome> e : outcomes.entrySet()) {
            Outcome o = e.getValue();
            boolean lost = o.lostAcknowledgedWrite();
            boolean blocked = !o.read().completed();
            String line = switch (e.getKey()) {
                case CRASH_STOP -> blocked && !lost
                        ? t("In crash-stop, C spent that budget; A's loss is a second failure and the read waited\n"
                                + "instead of lying.",
                                "충돌-정지에서는 C가 그 한도를 다 썼다. A를 잃은 것은 두 번째 장애이고, 읽기는\n"
                                + "거짓말하는 대신 기다렸다.")
                        : null;
                case CRASH_RECOVERY -> !blocked && !lost
                        ? t("Crash-recovery brought C back with what it promised, so {B, C} still met the write.",
                                "충돌-복구는 C를 약속한 것과 함께 되살렸으므로 {B, C}는 여전히 그 쓰기와 겹쳤다.")
                        : null;
                case RE_ADDED_BLANK -> lost
                        ? t("A blank C under the old name is a new process the algorithm mistakes for the old one:\n"
                                + "its 'nothing here' counted as a vote, and an acknowledged write disappeared.",
                                "옛 이름을 단 빈 C는 알고리즘이 옛 C로 착각하는 새 프로세스다:\n"
                                + "그 '여기엔 없음'이 한 표로 세어졌고, 확인 응답한 쓰기가 사라졌다.")
                        : null;
                case NEW_PROCESS -> blocked && !lost && !o.ignored().isEmpty()
                        ? t("A new process under a new name (D) was simply not counted: adding it is a membership\n"
                                + "change, a protocol of its own (the book returns to it in later chapters).",
                                "새 이름(D)을 단 새 프로세스는 그냥 세어지지 않았다: 그것을 추가하는 일은 구성원\n"
                                + "변경이며, 그 자체로 하나의 프로토콜이다(책의 뒷장에서 다시 다룬다).")
                        : null;
            };
            lines.add(line != null ? line
                    : e.getKey() + t(" did not go as the script intends in this run: " + verdict(o) + ".",
                            "은(는) 이번 실행에서 각본대로 가지 않았다: " + verdict(o) + "."));
        }
        return lines;
    }

    static String verdict(Outcome o) {
        if (o.lostAcknowledgedWrite()) {
            return t("UNSAFE: the read completed without the acknowledged write", "안전하지 않음(UNSAFE): 확인 응답한 쓰기 없이 읽기가 끝났다");
        }
        if (!o.read().completed()) {
            return t("safe, not available: no majority of the list answered", "안전하지만 가용하지 않음: 목록의 과반수가 답하지 않았다");
        }
        return t("safe and available", "안전하고 가용함");
    }
}
