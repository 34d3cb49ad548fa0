package dev.dbinternals.ch08.failuremodels.omission;

import dev.dbinternals.ch08.failuremodels.Messages;
import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.sim.Trace;
import dev.dbinternals.ch08.harness.sim.TraceEvent;
import dev.dbinternals.ch08.harness.sim.TraceEvent.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * One process's view of a run: the trace restricted to what that process itself can observe.
 *
 * <p>Book: Chapter 8, "Omission Faults" (누락) and "Crash Faults" (충돌). The simulator's trace
 * is omniscient: it records drops, crashes, partitions and other nodes' handlers. A process
 * sees only its own sends, the messages delivered to it (their contents and times) and its own
 * timers. Two runs are <em>indistinguishable</em> to a process when its views are equal, and
 * then nothing that process computes can tell them apart. Message ids are left out: they are
 * the simulator's bookkeeping, not something on the wire. Stateless.
 */
final class ObserverView {

    private ObserverView() {
    }

    /** The observer's events as lines "time kind peer payload", in order. */
    public static List<String> of(Trace trace, Address observer) {
        List<String> view = new ArrayList<>();
        for (TraceEvent e : trace.events()) {
            if (!observer.equals(e.node())) {
                continue;
            }
            if (e.kind() == Kind.SEND || e.kind() == Kind.DELIVER) {
                view.add(Trace.formatNanos(e.timeNanos()) + " " + e.kind() + " " + e.peer() + " "
                        + Messages.CODEC.describe(e.payload()));
            } else if (e.kind() == Kind.TIMER_FIRE) {
                view.add(Trace.formatNanos(e.timeNanos()) + " TIMER_FIRE");
            }
        }
        return view;
    }
}
