package dev.dbinternals.ch08.links;

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
        DemoArgs args = DemoArgs.forDemo("semantics", "At-most-once vs at-least-once vs exactly-once, with receiver crashes").parse(argv);
        int seeds = args.quick() ? 20 : 100;
        int ops = 30;
        DemoArgs.heading(System.out, "Demo 06 · delivery semantics (정확히 한 번만 전달), seeds " + args.seed() + ".." + (args.seed() + seeds - 1));
        System.out.printf("%d operations (each adds 1 to a durable counter) from A to B; 20 %% loss, 20 %% duplication,%n", ops);
        System.out.println("1-10 ms delay; B crashes at 40 ms and restarts at 90 ms from its synced storage.");
        System.out.printf("%n  %-24s %-10s %-12s %s%n", "semantics", "lost", "duplicated", "extra applications");
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
        System.out.println("(of " + seeds * ops + " operations each; a crash between two events never lands between the two");
        System.out.println(nonAtomicTotal.isExactlyOnce()
                ? " syncs inside one handler, so the non-atomic bug did not show here: the step-by-step crashes below look for it)"
                : " syncs inside one handler, yet the non-atomic variant went wrong here too)");
        DemoArgs.heading(System.out, "Crash the receiver at every step of its handler (message #3 of 6)");
        System.out.printf("  %-32s %-26s %-26s %s%n", "crash point", "EXACTLY_ONCE", "AT_LEAST_ONCE", "EXACTLY_ONCE_NON_ATOMIC");
        Map<EffectReceiver.Step, Map<DeliverySemantics, EffectTally>> crashes = new EnumMap<>(EffectReceiver.Step.class);
        for (EffectReceiver.Step step : EffectReceiver.Step.values()) {
            Map<DeliverySemantics, EffectTally> row = new EnumMap<>(DeliverySemantics.class);
            for (DeliverySemantics s : CRASHED) {
                row.put(s, Experiments.crashAt(s, step, 3, 6));
            }
            crashes.put(step, row);
            System.out.printf("  %-32s %-26s %-26s %s%n", step, brief(row.get(CRASHED.get(0))), brief(row.get(CRASHED.get(1))),
                    brief(row.get(CRASHED.get(2))));
        }
        DemoArgs.heading(System.out, "Diagrams");
        DemoOutput.diagrams(args, "exactly-once-crash-after-persist",
                "Exactly-once: B crashes after persisting m3, before acking it",
                Experiments.crashRun(DeliverySemantics.EXACTLY_ONCE, EffectReceiver.Step.AFTER_PERSIST_BEFORE_ACK, 3, 4).sim().trace(),
                DemoOutput.NO_TIMERS);
        DemoOutput.diagrams(args, "at-least-once-crash-after-persist",
                "At-least-once: the same crash applies m3 twice",
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
            sb.append(String.format("Exactly-once applied every effect once at all %d crash points, because the effect and%n", crashes.size()));
            sb.append(String.format("n_processed are synced together: a crash before that sync loses both (the retransmission applies%n"));
            sb.append(String.format("the effect once), a crash after it keeps both (the retransmission is recognised and only acknowledged).%n"));
        } else {
            sb.append(String.format("Exactly-once went WRONG at %s: an effect was lost or applied twice.%n", exactlyOnceWrong));
        }
        String atLeastOnceWrong = wrongAt(crashes, DeliverySemantics.AT_LEAST_ONCE);
        sb.append(atLeastOnceWrong.isEmpty()
                ? String.format("At-least-once applied every effect once at every crash point in this run.%n")
                : String.format("At-least-once, which keeps no dedup state, applied an effect twice or lost one at%n%s.%n", atLeastOnceWrong));
        String nonAtomicWrong = wrongAt(crashes, DeliverySemantics.EXACTLY_ONCE_NON_ATOMIC);
        sb.append(nonAtomicWrong.isEmpty()
                ? String.format("Synced separately (EXACTLY_ONCE_NON_ATOMIC), effect and n_processed still came out once at every crash point.%n")
                : String.format("Synced separately (EXACTLY_ONCE_NON_ATOMIC), they went wrong at %s:%n"
                        + "a crash between the two writes keeps the effect but not the record, and the retransmission applies%n"
                        + "the effect again.%n", nonAtomicWrong));
        return sb.toString();
    }

    private static String wrongAt(Map<EffectReceiver.Step, Map<DeliverySemantics, EffectTally>> crashes, DeliverySemantics s) {
        return String.join(" and ", crashes.entrySet().stream().filter(e -> !e.getValue().get(s).isExactlyOnce())
                .map(e -> e.getKey().name()).toList());
    }

    private static String brief(EffectTally t) {
        return t.isExactlyOnce() ? "ok: all once" : t.lost() + " lost, " + t.duplicated() + " doubled";
    }
}
