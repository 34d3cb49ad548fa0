package dev.dbinternals.ch08.concurrency;

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
        for (Quorums q : new Quorums[] {new Quorums(3, 1, 1), new Quorums(3, 2, 2), new Quorums(3, 1, 3), new Quorums(3, 3, 1)}) {
            for (boolean repair : new boolean[] {false, true}) {
                var o = new QuorumScenario(q, repair).run(a.seed());
                StringBuilder reps = new StringBuilder();
                for (int i = 0; i < o.replicasAtEnd().size(); i++) {
                    var v = o.replicasAtEnd().get(i);
                    reps.append("r").append(i + 1).append('=').append(v.version() == 0 ? "-" : v.value() + "@" + v.version()).append(' ');
                }
                out.printf("%-22s %-12s %-16s %-22s %s%s%n", q, repair ? "on" : "off",
                        o.firstRead() == null ? "nothing" : String.valueOf(o.firstRead()),
                        o.check().verdict() == dev.dbinternals.ch08.concurrency.check.Verdict.OK ? "yes" : o.check().verdict().toString(),
                        reps, o.replicasConverged() ? "  converged" : "");
            }
        }
        out.println();
        out.println("R=3/W=1 and R=1/W=3 overlap but need every replica on one side: here W=3 cannot finish (A cannot reach r3),");
        out.println("so the write ends :info and the read that follows is still explained by it; availability is the price.");
        var stale = new QuorumScenario(new Quorums(3, 1, 1), false).run(a.seed());
        DemoArgs.heading(out, "The stale read's history, checked");
        out.print(stale.check().render(10));
        Trace t = stale.simulation().trace();
        t.setPayloadFormat(dev.dbinternals.ch08.concurrency.replication.QuorumMessages.CODEC::describe);
        DemoSupport.write(a.out(), "stale-read.history.edn", JepsenHistory.write(stale.history()), out);
        Diagrams.write(a.out(), "stale-read", "Quorum R=1 W=1: a stale read", t,
                e -> e.kind() != TraceEvent.Kind.TIMER_SET && e.kind() != TraceEvent.Kind.TIMER_FIRE && e.timeNanos() < 200_000_000L);
    }
}
