package dev.dbinternals.ch08.concurrency;

import dev.dbinternals.ch08.harness.lang.Columns;
import static dev.dbinternals.ch08.harness.lang.Lang.t;

import dev.dbinternals.ch08.harness.check.CheckResult;
import dev.dbinternals.ch08.harness.check.LinearizabilityChecker;
import dev.dbinternals.ch08.harness.check.Models;
import dev.dbinternals.ch08.harness.history.JepsenHistory;
import dev.dbinternals.ch08.concurrency.interleaving.InterleavingModel;
import dev.dbinternals.ch08.concurrency.interleaving.OutcomeSpec;
import dev.dbinternals.ch08.concurrency.interleaving.OutcomeTable;
import dev.dbinternals.ch08.concurrency.interleaving.Programs;
import dev.dbinternals.ch08.concurrency.interleaving.WitnessHistory;
import dev.dbinternals.ch08.harness.demo.DemoArgs;
import java.io.PrintStream;

/**
 * Figure 8-1, by exhaustive search: every interleaving of threads doing load / compute / store on a shared
 * counter, counted, with a witness for each lost update, and the fixes (lock, CAS loop) whose
 * only reachable outcome is the right one.
 *
 * <p>Book: Chapter 8, "Concurrent Execution" (동시 수행).
 */
public final class Demo01LostUpdate {

    private Demo01LostUpdate() {
    }

