package dev.dbinternals.ch08.twogenerals;

import dev.dbinternals.ch08.harness.lang.Columns;
import static dev.dbinternals.ch08.harness.lang.Lang.t;

import dev.dbinternals.ch08.harness.demo.DemoArgs;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Demo 1 of the Two Generals' Problem (두 장군 문제): for k = 0, 1, 2, 3 acknowledgement rounds,
 * explore every loss pattern and print the shortest run in which one general attacks alone;
 * then show the "safe" protocol that never attacks, and the reckless one that breaks validity.
 *
 * <p>Run: {@code ./ch08 demo two-generals attack-alone} (add {@code --quick} for k up to 2,
 * {@code --max-k N} for more rounds). Writes one Mermaid diagram per k under {@code --out}.
 */
public final class Demo01AttackAlone {

    public static void main(String[] args) throws IOException {
        DemoArgs a = DemoArgs.forDemo("two-generals-attack-alone",
                        "every loss pattern of k acknowledgement rounds, and the shortest lonely attack",
                        "확인 응답 k라운드의 모든 손실 패턴과, 한 장군만 공격하는 가장 짧은 실행")
                .intOption("max-k", 3, 0, TwoGeneralsModel.MAX_MESSENGERS - 1,
                        "largest number of acknowledgement rounds to explore (at most 2 with --quick)",
                        "탐색할 확인 응답 라운드 수의 최댓값 (--quick 이면 최대 2)")
                .parse(args);
        int maxK = a.intValue("max-k");
        if (a.quick()) {
            maxK = Math.min(maxK, 2);
        }
        PrintStream out = System.out;
        out.println(t("Two generals camp on either side of a valley. General A has a plan; messengers cross the",
                "두 장군이 골짜기 양쪽에 진을 쳤다. 계획은 장군 A가 갖고 있고, 전령이 골짜기를 건너는데 어느 전령이든"));
        out.println(t("valley and any of them may be captured. A attacks only if it heard every acknowledgement",
                "붙잡힐 수 있다. A는 기다리는 확인 응답(acknowledgement)을 모두 받았을 때만 공격하고, B도 마찬가지다."));
        out.println(t("it waits for; so does B. We explore EVERY loss pattern with the harness Explorer.",
                "하네스의 Explorer로 손실 패턴을 빠짐없이 모두 탐색한다."));

        DemoArgs.heading(out, t("AckRounds(k): A sends \"attack at dawn\", then k acknowledgements go back and forth",
                "AckRounds(k): A가 \"attack at dawn\"(새벽에 공격)을 보내고, 확인 응답 k개가 오간다"));
        out.printf("%-4s %s %s %s %s %s %s%n", "k", Columns.left(t("states", "상태"), 7), Columns.left(t("runs", "실행"), 8),
                Columns.left(t("both attack", "둘 다 공격"), 12), Columns.left(t("both retreat", "둘 다 후퇴"), 12),
                Columns.left(t("attacks alone", "혼자 공격"), 14), t("shortest counterexample", "가장 짧은 반례"));
        Files.createDirectories(a.out());
        StringBuilder md = new StringBuilder(t("# Two Generals: shortest lonely attack per k\n\n", "# 두 장군: k별로 한 장군만 공격하는 가장 짧은 실행\n\n"));
        String shown = "";
        boolean oneLonelyRunEach = true;
        for (int k = 0; k <= maxK; k++) {
            var protocol = new AckRounds(k);
            var model = new TwoGeneralsModel(protocol);
            var report = TwoGeneralsChecker.exhaustive(protocol);
            var outcomes = report.outcomesUnderAttack();
            long runs = outcomes.values().stream().mapToLong(o -> o.executions()).sum();
            var violation = report.agreementViolation().orElseThrow();
            Run run = Run.fromPath(model, Plan.ATTACK, violation.path());
            oneLonelyRunEach &= count(outcomes, "A attacks alone") + count(outcomes, "B attacks alone") == 1;
            out.printf("%-4d %-7d %-8d %-12d %-12d %-14s %s%n", k, report.attackRuns().stateCount(), runs,
                    count(outcomes, "both attack"), count(outcomes, "both retreat"),
                    violation.state().outcome().replace(" attacks alone", ""),
                    Words.summary(run).replace(" → " + Words.outcome(violation.state().outcome()), "") + "  ("
                            + t(violation.path().size() + (violation.path().size() == 1 ? " step)" : " steps)"),
                            violation.path().size() + "단계)"));
            String diagram = run.toMermaid("AckRounds(k=" + k + "): " + Words.outcome(violation.state().outcome()));
            Path file = a.out().resolve("counterexample-k" + k + ".mmd");
            Files.writeString(file, diagram, StandardCharsets.UTF_8);
            md.append("## k = ").append(k).append("\n\n```mermaid\n").append(diagram).append("```\n\n");
            if (k == Math.min(1, maxK)) {
                shown = diagram;
            }
        }
        out.println();
        out.println(t("The k = " + Math.min(1, maxK) + " counterexample as a Mermaid sequence diagram (captured messengers end in x):",
                "k = " + Math.min(1, maxK) + "의 반례를 Mermaid 시퀀스 다이어그램으로 (붙잡힌 전령은 x로 끝난다):"));
        shown.lines().forEach(l -> out.println("  | " + l));
        out.println();
        if (oneLonelyRunEach) {
            out.println(t("Every k explored has exactly ONE disagreeing run: the one that loses the last messenger of the",
                    "탐색한 모든 k에서 불일치하는 실행은 정확히 하나다. 사슬의 마지막 전령을 잃는 실행이다."));
            out.println(t("chain. Its sender heard everything it waits for and attacks; its receiver is still waiting.",
                    "그 전령을 보낸 쪽은 기다리던 것을 다 받았으니 공격하고, 받을 쪽은 아직 기다리고 있다."));
            out.println(t("One more round only moves the problem to the new last messenger (the shortest counterexample",
                    "라운드를 하나 늘려도 문제는 새 마지막 전령으로 옮겨 갈 뿐이다 (가장 짧은 반례가"));
            out.println(t("grows by one).", "한 단계 길어진다)."));
        } else {
            out.println(t("Some k has more than one disagreeing run (see the table): this is not the AckRounds we know.",
                    "불일치하는 실행이 둘 이상인 k가 있다 (표 참고). 우리가 아는 AckRounds가 아니다."));
        }

        DemoArgs.heading(out, t("The trade-off: each of these protocols gives up at least one property",
                "맞바꾸기: 아래 프로토콜은 저마다 속성을 하나 이상 포기한다"));
        out.printf("%s %s %s %s %s%n", Columns.left(t("protocol", "프로토콜"), 26), Columns.left(t("agreement", "일치성"), 10),
                Columns.left(t("validity", "유효성"), 10), Columns.left(t("non-triviality", "비자명성"), 15), t("why", "이유"));
        for (MessengerProtocol p : List.of(new AckRounds(2), new RedundantMessengers(3), new NeverAttack(), new AttackRegardless())) {
            var r = TwoGeneralsChecker.exhaustive(p);
            String why = !r.validity() ? t("plan RETREAT, yet " + r.validityViolation().get().state().outcome(),
                            "계획이 RETREAT인데 " + Words.outcome(r.validityViolation().get().state().outcome()))
                    : !r.agreement() ? t("in one run, " + r.agreementViolation().get().state().outcome(),
                            "어떤 실행에서 " + Words.outcome(r.agreementViolation().get().state().outcome()))
                    : !r.nonTrivial() ? t("nobody attacks even when every messenger arrives", "전령이 모두 도착해도 아무도 공격하지 않음") : "-";
            out.printf("%-26s %s %s %s %s%n", p.name(), Columns.left(yesNo(r.agreement()), 10), Columns.left(yesNo(r.validity()), 10),
                    Columns.left(yesNo(r.nonTrivial()), 15), why);
        }
        out.println();
        out.println(t("NeverAttack keeps agreement trivially and is useless. AttackRegardless has B attack whatever it",
                "NeverAttack은 일치성을 자명하게 지키지만 쓸모가 없다. AttackRegardless에서 B는 무엇을 받았든, 아무것도"));
        out.println(t("heard, even nothing: fine while the plan is ATTACK, but with plan RETREAT B attacks alone (validity,",
                "받지 못했어도 공격한다. 계획이 ATTACK이면 괜찮지만 RETREAT이면 B만 공격한다 (유효성이 깨지고"));
        out.println(t("and agreement with it, break). The table covers these four protocols only; that no finite",
                "일치성도 함께 깨진다). 표는 이 네 프로토콜만 다룬다. 손실이 있는 링크 위의 유한한 결정적 프로토콜 중"));
        out.println(t("deterministic protocol over a lossy link has all three is the last-message argument (demo 2).",
                "세 속성을 모두 갖는 것이 없다는 것은 마지막 메시지 논증(데모 2)이 보인다."));

        Path mdFile = a.out().resolve("counterexamples.md");
        Files.writeString(mdFile, md.toString(), StandardCharsets.UTF_8);
        out.println();
        out.println(t("wrote " + mdFile + " and " + (maxK + 1) + " .mmd diagrams in " + a.out(),
                "썼다: " + mdFile + ", 그리고 " + a.out() + " 에 .mmd 다이어그램 " + (maxK + 1) + "개"));
    }

    private static long count(java.util.Map<String, dev.dbinternals.ch08.harness.explore.Explorer.OutcomeCount> m, String key) {
        return m.containsKey(key) ? m.get(key).executions() : 0;
    }

    private static String yesNo(boolean holds) {
        return Words.holds(holds);
    }
}
