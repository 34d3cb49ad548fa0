package dev.dbinternals.ch08.concurrency;

import dev.dbinternals.ch08.harness.lang.Columns;
import static dev.dbinternals.ch08.harness.lang.Lang.t;

import dev.dbinternals.ch08.harness.history.HistoryEvent;
import dev.dbinternals.ch08.harness.history.JepsenHistory;
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
        DemoArgs a = DemoArgs.forDemo("quorums", "quorum reads (R+W>N vs R+W<=N) and read repair on 3 replicas",
                "복제본 3개에서의 쿼럼 읽기(R+W>N 대 R+W<=N)와 읽기 복구").parse(args);
        PrintStream out = DemoSupport.stdout();
        DemoArgs.heading(out, t("Writer A cannot reach r3, reader B cannot reach r1; A writes x=1, then B reads x (쿼럼, 읽기 복구)",
                "쓰는 A는 r3에, 읽는 B는 r1에 닿지 못한다. A가 x=1을 쓰고 B가 x를 읽는다 (쿼럼, 읽기 복구)"));
        // padded by terminal columns, not characters, so the Korean header and cells line up
        out.println(String.join(" ", Columns.left(t("quorums", "쿼럼"), 22), Columns.left(t("read repair", "읽기 복구"), 12),
                Columns.left(t("B's first read", "B의 첫 읽기"), 16), Columns.left(t("linearizable?", "선형적인가?"), 22),
                t("replicas at the end (value@version)", "실행이 끝난 뒤의 복제본 (값@버전)")));
        java.util.List<Row> rows = new java.util.ArrayList<>();
        for (Quorums q : new Quorums[] {new Quorums(3, 1, 1), new Quorums(3, 2, 2), new Quorums(3, 1, 3), new Quorums(3, 3, 1)}) {
            for (boolean repair : new boolean[] {false, true}) {
                var o = new QuorumScenario(q, repair).run(a.seed());
                StringBuilder reps = new StringBuilder();
                for (int i = 0; i < o.replicasAtEnd().size(); i++) {
                    var v = o.replicasAtEnd().get(i);
                    reps.append("r").append(i + 1).append('=').append(v.version() == 0 ? "-" : v.value() + "@" + v.version()).append(' ');
                }
                String read = o.firstRead() == null ? t("nothing", "없음") : String.valueOf(o.firstRead());
                String verdict = o.check().verdict().toString();
                out.printf("%-22s %s %s %s %s%s%n", q, Columns.left(repair ? t("on", "켬") : t("off", "끔"), 12),
                        Columns.left(o.firstReadFailed() ? t("failed", "실패") : read, 16),
                        Columns.left(o.check().verdict() == dev.dbinternals.ch08.harness.check.Verdict.OK ? t("yes", "예")
                                : t(verdict, "아니오 (" + verdict + ")"), 22),
                        reps.toString().stripTrailing(), o.replicasConverged() ? t("  converged", "  수렴") : "");
                rows.add(new Row(q, repair, o.writeEnd(), o.firstReadFailed(), o.firstRead(),
                        o.check().verdict() == dev.dbinternals.ch08.harness.check.Verdict.OK, o.replicasConverged()));
            }
        }
        out.println();
        out.print(verdict(rows));
        var stale = new QuorumScenario(new Quorums(3, 1, 1), false).run(a.seed());
        DemoArgs.heading(out, t("The stale read's history, checked", "오래된 값을 읽은 히스토리의 검사"));
        out.print(stale.check().render(10));
        Trace trace = stale.simulation().trace();
        trace.setPayloadFormat(dev.dbinternals.ch08.concurrency.replication.QuorumMessages.CODEC::describe);
        DemoSupport.write(a.out(), "stale-read.history.edn", JepsenHistory.write(stale.history()), out);
        Diagrams.write(a.out(), "stale-read", t("Quorum R=1 W=1: a stale read", "쿼럼 R=1 W=1: 오래된 값 읽기"), trace,
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
            parts.add(r.writeEnd() == HistoryEvent.Type.OK
                    ? t("A's write got " + q.w() + " acknowledgement" + (q.w() == 1 ? "" : "s"), "A의 쓰기는 확인 응답 " + q.w() + "개를 받았고")
                    : t("A's write could not get " + q.w() + " acknowledgements in time and ended :info (outcome unknown)",
                            "A의 쓰기는 제때 확인 응답 " + q.w() + "개를 받지 못해 :info(결과 모름)로 끝났고"));
            if (r.firstReadFailed()) {
                parts.add(t("B's first read could not get " + q.r() + " replies in time and failed",
                        "B의 첫 읽기는 제때 응답 " + q.r() + "개를 받지 못해 실패했다"));
            } else {
                parts.add(t("B's first read returned ", "B의 첫 읽기가 돌려준 값: ") + (r.firstRead() == null ? t("nothing", "없음") : r.firstRead()));
            }
            String joined = String.join(t(";\n  ", "\n  "), parts);
            if (r.linearizable()) {
                s.append(joined).append(r.writeEnd() != HistoryEvent.Type.OK
                        ? t(";\n  linearizable, since a write of unknown outcome may take effect late or never",
                                " →\n  선형적이다. 결과를 모르는 쓰기는 늦게 효력을 가질 수도, 끝내 갖지 않을 수도 있기 때문이다")
                        : t("; linearizable", " → 선형적이다"));
            } else {
                s.append(joined).append(r.writeEnd() == HistoryEvent.Type.OK && !r.firstReadFailed() && r.firstRead() == null
                        ? t(":\n  a stale read after a completed write, not linearizable", " →\n  완료된 쓰기 뒤의 오래된 값 읽기이므로 선형적이지 않다")
                        : t("; not linearizable", " → 선형적이지 않다"));
            }
            s.append(".\n");
        }
        long unavailable = rows.stream().filter(r -> !r.repair() && (r.writeEnd() != HistoryEvent.Type.OK || r.firstReadFailed())).count();
        if (unavailable > 0) {
            long choices = rows.stream().filter(r -> !r.repair()).count();
            s.append(t("An operation that needs every replica cannot finish while one is unreachable: availability is the price\n"
                    + "of such quorums (here " + unavailable + " of the " + choices + " quorum choices left an operation unfinished).\n",
                    "모든 복제본이 필요한 연산은 복제본 하나에 닿지 못하는 동안 끝날 수 없다: 그런 쿼럼의 대가는 가용성이다\n"
                    + "(여기서는 쿼럼 선택 " + choices + "개 중 " + unavailable + "개에서 끝나지 못한 연산이 있었다).\n"));
        }
        long repaired = rows.stream().filter(r -> r.repair() && r.converged()).count();
        long repairRows = rows.stream().filter(Row::repair).count();
        long plain = rows.stream().filter(r -> !r.repair() && r.converged()).count();
        s.append(String.format(t("Replicas converged by the end in %d of %d runs with read repair, %d of %d without.%n",
                "실행이 끝날 때 복제본이 수렴해 있던 실행: 읽기 복구를 켰을 때 %2$d개 중 %1$d개, 껐을 때 %4$d개 중 %3$d개.%n"), repaired, repairRows, plain,
                rows.size() - repairRows));
        return s.toString();
    }
}
