package dev.dbinternals.ch08.concurrency;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

import dev.dbinternals.ch08.harness.lang.Columns;
import dev.dbinternals.ch08.harness.check.LinearizabilityChecker;
import dev.dbinternals.ch08.harness.check.Models;
import dev.dbinternals.ch08.harness.check.SequentialConsistencyChecker;
import dev.dbinternals.ch08.harness.check.Verdict;
import dev.dbinternals.ch08.harness.history.History;
import dev.dbinternals.ch08.harness.history.Operation;
import dev.dbinternals.ch08.harness.demo.DemoArgs;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Consistency models, checkable: the same history shape with every possible read result, and
 * which results linearizability and sequential consistency admit. A consistency model fixes an
 * order and so limits the states a reader can see.
 *
 * <p>Book: Chapter 8, "Concurrent Execution" (동시 수행; in paraphrase: a consistency model
 * limits the number of possible outcomes) and "State Consistency" (상태 일관성).
 */
public final class Demo04Linearizability {

    private Demo04Linearizability() {
    }

    /** One row of the outcome table: the three read results and what each model says. */
    record Outcome(long a, long b, long c, boolean linearizable, boolean sequentiallyConsistent) {
    }

    /**
     * The shape: p0 writes 1 then 2; p1 reads twice (a, b) after both writes; p2 reads once
     * (c), invoked while the first write is in flight and completing last. Times are the
     * positions of the events in the history.
     */
    static History shape(Object a, Object b, Object c) {
        return History.builder()
                .invoke(0, "write", 1).invoke(2, "read", null).ok(0, "write", 1)
                .invoke(0, "write", 2).ok(0, "write", 2)
                .invoke(1, "read", null).ok(1, "read", a)
                .invoke(1, "read", null).ok(1, "read", b)
                .ok(2, "read", c)
                .build();
    }

    /** Every combination of read results in {0, 1, 2}, checked under both models. */
    static List<Outcome> outcomes() {
        List<Outcome> all = new ArrayList<>();
        for (long x = 0; x <= 2; x++) {
            for (long y = 0; y <= 2; y++) {
                for (long z = 0; z <= 2; z++) {
                    History h = shape(x, y, z);
                    boolean l = LinearizabilityChecker.create().check(h, Models.register(0L)).verdict() == Verdict.OK;
                    boolean s = SequentialConsistencyChecker.create().check(h, Models.register(0L)).verdict() == Verdict.OK;
                    all.add(new Outcome(x, y, z, l, s));
                }
            }
        }
        return all;
    }

