package dev.dbinternals.ch08.failuremodels.demo;

import dev.dbinternals.ch08.failuremodels.arbitrary.ByzantineRun;
import dev.dbinternals.ch08.failuremodels.arbitrary.ByzantineRun.Outcome;
import dev.dbinternals.ch08.failuremodels.arbitrary.ReadClient.Strategy;
import dev.dbinternals.ch08.failuremodels.arbitrary.Replica.Behavior;
import dev.dbinternals.ch08.harness.demo.DemoArgs;
import dev.dbinternals.ch08.harness.demo.Diagrams;
import dev.dbinternals.ch08.harness.sim.Trace;
import dev.dbinternals.ch08.harness.sim.TraceEvent.Kind;
import java.util.ArrayList;
import java.util.List;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

/**
 * Demo 9: replicas that answer wrongly (a bug, version skew, malice), a client that trusts the
 * first answer, and one that waits for {@code f + 1} matching answers.
 *
 * <p>Book: Chapter 8, "Arbitrary Faults" (임의의 장애). Run:
 * {@code ./ch08 demo ch08-failure-models arbitrary-faults [--quick]}
 */
public final class Demo09ArbitraryFaults {

    private Demo09ArbitraryFaults() {
    }

    record Setup(String title, List<Behavior> replicas, int f) {
        Setup(String en, String ko, List<Behavior> replicas, int f) {
            this(t(en, ko), replicas, f);
        }
    }

    public static void main(String[] argv) {
        DemoArgs args = DemoArgs.forDemo("arbitrary-faults", "trusting one reply vs voting over 2f+1 replicas",
                "응답 하나를 믿기 대 복제본 2f+1개에 걸친 투표").parse(argv);
        int queries = args.quick() ? 100 : 400;
        DemoArgs.heading(System.out, t(queries + " queries; correct answer x*x+7; faulty replicas answer first (1 ms links, correct ones 2..8 ms)",
                "질의 " + queries + "개, 정답은 x*x+7. 장애 복제본이 먼저 답한다(링크 1 ms, 올바른 복제본은 2..8 ms)"));
        List<Setup> setups = List.of(
                new Setup("3 replicas, 1 with a bug (wrong for every third x)", "복제본 3개, 1개에 버그(x 세 개 중 하나에서 틀림)",
                        List.of(Behavior.BUG, Behavior.CORRECT, Behavior.CORRECT), 1),
                new Setup("3 replicas, 1 on the old version (x*x)", "복제본 3개, 1개가 옛 버전(x*x)",
                        List.of(Behavior.VERSION_SKEW, Behavior.CORRECT, Behavior.CORRECT), 1),
                new Setup("3 replicas, 1 malicious", "복제본 3개, 1개가 악의적",
                        List.of(Behavior.MALICIOUS, Behavior.CORRECT, Behavior.CORRECT), 1),
                new Setup("3 replicas, 1 silent (crashed)", "복제본 3개, 1개가 침묵(충돌)",
                        List.of(Behavior.SILENT, Behavior.CORRECT, Behavior.CORRECT), 1),
                new Setup("5 replicas, 2 malicious and colluding", "복제본 5개, 2개가 악의적이고 공모",
                        List.of(Behavior.MALICIOUS, Behavior.MALICIOUS, Behavior.CORRECT, Behavior.CORRECT, Behavior.CORRECT), 2),
                new Setup("3 replicas, 2 colluding: more than f = 1", "복제본 3개, 2개가 공모: f = 1보다 많다",
                        List.of(Behavior.MALICIOUS, Behavior.MALICIOUS, Behavior.CORRECT), 1));
        List<Outcome> outcomes = new ArrayList<>();
        for (Setup s : setups) {
            System.out.println();
            System.out.println(s.title() + ":");
            for (Strategy st : Strategy.values()) {
                Outcome o = ByzantineRun.run(s.replicas(), st, s.f(), queries, args.seed());
                outcomes.add(o);
                System.out.println("  " + o);
            }
        }
        Outcome picture = ByzantineRun.run(List.of(Behavior.MALICIOUS, Behavior.CORRECT, Behavior.CORRECT), Strategy.VOTE, 1, 2, args.seed());
        Diagrams.write(args.out(), "vote", t("Voting over 3 replicas, R1 malicious", "복제본 3개에 걸친 투표, R1은 악의적"), picture.sim().trace(),
                Trace.byKind(Kind.SEND, Kind.DELIVER));
        System.out.println();
        narration(outcomes).forEach(System.out::println);
    }

    /** At most {@code f} of the replicas misbehave (any behaviour but CORRECT). */
    static boolean withinF(Outcome o) {
        return o.replicas().stream().filter(b -> b != Behavior.CORRECT).count() <= o.f();
    }

