package dev.dbinternals.ch08.concurrency.interleaving;

import dev.dbinternals.ch08.harness.history.History;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns a witness schedule of the counter model into the history a client would have recorded:
 * each increment is invoked at its thread's first step and completes at the step that wrote x
 * (store, successful CAS, fetch-and-add); after all threads finish, one read of x.
 *
 * <p>Book: Chapter 8, "State Consistency" (상태 일관성): it connects the interleaving that loses
 * an update with the consistency model it breaks. The lost update's history is not linearizable:
 * every increment completed, yet the read sees fewer. Stateless.
 */
public final class WitnessHistory {

    private WitnessHistory() {
    }

    public static History of(List<String> witness, int finalValue) {
        History.Builder b = History.builder();
        Set<Long> open = new HashSet<>();
        long threads = 0;
        for (String step : witness) {
            int space = step.indexOf(' ');
            long process = Long.parseLong(step.substring(1, space)) - 1;
            threads = Math.max(threads, process + 1);
            String what = step.substring(space + 1);
            boolean writes = what.startsWith("store") || what.startsWith("fetch-and-add") || (what.startsWith("CAS") && what.endsWith("ok"));
            if (!open.contains(process) && !what.startsWith("unlock")) {
                b.invoke(process, "add", 1L);
                open.add(process);
            }
            if (writes) {
                b.ok(process, "add", 1L);
                open.remove(process);
            }
        }
        b.invoke(threads, "read", null).ok(threads, "read", (long) finalValue);
        return b.build();
    }
}