    /** The whole narrated output, every statement computed from the history and the checkers' verdicts. */
    static String narrate(List<Outcome> all, StringBuilder md) {
        StringBuilder out = new StringBuilder();
        List<Operation> ops = shape(2L, 2L, 0L).operations();
        Operation w1 = find(ops, 0, 0);
        Operation w2 = find(ops, 0, 1);
        Operation ra = find(ops, 1, 0);
        Operation rb = find(ops, 1, 1);
        Operation rc = find(ops, 2, 0);
        out.append(t("  times are event positions in the history: [invoked..completed]\n", "  시각은 히스토리 속 이벤트의 위치다: [호출..완료]\n"));
        out.append("  p0: write 1 ").append(span(w1)).append("  write 2 ").append(span(w2)).append('\n');
        out.append("  p1: read a ").append(span(ra)).append("  read b ").append(span(rb)).append('\n');
        String when;
        if (rc.invokeIndex() < w1.invokeIndex()) {
            when = t("invoked before the first write", "첫 쓰기보다 먼저 호출됨");
        } else if (rc.invokeIndex() < w1.completeIndex()) {
            when = t("invoked during the first write: after it was invoked, before it completed",
                    "첫 쓰기 도중에, 즉 그 쓰기가 호출된 뒤 완료되기 전에 호출됨");
        } else {
            when = t("invoked after the first write completed", "첫 쓰기가 완료된 뒤에 호출됨");
        }
        long last = ops.stream().mapToLong(Operation::completeIndex).max().orElseThrow();
        out.append("  p2: read c ").append(span(rc)).append("  (").append(when)
                .append(rc.completeIndex() == last ? t("; completes last)", "; 가장 늦게 완료됨)") : ")").append('\n');
        // padded by terminal columns, not characters: 예 and 아니오 differ in width, the column after them must not move
        out.append(String.format("%n  %-14s %s %s%n", "a b c", Columns.left(t("linearizable", "선형성"), 14),
                Columns.left(t("sequentially consistent", "순차 일관성"), 24)));
        md.append(t("| a b c | linearizable | sequentially consistent |\n", "| a b c | 선형성 | 순차 일관성 |\n")).append("|---|---|---|\n");
        int lin = 0;
        int sc = 0;
        for (Outcome o : all) {
            lin += o.linearizable() ? 1 : 0;
            sc += o.sequentiallyConsistent() ? 1 : 0;
            if (o.linearizable() || o.sequentiallyConsistent()) {
                String abc = o.a() + " " + o.b() + " " + o.c();
                out.append(String.format("  %-14s %s %s%n", abc, Columns.left(yes(o.linearizable()), 14), Columns.left(yes(o.sequentiallyConsistent()), 24)));
                md.append("| ").append(abc).append(" | ").append(yes(o.linearizable())).append(" | ")
                        .append(yes(o.sequentiallyConsistent())).append(" |\n");
            }
        }
        long both = all.stream().filter(o -> o.linearizable() && o.sequentiallyConsistent()).count();
        out.append(String.format(t("%n  of %d combinations of read results: %d linearizable, %d sequentially consistent, %d admitted by neither%n",
                "%n  읽기 결과 조합 %d개 중 선형적인 것 %d개, 순차 일관적인 것 %d개, 둘 다 허용하지 않는 것 %d개%n"),
                all.size(), lin, sc, all.stream().filter(o -> !o.linearizable() && !o.sequentiallyConsistent()).count()));
        if (both == lin) {
            out.append(t("  Every linearizable outcome is also sequentially consistent, as it must be.\n",
                    "  선형적인 결과는 모두 순차 일관적이기도 하다. 당연히 그래야 한다.\n"));
        }
        TreeSet<String> linAB = new TreeSet<>();
        TreeSet<Long> linC = new TreeSet<>();
        TreeSet<String> scAB = new TreeSet<>();
        TreeSet<Long> scC = new TreeSet<>();
        for (Outcome o : all) {
            if (o.linearizable()) {
                linAB.add(o.a() + " " + o.b());
                linC.add(o.c());
            }
            if (o.sequentiallyConsistent()) {
                scAB.add(o.a() + " " + o.b());
                scC.add(o.c());
            }
        }
        out.append(t("  Linearizability: each operation takes effect at one instant inside its interval. Reads a and b\n",
                "  선형성: 각 연산은 자기 구간 안의 한 순간에 효력을 가진다. 읽기 a와 b는\n"));
        out.append(ra.invokeIndex() > w2.completeIndex() ? t("  start after write 2 completed", "  쓰기 2가 완료된 뒤에 시작하고")
                        : t("  overlap write 2", "  쓰기 2와 겹치고"))
                .append(t(", and the admitted (a, b) are: ", ", 허용되는 (a, b)는 ")).append(String.join("; ", linAB))
                .append(t(".\n", "이다.\n"));
        boolean overlapsBoth = rc.invokeIndex() < w1.completeIndex() && rc.completeIndex() > w2.invokeIndex();
        out.append(overlapsBoth ? t("  Read c overlaps both writes, so it may take effect before, between or after them: c = ",
                        "  읽기 c는 두 쓰기와 모두 겹치므로 그 앞, 사이, 뒤 어디서든 효력을 가질 수 있다: c = ")
                : t("  Read c: admitted values c = ", "  읽기 c: 허용되는 값 c = ")).append(linC).append(".\n");
        boolean monotonic = all.stream().filter(Outcome::sequentiallyConsistent).allMatch(o -> o.a() <= o.b());
        boolean past = all.stream().anyMatch(o -> o.sequentiallyConsistent() && o.a() < 2);
        out.append(t("  Sequential consistency keeps only each process's own order, not real time: admitted (a, b) are\n  ",
                        "  순차 일관성은 실시간 순서가 아니라 각 프로세스 자신의 순서만 지킨다: 허용되는 (a, b)는\n  "))
                .append(String.join("; ", scAB)).append(monotonic ? t(" (never a > b: p1's second read never returns an older value than its first)",
                        " (a > b인 경우는 없다: p1의 두 번째 읽기는 첫 번째보다 오래된 값을 돌려주지 않는다)") : "")
                .append(", c = ").append(scC).append(".\n");
        if (past) {
            out.append(t("  So p1 may read a value older than write 2, which completed before its reads began.\n",
                    "  그러니 p1은 자기 읽기가 시작되기 전에 완료된 쓰기 2보다 오래된 값을 읽을 수 있다.\n"));
        }
        out.append(sc > lin
                ? String.format(t("  The weaker model admits more outcomes here: %d against %d, all of which a reader must handle.%n",
                        "  여기서는 더 약한 모델이 결과를 더 많이 허용한다: %d개 대 %d개. 읽는 쪽은 그 모두를 처리해야 한다.%n"), sc, lin)
                : String.format(t("  Here both models admit the same number of outcomes (%d).%n", "  여기서는 두 모델이 같은 수의 결과를 허용한다 (%d개).%n"), lin));
        return out.toString();
    }

    private static Operation find(List<Operation> ops, long process, int nth) {
        return ops.stream().filter(o -> o.process() == process)
                .sorted(java.util.Comparator.comparingLong(Operation::invokeIndex)).skip(nth).findFirst().orElseThrow();
    }

    private static String span(Operation o) {
        return "[" + o.invokeIndex() + ".." + o.completeIndex() + "]";
    }

    private static String yes(boolean b) {
        return b ? t("yes", "예") : t("no", "아니오");
    }

    public static void main(String[] args) {
        DemoArgs a = DemoArgs.forDemo("linearizability", "which read results each consistency model admits",
                "각 일관성 모델이 어떤 읽기 결과를 허용하는가").parse(args);
        PrintStream out = DemoSupport.stdout();
        DemoArgs.heading(out, t("One shape, every outcome: p0 writes 1 then 2; p1 reads twice after; p2 reads once, overlapping everything",
                "한 형태, 모든 결과: p0은 1, 2를 차례로 쓰고, p1은 그 뒤에 두 번 읽고, p2는 모든 것과 겹쳐 한 번 읽는다"));
        StringBuilder md = new StringBuilder();
        out.print(narrate(outcomes(), md));
        DemoSupport.write(a.out(), "outcomes-by-model.md", md.toString(), out);
    }
}