    /** The closing lines, computed from every setup's outcomes. */
    static List<String> narration(List<Outcome> outcomes) {
        List<String> lines = new ArrayList<>();
        int queries = 0;
        int trustWrong = 0;
        int voteWrongWithinF = 0;
        int voteUndecidedWithinF = 0;
        int voteWrongBeyondF = 0;
        int beyondFQueries = 0;
        double trustMin = Double.MAX_VALUE;
        double trustMax = 0;
        double voteMin = Double.MAX_VALUE;
        double voteMax = 0;
        for (Outcome o : outcomes) {
            int n = o.correct() + o.wrong() + o.undecided();
            queries = Math.max(queries, n);
            if (o.strategy() == Strategy.TRUST_FIRST) {
                trustWrong = Math.max(trustWrong, o.wrong());
                if (withinF(o) && !Double.isNaN(o.meanLatencyMillis())) {
                    trustMin = Math.min(trustMin, o.meanLatencyMillis());
                    trustMax = Math.max(trustMax, o.meanLatencyMillis());
                }
            } else if (withinF(o)) {
                voteWrongWithinF += o.wrong();
                voteUndecidedWithinF += o.undecided();
                if (!Double.isNaN(o.meanLatencyMillis())) {
                    voteMin = Math.min(voteMin, o.meanLatencyMillis());
                    voteMax = Math.max(voteMax, o.meanLatencyMillis());
                }
            } else {
                voteWrongBeyondF += o.wrong();
                beyondFQueries += n;
            }
        }
        lines.add(String.format(t("Trusting the first reply is only as good as the fastest replica: here it was wrong on up to %d",
                "첫 응답을 믿는 방식은 가장 빠른 복제본만큼만 좋다: 여기서는 최대 %d개를 틀렸다"),
                trustWrong));
        lines.add(String.format(t("of %d queries. Waiting for f + 1 replicas that agree %s, with at most",
                "(질의 %d개 중). 일치하는 복제본 f + 1개를 기다리는 방식은 %s. 장애 복제본이 많아야"), queries,
                voteWrongWithinF == 0 && voteUndecidedWithinF == 0 ? t("was right on every query", "모든 질의에서 맞았다")
                        : String.format(t("was wrong %d times and undecided %d times", "%d번 틀리고 %d번 결정하지 못했다"),
                                voteWrongWithinF, voteUndecidedWithinF)));
        lines.add(t("f faulty replicas, whatever they did (wrong, old, lying, silent). That masking holds only as long",
                "f개라면 그것들이 무엇을 했든(틀림, 옛 버전, 거짓말, 침묵) 그렇다. 이렇게 가리는 것(masking)은 올바른 복제본끼리"));
        lines.add(t("as the correct replicas agree with each other: here they compute a deterministic function of the",
                "서로 일치하는 동안에만 성립한다: 여기서는 올바른 복제본들이 같은 입력에 대해 결정적 함수를 계산한다."));
        lines.add(t("same input. The price is the wait for f + 1 matching replies, at most the (f+1)-th fastest",
                "대가는 일치하는 응답 f + 1개를 기다리는 시간으로, 많아야 올바른 복제본 중 (f+1)번째로 빠른 것의"));
        lines.add(String.format(t("correct one: a mean of %.1f to %.1f ms, against %.1f to %.1f ms for trusting the first.",
                "시간이다: 평균 %.1f~%.1f ms, 첫 응답을 믿을 때는 %.1f~%.1f ms."),
                voteMin, voteMax, trustMin, trustMax));
        if (beyondFQueries > 0) {
            lines.add(voteWrongBeyondF > 0
                    ? String.format(t("With more than f colluding liars the vote itself was fooled on %d of %d queries.",
                            "공모하는 거짓말쟁이가 f개보다 많으면 투표 자체가 속았다: 질의 %2$d개 중 %1$d개."),
                            voteWrongBeyondF, beyondFQueries)
                    : t("With more than f colluding liars the vote can be fooled, though it was not in this run.",
                            "공모하는 거짓말쟁이가 f개보다 많으면 투표도 속을 수 있다(이번 실행에서는 속지 않았다)."));
        }
        lines.add(t("Getting replicas to agree in the first place (Byzantine agreement) with unsigned messages needs",
                "애초에 복제본들이 일치하게 만드는 일(비잔틴 일치, Byzantine agreement)은 서명 없는 메시지로는"));
        lines.add(t("3f + 1 processes, not 2f + 1 (Lamport, Shostak and Pease 1982); demo 10 enumerates its smallest case.",
                "2f + 1개가 아니라 3f + 1개의 프로세스가 필요하다(Lamport, Shostak, Pease 1982). 데모 10이 가장 작은 경우를 열거한다."));
        return lines;
    }
}
