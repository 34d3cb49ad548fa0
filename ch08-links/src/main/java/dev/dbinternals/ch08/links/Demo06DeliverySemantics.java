package dev.dbinternals.ch08.links;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

import dev.dbinternals.ch08.harness.lang.Columns;
import dev.dbinternals.ch08.harness.demo.DemoArgs;
import dev.dbinternals.ch08.links.exactlyonce.DeliverySemantics;
import dev.dbinternals.ch08.links.exactlyonce.EffectReceiver;
import dev.dbinternals.ch08.links.exactlyonce.EffectTally;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Demo 06: at-most-once, at-least-once and exactly-once processing under the same faults, and
 * a receiver crashed at every step of its handler.
 *
 * <p>Book: Chapter 8, Links → Exactly-once delivery (정확히 한 번만 전달). Exactly-once
 * processing is at-least-once delivery plus deduplication, with the dedup state
 * ({@code n_processed}) made durable in the same write as the effect.
 */
public final class Demo06DeliverySemantics {

    private Demo06DeliverySemantics() {
    }

    public static void main(String[] argv) {
        DemoArgs args = DemoArgs.forDemo("semantics", "At-most-once vs at-least-once vs exactly-once, with receiver crashes",
                "최대 한 번, 최소 한 번, 정확히 한 번: 수신자 충돌과 함께").parse(argv);
        int seeds = args.quick() ? 20 : 100;
        int ops = 30;
        DemoArgs.heading(System.out, t("Demo 06 · delivery semantics (정확히 한 번만 전달), seeds " + args.seed() + ".." + (args.seed() + seeds - 1),
                "데모 06 · 전달 보장 수준(delivery semantics), 시드 " + args.seed() + ".." + (args.seed() + seeds - 1)));
        System.out.printf(t("%d operations (each adds 1 to a durable counter) from A to B; 20 %% loss, 20 %% duplication,%n",
                "A에서 B로 연산 %d개 (각각 영속 카운터에 1을 더한다). 손실 20 %%, 중복 20 %%,%n"), ops);
        System.out.println(t("1-10 ms delay; B crashes at 40 ms and restarts at 90 ms from its synced storage.",
                "지연 1-10 ms. B는 40 ms에 충돌하고 90 ms에 동기화된 저장소로부터 재시작한다."));
        // padded by terminal columns, not characters, so the Korean header stands over its figures
        System.out.printf("%n  %s %s %s %s%n", Columns.left(t("semantics", "보장 수준"), 24), Columns.left(t("lost", "손실"), 10),
                Columns.left(t("duplicated", "중복"), 12), t("extra applications", "초과 적용"));
        EffectTally nonAtomicTotal = null;
        for (DeliverySemantics s : DeliverySemantics.values()) {
            long lost = 0;
            long dup = 0;
            long extra = 0;
            for (long seed = args.seed(); seed < args.seed() + seeds; seed++) {
                EffectTally t = Experiments.semantics(seed, s, true, ops);
                lost += t.lost();
                dup += t.duplicated();
                extra += t.extraApplications();
            }
            System.out.printf("  %-24s %-10d %-12d %d%n", s, lost, dup, extra);
            if (s == DeliverySemantics.EXACTLY_ONCE_NON_ATOMIC) {
                nonAtomicTotal = new EffectTally((long) seeds * ops, (long) seeds * ops - lost - dup, lost, dup, extra);
            }
        }
        System.out.println(t("(of " + seeds * ops + " operations each; a crash between two events never lands between the two",
                "(행마다 연산 " + seeds * ops + "개 중. 이벤트와 이벤트 사이의 충돌은 핸들러 하나 안의 두 동기화 사이에"));
        System.out.println(nonAtomicTotal.isExactlyOnce()
                ? t(" syncs inside one handler, so the non-atomic bug did not show here: the step-by-step crashes below look for it)",
                        " 떨어지지 않으므로 비원자적 버그는 여기서 드러나지 않았다: 아래의 단계별 충돌이 그것을 찾는다)")
                : t(" syncs inside one handler, yet the non-atomic variant went wrong here too)",
                        " 떨어지지 않는데도 비원자적 변형은 여기서도 잘못됐다)"));
        DemoArgs.heading(System.out, t("Crash the receiver at every step of its handler (message #3 of 6)",
                "수신자를 핸들러의 모든 단계에서 충돌시킨다 (메시지 6개 중 #3)"));
        System.out.printf("  %s %-26s %-26s %s%n", Columns.left(t("crash point", "충돌 지점"), 32), "EXACTLY_ONCE", "AT_LEAST_ONCE", "EXACTLY_ONCE_NON_ATOMIC");
        Map<EffectReceiver.Step, Map<DeliverySemantics, EffectTally>> crashes = new EnumMap<>(EffectReceiver.Step.class);
        for (EffectReceiver.Step step : EffectReceiver.Step.values()) {
            Map<DeliverySemantics, EffectTally> row = new EnumMap<>(DeliverySemantics.class);
            for (DeliverySemantics s : CRASHED) {
                row.put(s, Experiments.crashAt(s, step, 3, 6));
            }
            crashes.put(step, row);
            System.out.printf("  %-32s %s %s %s%n", step, Columns.left(brief(row.get(CRASHED.get(0))), 26),
                    Columns.left(brief(row.get(CRASHED.get(1))), 26), brief(row.get(CRASHED.get(2))));
        }
        DemoArgs.heading(System.out, t("Diagrams", "다이어그램"));
        DemoOutput.diagrams(args, "exactly-once-crash-after-persist",
                t("Exactly-once: B crashes after persisting m3, before acking it",
                        "정확히 한 번: B가 m3를 영속화한 뒤, 확인 응답 전에 충돌"),
                Experiments.crashRun(DeliverySemantics.EXACTLY_ONCE, EffectReceiver.Step.AFTER_PERSIST_BEFORE_ACK, 3, 4).sim().trace(),
                DemoOutput.NO_TIMERS);
        DemoOutput.diagrams(args, "at-least-once-crash-after-persist",
                t("At-least-once: the same crash applies m3 twice", "최소 한 번: 같은 충돌로 m3가 두 번 적용된다"),
                Experiments.crashRun(DeliverySemantics.AT_LEAST_ONCE, EffectReceiver.Step.AFTER_PERSIST_BEFORE_ACK, 3, 4).sim().trace(),
                DemoOutput.NO_TIMERS);
        System.out.println();
        System.out.print(verdict(crashes));
    }

