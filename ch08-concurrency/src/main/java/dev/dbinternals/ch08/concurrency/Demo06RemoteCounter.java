package dev.dbinternals.ch08.concurrency;

import dev.dbinternals.ch08.harness.lang.Columns;
import static dev.dbinternals.ch08.harness.lang.Lang.t;

import dev.dbinternals.ch08.harness.history.JepsenHistory;
import dev.dbinternals.ch08.concurrency.remote.CounterClient.Strategy;
import dev.dbinternals.ch08.concurrency.remote.CounterMessages;
import dev.dbinternals.ch08.concurrency.remote.RemoteCounterScenario;
import dev.dbinternals.ch08.harness.demo.DemoArgs;
import dev.dbinternals.ch08.harness.demo.Diagrams;
import dev.dbinternals.ch08.harness.sim.Trace;
import dev.dbinternals.ch08.harness.sim.TraceEvent;
import java.io.PrintStream;

/**
 * Shared state through messages (분산 시스템의 자원 공유): a counter on a remote node, clients
 * incrementing it over a lossy network with timeouts and retries. Read-then-write loses
 * updates; retried non-idempotent increments count twice; a conditional write with a version
 * plus request ids gets the exact count, and every history is checked for linearizability.
 *
 * <p>Book: Chapter 8, "Shared State in a Distributed System" (분산 시스템의 자원 공유).
 */
public final class Demo06RemoteCounter {

    private Demo06RemoteCounter() {
    }

    record Variant(String name, Strategy strategy, boolean dedup) {
    }

    /** How many of {@code seeds} runs of one variant ended with the exact count, lost updates, extra increments, a non-linearizable history. */
    record Tally(String name, int seeds, int exact, int lost, int extra, int notLinearizable) {
    }

    /** What the table showed, variant by variant, from its counts (over these seeds only, not a proof for all runs). */
    static String verdict(java.util.List<Tally> tallies) {
        StringBuilder s = new StringBuilder("\n");
        java.util.List<String> clean = tallies.stream().filter(t -> t.exact() == t.seeds() && t.notLinearizable() == 0)
                .map(Tally::name).toList();
        s.append(t("Exact count and a linearizable history in every seed run: ", "실행한 모든 시드에서 정확한 값과 선형적인 히스토리: "))
                .append(clean.isEmpty() ? t("no variant.", "해당 변형 없음.") : String.join(", ", clean) + ".").append('\n');
        appendGroup(s, t("Lost acknowledged increments:", "확인 응답을 받은 증가를 잃음:"), tallies, Tally::lost);
        appendGroup(s, t("Applied more increments than were invoked (a retried or duplicated request applied twice):",
                "호출한 것보다 많이 증가함 (재시도했거나 중복된 요청이 두 번 적용됨):"), tallies, Tally::extra);
        appendGroup(s, t("Not linearizable:", "선형적이지 않음:"), tallies, Tally::notLinearizable);
        s.append(t("These are the seeds run here: a clean row shows no bad run among them, not that none exists.\n",
                "여기서 실행한 시드만의 결과다: 깨끗한 행은 그중에 나쁜 실행이 없었다는 뜻이지, 나쁜 실행이 아예 없다는 뜻이 아니다.\n"));
        return s.toString();
    }

    private static void appendGroup(StringBuilder s, String title, java.util.List<Tally> tallies,
                                    java.util.function.ToIntFunction<Tally> count) {
        java.util.List<String> names = tallies.stream().filter(t -> count.applyAsInt(t) > 0)
                .map(x -> t(x.name() + " in " + count.applyAsInt(x) + " of " + x.seeds() + " seeds",
                        x.name() + " 시드 " + x.seeds() + "개 중 " + count.applyAsInt(x) + "개")).toList();
        s.append(title).append(' ').append(names.isEmpty() ? t("no variant.", "해당 변형 없음.") : String.join("; ", names) + ".").append('\n');
    }

