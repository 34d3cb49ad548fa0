package dev.dbinternals.ch08.concurrency;

import dev.dbinternals.ch08.concurrency.history.HistoryEvent;
import dev.dbinternals.ch08.concurrency.history.JepsenHistory;
import dev.dbinternals.ch08.concurrency.replication.QuorumScenario;
import dev.dbinternals.ch08.concurrency.replication.Quorums;
import dev.dbinternals.ch08.harness.demo.DemoArgs;
import dev.dbinternals.ch08.harness.demo.Diagrams;
import dev.dbinternals.ch08.harness.sim.Trace;
import dev.dbinternals.ch08.harness.sim.TraceEvent;
import java.io.PrintStream;

/**
 * State consistency (상태 일관성), part 1: quorum reads and writes on three replicas, the stale
 * read of R + W ≤ N, and read repair converging the replicas.
 *
 * <p>Book: Chapter 8, "State Consistency" (상태 일관성).
 */
public final class Demo07Quorums {

    private Demo07Quorums() {
    }

    public static void main(String[] args) {
        DemoArgs a = DemoArgs.forDemo("quorums", "quorum reads (R+W>N vs R+W<=N) and read repair on 3 replicas").parse(args);
        PrintStream out = DemoSupport.stdout();
        DemoArgs.heading(out, "Writer A cannot reach r3, reader B cannot reach r1; A writes x=1, then B reads x (쿼럼, 읽기 중 데이터 복구)");
        out.printf("%-22s %-12s %-16s %-22s %s%n", "quorums", "read repair", "B's first read", "linearizable?", "replicas at the end (value@version)");
        java.util.List<Row> rows = new java.util.ArrayList<>();
        for (Quorums q : new Quorums[] {new Quorums(3, 1, 1), new Quorums(3, 2, 2), new Quorums(3, 1, 3), new Quorums(3, 3, 1)}) {
            for (boolean repair : new boolean[] {false, true}) {
                var o = new QuorumScenario(q, repair).run(a.seed());
                StringBuilder reps = new StringBuilder();
                for (int i = 0; i < o.replicasAtEnd().size(); i++) {
                    var v = o.replicasAtEnd().get(i);
                    reps.append("r").append(i + 1).append('=').append(v.version() == 0 ? "-" : v.value() + "@" + v.version()).append(' ');
                }
                String read = o.firstRead() == null ? "nothing" : String.valueOf(o.firstRead());
                out.printf("%-22s %-12s %-16s %-22s %s%s%n", q, repair ? "on" : "off",
                        o.firstReadFailed() ? "failed" : read,
                        o.check().verdict() == dev.dbinternals.ch08.concurrency.check.Verdict.OK ? "yes" : o.check().verdict().toString(),
                        reps, o.replicasConverged() ? "  converged" : "");
                rows.add(new Row(q, repair, o.writeEnd(), o.firstReadFailed(), o.firstRead(),
                        o.check().verdict() == dev.dbinternals.ch08.concurrency.check.Verdict.OK, o.replicasConverged()));
            }
        }
        out.println();
        out.print(verdict(rows));
        var stale = new QuorumScenario(new Quorums(3, 1, 1), false).run(a.seed());
        DemoArgs.heading(out, "The stale read's history, checked");
        out.print(stale.check().render(10));
        Trace t = stale.simulation().trace();
        t.setPayloadFormat(dev.dbinternals.ch08.concurrency.replication.QuorumMessages.CODEC::describe);
        DemoSupport.write(a.out(), "stale-read.history.edn", JepsenHistory.write(stale.history()), out);
        Diagrams.write(a.out(), "stale-read", "Quorum R=1 W=1: a stale read", t,
                e -> e.kind() != TraceEvent.Kind.TIMER_SET && e.kind() != TraceEvent.Kind.TIMER_FIRE && e.timeNanos() < 200_000_000L);
    }

    /** One row of the table, reduced to what the narration needs. */
    record Row(Quorums quorums, boolean repair, HistoryEvent.Type writeEnd, boolean firstReadFailed, Long firstRead,
               boolean linearizable, boolean converged) {
    }

    /** What the table showed, quorum by quorum (read repair off), from the rows' outcomes; then what read repair did. */
    static String verdict(java.util.List<Row> rows) {
        StringBuilder s = new StringBuilder();
        for (Row r : rows) {
            if (r.repair()) {
                continue;
            }
            Quorums q = r.quorums();
            s.append(q).append(": ");
            java.util.List<String> parts = new java.util.ArrayList<>();
            parts.add(r.writeEnd() == HistoryEvent.Type.OK ? "A's write got " + q.w() + " acknowledgement" + (q.w() == 1 ? "" : "s")
                    : "A's write could not get " + q.w() + " acknowledgements in time and ended :info (outcome unknown)");
            if (r.firstReadFailed()) {
                parts.add("B's first read could not get " + q.r() + " replies in time and failed");
            } else {
                parts.add("B's first read returned " + (r.firstRead() == null ? "nothing" : r.firstRead()));
            }
            String joined = String.join(";\n  ", parts);
            if (r.linearizable()) {
                s.append(joined).append(r.writeEnd() != HistoryEvent.Type.OK
                        ? ";\n  linearizable, since a write of unknown outcome may take effect late or never" : "; linearizable");
            } else {
                s.append(joined).append(r.writeEnd() == HistoryEvent.Type.OK && !r.firstReadFailed() && r.firstRead() == null
                        ? ":\n  a stale read after a completed write, not linearizable" : "; not linearizable");
            }
            s.append(".\n");
        }
        long unavailable = rows.stream().filter(r -> !r.repair() && (r.writeEnd() != HistoryEvent.Type.OK || r.firstReadFailed())).count();
        if (unavailable > 0) {
            s.append("An operation that needs every replica cannot finish while one is unreachable: availability is the price\n")
                    .append("of such quorums (here ").append(unavailable).append(" of the ").append(rows.stream().filter(r -> !r.repair()).count())
                    .append(" quorum choices left an operation unfinished).\n");
        }
        long repaired = rows.stream().filter(r -> r.repair() && r.converged()).count();
        long repairRows = rows.stream().filter(Row::repair).count();
        long plain = rows.stream().filter(r -> !r.repair() && r.converged()).count();
        s.append(String.format("Replicas converged by the end in %d of %d runs with read repair, %d of %d without.%n", repaired, repairRows, plain,
                rows.size() - repairRows));
        return s.toString();
    }
}
