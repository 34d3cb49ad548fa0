// Wrong solution for conc-4: every replica that answered is sent the newest copy, current or not.
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
            if (v.isNewerThan(newest)) {
                newest = v;
            }
        }
        Map<Address, Versioned> repairs = new LinkedHashMap<>();
        for (var e : replies.entrySet()) {
            if (newest != Versioned.NONE) {
                repairs.put(e.getKey(), newest);
            }
        }
        return new ReadRepair.Plan(newest, repairs);
    }
}