    public static void main(String[] args) {
        DemoArgs a = DemoArgs.forDemo("remote-counter", "a counter behind a lossy network: lost updates, double increments, the fix",
                        "메시지를 잃는 네트워크 너머의 카운터: 갱신 손실, 이중 증가, 그리고 해결책")
                .intOption("seeds", 20, 1, 10_000, "seeds per variant (--quick: 10)", "변형마다 실행할 시드 수 (--quick: 10)").parse(args);
        PrintStream out = DemoSupport.stdout();
        int seeds = a.quick() ? 10 : a.intValue("seeds");
        Variant[] variants = {
            new Variant("read-then-write", Strategy.READ_THEN_WRITE, false),
            new Variant(t("increment, retried", "increment, 재시도"), Strategy.INCREMENT, false),
            new Variant(t("increment + request ids", "increment + 요청 ID"), Strategy.INCREMENT, true),
            new Variant(t("conditional write, no request ids", "조건부 쓰기, 요청 ID 없음"), Strategy.CONDITIONAL_WRITE, false),
            new Variant(t("conditional write + request ids", "조건부 쓰기 + 요청 ID"), Strategy.CONDITIONAL_WRITE, true),
        };
        DemoArgs.heading(out, t("3 clients x 10 increments, 20% loss, 5% duplication, 1-30 ms delay, 80 ms timeout; seeds 1.." + seeds,
                "클라이언트 3개 x 증가 10번, 손실 20%, 중복 5%, 지연 1-30 ms, 타임아웃 80 ms, 시드 1.." + seeds));
        // padded by terminal columns, not characters, so the Korean header and names line up with the figures
        out.println(String.join(" ", Columns.left(t("variant", "변형"), 34), Columns.right(t("exact count", "정확한 값"), 12),
                Columns.right(t("lost updates", "갱신 손실"), 14), Columns.right(t("extra increments", "추가 증가"), 16),
                Columns.right(t("not linearizable", "선형적이지 않음"), 18)));
        java.util.List<Tally> tallies = new java.util.ArrayList<>();
        for (Variant v : variants) {
            int exact = 0;
            int lost = 0;
            int extra = 0;
            int bad = 0;
            for (long seed = 1; seed <= seeds; seed++) {
                var o = new RemoteCounterScenario(v.strategy(), v.dedup(), 3, 10, 0.2, 0.05, seed).run();
                if (o.finalValue() == o.acknowledged() && o.unknown() == 0) {
                    exact++;
                }
                if (o.finalValue() < o.acknowledged()) {
                    lost++;
                }
                if (o.finalValue() > o.acknowledged() + o.unknown()) {
                    extra++;
                }
                if (!o.check().isOk()) {
                    bad++;
                }
            }
            out.printf("%s %9d/%-2d %11d/%-2d %13d/%-2d %15d/%-2d%n", Columns.left(v.name(), 34), exact, seeds, lost, seeds, extra, seeds, bad, seeds);
            tallies.add(new Tally(v.name(), seeds, exact, lost, extra, bad));
        }
        out.print(verdict(tallies));

        DemoArgs.heading(out, t("One run in detail: read-then-write, seed ", "실행 하나 자세히: read-then-write, 시드 ") + a.seed());
        var o = RemoteCounterScenario.of(Strategy.READ_THEN_WRITE, false, a.seed()).run();
        out.printf(t("acknowledged increments %d, unknown %d, final value %d%n", "확인 응답을 받은 증가 %d, 결과 모름 %d, 최종값 %d%n"),
                o.acknowledged(), o.unknown(), o.finalValue());
        out.print(o.check().render(8));
        var fixed = RemoteCounterScenario.of(Strategy.CONDITIONAL_WRITE, true, a.seed()).run();
        DemoArgs.heading(out, t("Same seed: conditional write with a version + request ids", "같은 시드: 버전을 비교하는 조건부 쓰기 + 요청 ID"));
        out.printf(t("acknowledged increments %d, unknown %d, final value %d, server writes %d%n",
                        "확인 응답을 받은 증가 %d, 결과 모름 %d, 최종값 %d, 서버 쓰기 %d%n"), fixed.acknowledged(), fixed.unknown(),
                fixed.finalValue(), fixed.serverWrites());
        out.println(fixed.finalValue() == fixed.acknowledged() && fixed.unknown() == 0
                ? t("the final value is exactly the number of acknowledged increments this time",
                        "이번에는 최종값이 확인 응답을 받은 증가 횟수와 정확히 같다")
                : t("the final value is NOT the number of acknowledged increments this time",
                        "이번에는 최종값이 확인 응답을 받은 증가 횟수와 같지 않다"));
        out.print(fixed.check().render(3));

        Trace trace = o.simulation().trace();
        trace.setPayloadFormat(CounterMessages.CODEC::describe);
        DemoSupport.write(a.out(), "read-then-write.history.edn", JepsenHistory.write(o.history()), out);
        Diagrams.write(a.out(), "read-then-write", t("Remote counter, read-then-write, seed ", "원격 카운터, read-then-write, 시드 ") + a.seed(), trace,
                e -> e.kind() != TraceEvent.Kind.TIMER_SET && e.kind() != TraceEvent.Kind.TIMER_CANCEL);
        DemoSupport.write(a.out(), "conditional-write.history.edn", JepsenHistory.write(fixed.history()), out);
        out.println(t("check any of these histories yourself: ./ch08 demo ch08-concurrency check-history <file> --model counter",
                "이 히스토리들은 직접 검사해 볼 수 있다: ./ch08 demo ch08-concurrency check-history <file> --model counter"));
    }
}