    public static void main(String[] args) {
        DemoArgs a = DemoArgs.forDemo("lost-update", "figure 8-1: every interleaving of a racy counter, counted and graded",
                "그림 8-1: 경쟁 상태인 카운터의 모든 인터리빙을 세고 판정한다").parse(args);
        PrintStream out = DemoSupport.stdout();
        StringBuilder md = new StringBuilder(t("# Lost update: every interleaving (figure 8-1)\n\n", "# 갱신 손실: 모든 인터리빙 (그림 8-1)\n\n"));

        DemoArgs.heading(out, t("Figure 8-1: threads load x, compute x + 1, store x (동시 수행)",
                "그림 8-1: 스레드가 x를 읽고(load), x + 1을 계산하고(compute), x에 쓴다(store) (동시 수행)"));
        out.println(t("Each thread's three steps are atomic; the scheduler may switch threads between any two.",
                "각 스레드의 세 단계는 각각 원자적이다. 스케줄러는 어느 두 단계 사이에서든 스레드를 바꿀 수 있다."));
        out.println(t("The explorer visits every reachable state, so an outcome with 0 interleavings is impossible in the model, not merely unobserved.",
                "탐색기는 도달 가능한 모든 상태를 방문한다. 그래서 인터리빙이 0개인 결과는 단지 관찰되지 않은 것이 아니라 모델에서 불가능한 것이다."));
        int[][] shapes = {{2, 1}, {2, 2}, {2, 3}, {3, 2}};
        for (int[] s : shapes) {
            var model = InterleavingModel.threads(s[0], Programs.racyIncrement(s[1]));
            OutcomeTable t = model.outcomes(t("racy: " + s[0] + " threads x " + s[1] + " increments (load/compute/store)",
                            "경쟁: 스레드 " + s[0] + "개 x 증가 " + s[1] + "번 (load/compute/store)"),
                    OutcomeSpec.racyCounter(s[0], s[1]));
            out.println();
            out.print(t.render());
            out.println(t("  closed form (multinomial): " + model.closedFormInterleavings() + " interleavings",
                    "  닫힌 형식(다항 계수): 인터리빙 " + model.closedFormInterleavings() + "개"));
            md.append("```\n").append(t.render()).append("```\n\n");
        }

        DemoArgs.heading(out, t("Fixes: a lock (not enabled while held) and a CAS retry loop",
                "해결책: 락(잡혀 있는 동안은 진행 불가)과 CAS 재시도 루프"));
        boolean casExact = true;
        boolean casMore = true;
        for (int[] s : shapes) {
            OutcomeTable lock = InterleavingModel.threads(s[0], Programs.lockedIncrement(s[1]))
                    .outcomes(t("lock: " + s[0] + " threads x " + s[1] + " increments", "락: 스레드 " + s[0] + "개 x 증가 " + s[1] + "번"),
                            OutcomeSpec.exactCounter(s[0], s[1]));
            OutcomeTable cas = InterleavingModel.threads(s[0], Programs.casLoopIncrement(s[1]))
                    .outcomes(t("CAS loop: " + s[0] + " threads x " + s[1] + " increments", "CAS 루프: 스레드 " + s[0] + "개 x 증가 " + s[1] + "번"),
                            OutcomeSpec.exactCounter(s[0], s[1]));
            for (OutcomeTable o : new OutcomeTable[] {lock, cas}) {
                out.printf(t("%s reached %s in %d of %d interleavings, %d states; FORBIDDEN reachable: %s%n",
                                "%1$s 결과 %2$s, 인터리빙 %4$d개 중 %3$d개, 상태 %5$d개, FORBIDDEN 도달 가능: %6$s%n"), Columns.left(o.title(), 40),
                        o.reachedOutcomes(), o.interleavings(s[0] * s[1]), o.totalInterleavings(), o.states(),
                        o.forbiddenReached() ? t("true", "예") : t("false", "아니오"));
            }
            casExact &= cas.interleavings(s[0] * s[1]) == cas.totalInterleavings();
            casMore &= cas.totalInterleavings() > lock.totalInterleavings();
            if (s[0] == 2 && s[1] == 2) {
                out.println();
                out.print(cas.render());
                out.println();
                md.append("```\n").append(lock.render()).append("```\n\n```\n").append(cas.render()).append("```\n\n");
            }
        }
        out.println(casFixNote(casMore, casExact));

        DemoArgs.heading(out, t("The lost update as a history, checked for linearizability (상태 일관성)",
                "갱신 손실을 히스토리로 기록해 선형성을 검사한다 (상태 일관성)"));
        OutcomeTable race = InterleavingModel.threads(2, Programs.racyIncrement(1)).outcomes("2x1", OutcomeSpec.racyCounter(2, 1));
        var witness = race.rows().stream().filter(r -> r.outcome() == 1).findFirst().orElseThrow().witness();
        var history = WitnessHistory.of(witness, 1);
        out.println(t("witness schedule: ", "증거 스케줄: ") + String.join(", ", witness));
        out.print(JepsenHistory.write(history));
        CheckResult verdict = LinearizabilityChecker.create().check(history, Models.counter(0));
        out.print(verdict.render(10));

        DemoArgs.heading(out, t("Counting is not measuring", "세는 것은 측정이 아니다"));
        out.println(t("18 of 20 interleavings lose an update, but a real scheduler does not pick interleavings uniformly:",
                "인터리빙 20개 중 18개가 갱신을 잃지만, 실제 스케줄러는 인터리빙을 균등하게 고르지 않는다."));
        out.println(t("run demo 'real-threads' to see how often real threads lose updates on this machine.",
                "이 기계에서 실제 스레드가 얼마나 자주 갱신을 잃는지 보려면 데모 'real-threads'를 실행해 보세요."));
        DemoSupport.write(a.out(), "outcomes.md", md.toString(), out);
    }

    /** The note under the fixes, from what the tables showed: did the CAS loop have more interleavings than the lock, and did all end exact. */
    static String casFixNote(boolean casMoreThanLock, boolean casAllExact) {
        return t("(the CAS loop's failed attempts retry, so it " + (casMoreThanLock ? "has more interleavings than the lock in every shape"
                : "does not have more interleavings than the lock in every shape") + "; "
                + (casAllExact ? "every one of them ends at the exact count)" : "NOT every one of them ends at the exact count)"),
                "(CAS 루프는 실패한 시도를 다시 하므로 " + (casMoreThanLock ? "모든 형태에서 락보다 인터리빙이 많다"
                : "모든 형태에서 락보다 인터리빙이 많지는 않다") + ". "
                + (casAllExact ? "그 모든 인터리빙이 정확한 값으로 끝난다)" : "그 인터리빙이 모두 정확한 값으로 끝나지는 않는다)"));
    }
}
