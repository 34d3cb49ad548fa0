package dev.dbinternals.ch08.concurrency.replication;

import dev.dbinternals.ch08.harness.Address;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Read repair (읽기 복구): from the copies replicas returned for one key, the newest
 * one, and which replicas must be sent it.
 *
 * <p>Book: Chapter 8, "State Consistency" (상태 일관성): read repair (읽기 복구) lets
 * replicas diverge and fixes them when a read notices. {@link #plan} is what the demos' clients
 * run; it is package-private so that exercise conc-4 (which asks for the same planner, in
 * {@code ReadRepairPlanner}) cannot pass by calling it. A client takes any {@link Planner}.
 */
public final class ReadRepair {

    private ReadRepair() {
    }

    /** What to do after a read: the value to return, and the replicas holding something older. */
    public record Plan(Versioned newest, Map<Address, Versioned> repairs) {
    }

    /** Plans the repair; {@code replies} maps each replica that answered to its copy. */
    static Plan plan(Map<Address, Versioned> replies) {
        Versioned newest = Versioned.NONE;
        for (Versioned v : replies.values()) {
            if (v.isNewerThan(newest)) {
                newest = v;
            }
        }
        Map<Address, Versioned> repairs = new LinkedHashMap<>();
        for (Map.Entry<Address, Versioned> e : replies.entrySet()) {
            if (newest.isNewerThan(e.getValue())) {
                repairs.put(e.getKey(), newest);
            }
        }
        return new Plan(newest, repairs);
    }

    /** Functional form, so a client can be given the reader's own planner (exercise conc-4). */
    @FunctionalInterface
    public interface Planner {
        Plan plan(Map<Address, Versioned> replies);
    }
}
