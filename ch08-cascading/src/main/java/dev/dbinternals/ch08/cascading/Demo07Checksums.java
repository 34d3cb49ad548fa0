package dev.dbinternals.ch08.cascading;

import dev.dbinternals.ch08.cascading.checksums.Replication;

import dev.dbinternals.ch08.harness.demo.DemoArgs;
import java.util.Locale;

/**
 * Demo 7 — Cascading failures (계단식 장애): corrupted records spread through replication and
 * overwrite good ones; a CRC32C per record (체크섬) stops them at the first replica.
 *
 * <p>Run: {@code ./ch08 demo cascading checksums [--quick]}.
 */
public final class Demo07Checksums {

    private Demo07Checksums() {
    }

    /**
     * The narration after the table, from its totals: {frames, undecodable, refused, corrupt
     * records stored, distinct corrupt records, runs with a corrupt replica} without and with the check.
     */
    static String verdict(long[] noCheck, long[] withCheck, int runs) {
        StringBuilder sb = new StringBuilder();
        sb.append("Without a checksum, a flip that still decodes is a valid-looking record. A flip that raises the\n"
                + "version wins last-writer-wins everywhere: gossip carries it to other replicas, and every genuine\n"
                + "write to that key afterwards is ignored as 'older'.");
        if (noCheck[3] > 0) {
            sb.append(String.format(Locale.ROOT, " Here %d distinct corrupt records were stored %d times%n"
                    + "(how far each spread), leaving a corrupt replica in %d of %d runs.%n", noCheck[4], noCheck[3], noCheck[5], runs));
        } else {
            sb.append(String.format(Locale.ROOT, " In these runs no corrupt record happened to be stored.%n"));
        }
        sb.append(String.format(Locale.ROOT, "With a CRC32C computed by the writer and checked by every replica, %d damaged records were%n"
                + "refused where they landed (a later gossip round can bring the good copy): ", withCheck[2]));
        sb.append(withCheck[3] == 0 ? "nothing corrupt was stored\nanywhere in any run.\n"
                : withCheck[3] + " corrupt records were stored\nanyway (a flip the CRC did not catch).\n");
        return sb.toString();
    }

    public static void main(String[] args) {
        DemoArgs a = DemoArgs.forDemo("cascading-checksums",
                "bit flips on the wire: corrupted records spread between replicas without a checksum, not with one")
                .writesNoFiles().parse(args);
        int runs = a.quick() ? 5 : 20;
        double corruption = 0.01;
        int writes = 1000;
        DemoArgs.heading(System.out, "5 replicas, 40 keys, 1000 writes, anti-entropy gossip every 10 ms, 1% of frames corrupted");
        System.out.println("last writer wins by version; " + runs + " runs (seeds " + a.seed() + ".." + (a.seed() + runs - 1) + ")");
        Table t = new Table("validation", "corrupted frames", "undecodable", "refused by CRC", "corrupt records stored",
                "distinct corrupt records", "runs with a corrupt replica");
        String example = null;
        long[][] totals = new long[2][];
        for (boolean check : new boolean[] {false, true}) {
            long frames = 0;
            long undecodable = 0;
            long refused = 0;
            long slots = 0;
            long distinct = 0;
            int bad = 0;
            for (int i = 0; i < runs; i++) {
                Replication.Result r = Replication.run(a.seed() + i, check, corruption, writes);
                frames += r.corruptedFrames();
                undecodable += r.undecodable();
                refused += r.refusedByChecksum();
                slots += r.corruptSlots();
                distinct += r.distinctCorruptRecords();
                bad += r.replicasWithCorruption() > 0 ? 1 : 0;
                if (example == null && !r.examples().isEmpty()) {
                    example = r.examples().get(0);
                }
            }
            t.row(check ? "CRC32C per record" : "none (decode only)", frames, undecodable, refused, slots, distinct,
                    bad + " of " + runs);
            totals[check ? 1 : 0] = new long[] {frames, undecodable, refused, slots, distinct, bad};
        }
        System.out.print(t);
        long[] noCheck = totals[0];
        long[] withCheck = totals[1];
        if (example != null) {
            System.out.println("for example: " + example);
        }
        System.out.print(verdict(noCheck, withCheck, runs));
    }
}
