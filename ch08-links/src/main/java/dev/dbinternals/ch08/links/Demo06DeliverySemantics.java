package dev.dbinternals.ch08.links;

import dev.dbinternals.ch08.harness.demo.DemoArgs;

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
        }
        System.out.println("(of " + seeds * ops + " operations each; a crash between two events never lands between the two");
        System.out.println(" syncs inside one handler, so the non-atomic bug hides here: the step-by-step crashes below find it)");
        DemoArgs.heading(System.out, "Crash the receiver at every step of its handler (message #3 of 6)");
        System.out.printf("  %-32s %-26s %-26s %s%n", "crash point", "EXACTLY_ONCE", "AT_LEAST_ONCE", "EXACTLY_ONCE_NON_ATOMIC");
        for (CrashPlan.Step step : CrashPlan.Step.values()) {
            System.out.printf("  %-32s %-26s %-26s %s%n", step,
                    brief(Experiments.crashAt(DeliverySemantics.EXACTLY_ONCE, step, 3, 6)),
                    brief(Experiments.crashAt(DeliverySemantics.AT_LEAST_ONCE, step, 3, 6)),
                    brief(Experiments.crashAt(DeliverySemantics.EXACTLY_ONCE_NON_ATOMIC, step, 3, 6)));
        }
        DemoArgs.heading(System.out, "Diagrams");
        DemoOutput.diagrams(args, "exactly-once-crash-after-persist",
                "Exactly-once: B crashes after persisting m3, before acking it",
                Experiments.crashRun(DeliverySemantics.EXACTLY_ONCE, CrashPlan.Step.AFTER_PERSIST_BEFORE_ACK, 3, 4).sim().trace(),
                DemoOutput.NO_TIMERS);
        DemoOutput.diagrams(args, "at-least-once-crash-after-persist",
                "At-least-once: the same crash applies m3 twice",
                Experiments.crashRun(DeliverySemantics.AT_LEAST_ONCE, CrashPlan.Step.AFTER_PERSIST_BEFORE_ACK, 3, 4).sim().trace(),
                DemoOutput.NO_TIMERS);
        System.out.println();
        System.out.println("Exactly-once survives every crash point because the effect and n_processed are synced together:");
        System.out.println("a crash before that sync loses both (the retransmission applies the effect once), a crash after");
        System.out.println("it keeps both (the retransmission is recognised and only acknowledged). Sync them separately and");
        System.out.println("a crash between the two writes applies the effect twice.");
    }

    private static String brief(EffectTally t) {
        return t.isExactlyOnce() ? "ok: all once" : t.lost() + " lost, " + t.duplicated() + " doubled";
    }
}