    /** The semantics in the crash table, in column order. */
    static final List<DeliverySemantics> CRASHED = List.of(DeliverySemantics.EXACTLY_ONCE, DeliverySemantics.AT_LEAST_ONCE,
            DeliverySemantics.EXACTLY_ONCE_NON_ATOMIC);

    /** The sentences under the crash table, from its cells: which semantics kept every effect once at which crash points. */
    static String verdict(Map<EffectReceiver.Step, Map<DeliverySemantics, EffectTally>> crashes) {
        StringBuilder sb = new StringBuilder();
        String exactlyOnceWrong = wrongAt(crashes, DeliverySemantics.EXACTLY_ONCE);
        if (exactlyOnceWrong.isEmpty()) {
            sb.append(String.format(t("Exactly-once applied every effect once at all %d crash points, because the effect and%n",
                    "정확히 한 번은 충돌 지점 %d곳 모두에서 모든 효과를 한 번씩 적용했다. 효과와 n_processed를%n"), crashes.size()));
            sb.append(String.format(t("n_processed are synced together: a crash before that sync loses both (the retransmission applies%n",
                    "함께 동기화하기 때문이다: 그 동기화 전의 충돌은 둘 다 잃고 (재전송이 효과를 한 번 적용한다),%n")));
            sb.append(String.format(t("the effect once), a crash after it keeps both (the retransmission is recognised and only acknowledged).%n",
                    "그 뒤의 충돌은 둘 다 남긴다 (재전송은 알아보고 확인 응답만 한다).%n")));
        } else {
            sb.append(String.format(t("Exactly-once went WRONG at %s: an effect was lost or applied twice.%n",
                    "정확히 한 번이 %s에서 잘못됐다: 효과가 사라졌거나 두 번 적용됐다.%n"), exactlyOnceWrong));
        }
        String atLeastOnceWrong = wrongAt(crashes, DeliverySemantics.AT_LEAST_ONCE);
        sb.append(atLeastOnceWrong.isEmpty()
                ? String.format(t("At-least-once applied every effect once at every crash point in this run.%n",
                        "이 실행에서 최소 한 번은 모든 충돌 지점에서 모든 효과를 한 번씩 적용했다.%n"))
                : String.format(t("At-least-once, which keeps no dedup state, applied an effect twice or lost one at%n%s.%n",
                        "중복 제거 상태가 없는 최소 한 번은 다음에서 효과를 두 번 적용하거나 잃었다:%n%s.%n"), atLeastOnceWrong));
        String nonAtomicWrong = wrongAt(crashes, DeliverySemantics.EXACTLY_ONCE_NON_ATOMIC);
        sb.append(nonAtomicWrong.isEmpty()
                ? String.format(t("Synced separately (EXACTLY_ONCE_NON_ATOMIC), effect and n_processed still came out once at every crash point.%n",
                        "따로 동기화해도 (EXACTLY_ONCE_NON_ATOMIC) 효과와 n_processed는 모든 충돌 지점에서 한 번씩이었다.%n"))
                : String.format(t("Synced separately (EXACTLY_ONCE_NON_ATOMIC), they went wrong at %s:%n"
                        + "a crash between the two writes keeps the effect but not the record, and the retransmission applies%n"
                        + "the effect again.%n",
                        "따로 동기화하면 (EXACTLY_ONCE_NON_ATOMIC) %s에서 잘못됐다:%n"
                        + "두 쓰기 사이의 충돌은 효과를 남기고 기록은 잃으며, 재전송이 효과를%n"
                        + "다시 적용한다.%n"), nonAtomicWrong));
        return sb.toString();
    }

    private static String wrongAt(Map<EffectReceiver.Step, Map<DeliverySemantics, EffectTally>> crashes, DeliverySemantics s) {
        return String.join(t(" and ", ", "), crashes.entrySet().stream().filter(e -> !e.getValue().get(s).isExactlyOnce())
                .map(e -> e.getKey().name()).toList());
    }

    private static String brief(EffectTally t) {
        return t.isExactlyOnce() ? t("ok: all once", "정상: 모두 한 번") : t(t.lost() + " lost, " + t.duplicated() + " doubled",
                "손실 " + t.lost() + ", 두 번 적용 " + t.duplicated());
    }
}
