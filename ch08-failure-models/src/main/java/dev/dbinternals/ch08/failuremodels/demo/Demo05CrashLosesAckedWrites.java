package dev.dbinternals.ch08.failuremodels.demo;

import dev.dbinternals.ch08.failuremodels.crash.CrashRecoveryRun;
import dev.dbinternals.ch08.failuremodels.crash.Durability;
import dev.dbinternals.ch08.failuremodels.crash.RecoveryModel;
import dev.dbinternals.ch08.failuremodels.crash.CrashRecoveryRun.Outcome;
import dev.dbinternals.ch08.harness.demo.DemoArgs;
import dev.dbinternals.ch08.harness.demo.Diagrams;
import dev.dbinternals.ch08.harness.sim.Trace;
import dev.dbinternals.ch08.harness.sim.TraceEvent.Kind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Demo 5: a register node crashes at every point of its write handler and restarts; which
 * acknowledged writes are gone? First sampled over seeds in the simulator, then exhaustively
 * with {@link RecoveryModel}.
 *
 * <p>Book: Chapter 8, "Crash Faults" (충돌): crash-stop vs crash-recovery. Run:
 * {@code ./ch08 demo ch08-failure-models crash-recovery [--quick]}
 */
public final class Demo05CrashLosesAckedWrites {

    private Demo05CrashLosesAckedWrites() {
    }

    public static void main(String[] argv) {
        DemoArgs args = DemoArgs.forDemo("crash-recovery", "acknowledged writes vs crash points, per durability mode").parse(argv);
        int writes = 5;
        int seeds = args.quick() ? 5 : 20;
        DemoArgs.heading(System.out, "A client writes k1..k5 (retransmitting until acknowledged); the node crashes once, restarts 50 ms later");
        System.out.println("Crash-stop would end the story at the crash: the node never answers again and holds");
        System.out.println("nothing anyone could read. Crash-recovery brings it back with only what it synced.");
        System.out.printf("Each cell: runs (of %d: seeds x which of the first %d passes through that point is hit; a%n", seeds * writes, writes);
        System.out.printf("retransmitted write passes again) that lost an acknowledged write.%n%n");
        Map<Durability, Map<String, Integer>> lost = new EnumMap<>(Durability.class);
        for (Durability d : Durability.values()) {
            Map<String, Integer> cells = new LinkedHashMap<>();
            lost.put(d, cells);
            StringBuilder row = new StringBuilder(String.format("%-14s", d));
            for (String point : d.failPoints()) {
                int bad = 0;
                for (long s = 0; s < seeds; s++) {
                    for (int occ = 1; occ <= writes; occ++) {
                        if (!CrashRecoveryRun.run(args.seed() + s, d, point, occ, writes).lostAcknowledgedWrites().isEmpty()) {
                            bad++;
                        }
                    }
                }
                cells.put(point, bad);
                row.append(String.format(" | crash after %-8s %3d", point + ":", bad));
            }
            System.out.println(row);
        }
        System.out.println();
        narration(lost).forEach(System.out::println);

        DemoArgs.heading(System.out, "Exhaustively: every state of 3 writes, any message losses, up to 2 crashes at any step");
        System.out.println("(RecoveryModel on the harness's explorer: the replica's handler runs one step at a time and");
        System.out.println("may crash between any two; the client retransmits; the network may lose anything.)");
        for (Durability d : Durability.values()) {
            var r = RecoveryModel.explore(d, 3, 2);
            System.out.printf("%-14s %6d states, %6d transitions: %s%n", d, r.stateCount(), r.transitionCount(),
                    r.violations().isEmpty() ? "no reachable state loses an acknowledged write"
                            : r.violations().size() + " states lose one; shortest run:");
            if (!r.violations().isEmpty()) {
                System.out.println("    " + String.join(" -> ", r.violations().get(0).path()));
            }
        }

        DemoArgs.heading(System.out, "One run: MEMORY_ONLY, crash after acknowledging k3");
        Outcome o = CrashRecoveryRun.run(args.seed(), Durability.MEMORY_ONLY, "acked", 3, writes);
        System.out.println("client was told OK for: " + o.acknowledged().keySet());
        System.out.println("node holds after restart: " + o.afterRestart().keySet());
        System.out.println("acknowledged but lost:    " + o.lostAcknowledgedWrites());
        Diagrams.write(args.out(), "memory-only-crash", "MEMORY_ONLY register: crash after acknowledging k3", o.sim().trace(),
                Trace.byKind(Kind.SEND, Kind.DELIVER, Kind.DROP, Kind.CRASH, Kind.RESTART, Kind.NOTE));
    }

    /** The lines after the sampled table, computed from its cells: mode to fail point to runs that lost a write. */
    static List<String> narration(Map<Durability, Map<String, Integer>> lost) {
        List<String> lines = new ArrayList<>();
        for (Map.Entry<Durability, Map<String, Integer>> e : lost.entrySet()) {
            List<String> losing = new ArrayList<>();
            e.getValue().forEach((point, n) -> {
                if (n > 0) {
                    losing.add(point);
                }
            });
            String head = e.getKey() + (losing.isEmpty() ? " lost nothing at any crash point"
                    : " lost acknowledged writes after a crash at: " + String.join(", ", losing));
            String why = switch (e.getKey()) {
                case MEMORY_ONLY -> "memory is empty after a restart, so it is correct only until the first one";
                case WRITE_NO_SYNC -> "an unsynced write lives in the page cache, which a crash empties";
                case ACK_THEN_SYNC -> "the write acknowledged just before the crash had not been synced yet";
                case SYNC_THEN_ACK -> "a crash before the sync loses a write nobody was promised, and the client's"
                        + " retransmission brings it back";
            };
            lines.add(head + (losing.isEmpty() == (e.getKey() == Durability.SYNC_THEN_ACK) ? ":\n    " + why + "." : "."));
        }
        return lines;
    }
}
