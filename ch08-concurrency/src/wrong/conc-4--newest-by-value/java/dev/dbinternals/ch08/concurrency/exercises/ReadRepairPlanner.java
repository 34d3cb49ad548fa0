// Wrong solution for conc-4: the newest copy is taken to be the one with the largest value.
package dev.dbinternals.ch08.concurrency.exercises;

import dev.dbinternals.ch08.concurrency.replication.ReadRepair;
import dev.dbinternals.ch08.concurrency.replication.Versioned;
import dev.dbinternals.ch08.harness.Address;
import java.util.LinkedHashMap;
import java.util.Map;

/** Exercise conc-4. */
public final class ReadRepairPlanner {

    private ReadRepairPlanner() {
    }

    public static ReadRepair.Plan plan(Map<Address, Versioned> replies) {
        Versioned newest = Versioned.NONE;
        for (Versioned v : replies.values()) {
            if (newest == Versioned.NONE || v.value() > newest.value()) {
                newest = v;
            }
        }
        Map<Address, Versioned> repairs = new LinkedHashMap<>();
        for (var e : replies.entrySet()) {
            if (!e.getValue().equals(newest)) {
                repairs.put(e.getKey(), newest);
            }
        }
        return new ReadRepair.Plan(newest, repairs);
    }
}
