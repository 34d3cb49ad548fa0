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
        DemoArgs a = DemoArgs.forDemo("schema-version", "schema disagreement: silent corruption, then versioned frames").parse(args);
        PrintStream out = DemoSupport.stdout();
        DemoArgs.heading(out, "Coordinator on schema v2 " + Schema.V2.names() + ", replica on v1 " + Schema.V1.names()
                + " until t = 200 ms");
        out.println("row written: " + SchemaScenario.ROW);
        for (boolean versioned : new boolean[] {false, true}) {
            var o = new SchemaScenario(versioned).run(a.seed());
            out.printf("%n%s:%n", versioned ? "frames carry the schema version (the fix)" : "frames without schema version");
            o.rejections().forEach(r -> out.println("  rejected: " + r));
            out.println("  acknowledged: " + o.acknowledged());
            out.println("  replica stored: " + o.stored());
        }
        out.println();
        out.println("Without versions the replica read 'created' as 'balance' and found no owner, acknowledged the write,");
        out.println("and nothing failed: the Cassandra bug the book describes. With versions the disagreement is an error");
        out.println("the coordinator can see and retry, and the row is stored intact once the schema change arrives.");
    }
}
