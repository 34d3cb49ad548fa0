package dev.dbinternals.ch08.concurrency;

import dev.dbinternals.ch08.concurrency.replication.Schema;
import dev.dbinternals.ch08.concurrency.replication.SchemaScenario;
import dev.dbinternals.ch08.harness.demo.DemoArgs;
import java.io.PrintStream;

/**
 * State consistency (상태 일관성), part 3: schema disagreement. A row encoded with schema v2 and
 * decoded with v1 is corrupted silently; a schema version in every frame turns that into a
 * rejection until the schema change has reached the replica.
 *
 * <p>Book: Chapter 8, "State Consistency" (상태 일관성).
 */
public final class Demo09SchemaVersion {

    private Demo09SchemaVersion() {
    }

    public static void main(String[] args) {
        DemoArgs a = DemoArgs.forDemo("schema-version", "schema disagreement: silent corruption, then versioned frames").writesNoFiles().parse(args);
        PrintStream out = DemoSupport.stdout();
        DemoArgs.heading(out, "Coordinator on schema v2 " + Schema.V2.names() + ", replica on v1 " + Schema.V1.names()
                + " until t = 200 ms");
        out.println("row written: " + SchemaScenario.ROW);
        StringBuilder said = new StringBuilder();
        for (boolean versioned : new boolean[] {false, true}) {
            var o = new SchemaScenario(versioned).run(a.seed());
            out.printf("%n%s:%n", versioned ? "frames carry the schema version" : "frames without schema version");
            o.rejections().forEach(r -> out.println("  rejected: " + r));
            out.println("  acknowledged: " + o.acknowledged());
            out.println("  replica stored: " + o.stored());
            said.append(verdict(versioned, o.acknowledged(), o.rejections().size(), o.stored(), SchemaScenario.ROW));
        }
        out.println();
        out.print(said);
    }

    /** What one run showed, from its outcome: was the row acknowledged, rejected first, and stored intact (every column equal) or not. */
    static String verdict(boolean versioned, boolean acknowledged, int rejections, java.util.List<java.util.Map<String, Object>> stored,
                          java.util.Map<String, Object> written) {
        StringBuilder s = new StringBuilder(versioned ? "With schema versions in frames: " : "Without schema versions: ");
        s.append(rejections == 0 ? "no rejection" : rejections + " rejection(s) the coordinator saw and retried");
        s.append(acknowledged ? ", the write was acknowledged" : ", the write was never acknowledged");
        if (stored.isEmpty()) {
            s.append(", and nothing was stored.\n");
            return s.toString();
        }
        java.util.Map<String, Object> row = stored.get(stored.size() - 1);
        java.util.List<String> wrong = new java.util.ArrayList<>();
        for (var e : written.entrySet()) {
            Object got = row.get(e.getKey());
            if (!java.util.Objects.equals(String.valueOf(got), String.valueOf(e.getValue()))) {
                wrong.add(e.getKey() + " (" + (got == null ? "missing" : "'" + got + "'") + " instead of '" + e.getValue() + "')");
            }
        }
        if (wrong.isEmpty()) {
            s.append(", and the row was stored intact.\n");
        } else {
            s.append(",\n  and the stored row is corrupted: ").append(String.join(", ", wrong)).append('.');
            s.append(acknowledged && rejections == 0 ? "\n  Nothing failed, so nobody was told.\n" : "\n");
        }
        return s.toString();
    }
}
