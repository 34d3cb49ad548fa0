package dev.dbinternals.ch08.flp;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

import dev.dbinternals.ch08.harness.lang.Columns;
import dev.dbinternals.ch08.harness.demo.DemoArgs;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Demo 1 of FLP impossibility (FLP 불가능성 이론): four small asynchronous consensus protocols
 * among 3 processes, every delivery order and at most one crash explored; each gives up one of
 * agreement, validity and termination, and the shortest run that shows it is printed. The
 * non-terminating runs found here contain a crash (the protocols wait for a dead process), which
 * is weaker than FLP, whose non-deciding run has no crash; the narration says so, computed from
 * the runs.
 *
 * <p>Run: {@code ./ch08 demo flp properties}. Writes a Markdown table under {@code --out}.
 */
public final class Demo01ConsensusProperties {

    public static void main(String[] args) throws IOException {
        DemoArgs a = DemoArgs.forDemo("flp-properties",
                "which consensus property each small asynchronous protocol gives up",
                "작은 비동기 합의 프로토콜이 저마다 어떤 합의 속성을 포기하는가").parse(args);
        PrintStream out = System.out;
        out.println(t("Three processes p0, p1, p2 each hold an input bit. Links are reliable but asynchronous: any",
                "세 프로세스 p0, p1, p2가 각자 입력 비트 하나를 가진다. 링크는 신뢰할 수 있지만 비동기다: 어떤"));
        out.println(t("message may be delivered at any later time, in any order. At most one process may crash.",
                "메시지든 나중의 아무 때에, 아무 순서로나 전달될 수 있다. 최대 한 프로세스가 충돌할 수 있다."));
        out.println(t("The Explorer tries every send, every delivery order and every crash point, from all 8 inputs.",
                "Explorer는 8가지 입력 모두에서 모든 전송, 모든 전달 순서, 모든 충돌 지점을 시도한다."));
        out.println();
        out.println(t("Consensus needs: agreement (no two decide differently), validity (a decided value is some",
                "합의(consensus)에는 세 가지가 필요하다: 일치성(agreement, 어떤 두 프로세스도 서로 다르게 결정하지 않는다),"));
        out.println(t("process's input) and termination (every CORRECT process eventually decides; a crashed one",
                "유효성(validity, 결정된 값은 어떤 프로세스의 입력이다), 종료(termination, 모든 정상 프로세스가 결국"));
        out.println(t("need not).",
                "결정한다; 충돌한 프로세스는 결정하지 않아도 된다)."));

        List<ConsensusProtocol> protocols = List.of(new WaitForAll(), new DecideOnNMinusOne(), new FirstProposalWins(), new FixedDefault());
        DemoArgs.heading(out, t("Every run of every protocol, n = 3, at most one crash", "모든 프로토콜의 모든 실행, n = 3, 충돌 최대 한 번"));
        // padded by terminal columns, not characters, so the Korean header and verdicts line up
        out.printf("%s %s %s %s %s %s%n", Columns.left(t("protocol", "프로토콜"), 20), Columns.left(t("states", "상태 수"), 8),
                Columns.left(t("agreement", "일치성"), 10), Columns.left(t("validity", "유효성"), 10), Columns.left(t("termination", "종료"), 12),
                t("bivalent initial configurations", "양가 초기 구성"));
        StringBuilder md = new StringBuilder(t("| protocol | states | agreement | validity | termination | bivalent initial configurations |\n",
                "| 프로토콜 | 상태 수 | 일치성 | 유효성 | 종료 | 양가 초기 구성 |\n") + "|---|---|---|---|---|---|\n");
        for (ConsensusProtocol p : protocols) {
            var r = FlpAnalysis.of(p).analyse();
            String row = String.format("%-20s %-8d %s %s %s %s", p.name(), r.states(), Columns.left(verdict(r.agreement()), 10),
                    Columns.left(verdict(r.validity()), 10), Columns.left(verdict(r.termination()), 12), r.bivalentInitialConfigurations());
            out.println(row);
            md.append("| ").append(p.name()).append(" | ").append(r.states()).append(" | ").append(verdict(r.agreement()))
                    .append(" | ").append(verdict(r.validity())).append(" | ").append(verdict(r.termination()))
                    .append(" | ").append(r.bivalentInitialConfigurations()).append(" |\n");
        }

        Files.createDirectories(a.out());
        List<Path> diagrams = new java.util.ArrayList<>();
        List<String> crashOnly = new java.util.ArrayList<>();
        int lostExactlyOne = 0;
        for (ConsensusProtocol p : protocols) {
            var analysis = FlpAnalysis.of(p);
            var r = analysis.analyse();
            if ((r.agreement() ? 0 : 1) + (r.validity() ? 0 : 1) + (r.termination() ? 0 : 1) == 1) {
                lostExactlyOne++;
            }
            DemoArgs.heading(out, t(p.name() + ": the shortest run that breaks it", p.name() + ": 이 프로토콜을 깨는 가장 짧은 실행"));
            Optional<FlpAnalysis.ConfigReport> agreement = r.configs().stream().filter(c -> c.agreementViolation().isPresent()).findFirst();
            Optional<FlpAnalysis.ConfigReport> validity = r.configs().stream().filter(c -> c.validityViolation().isPresent()).findFirst();
            Optional<FlpAnalysis.ConfigReport> stuck = r.configs().stream().filter(c -> c.nonTerminatingRun().isPresent()).findFirst();
            if (agreement.isPresent()) {
                var v = agreement.get().agreementViolation().get();
                diagrams.add(diagram(a.out(), analysis, agreement.get().inputs(), v.path(), p.name() + ": agreement broken",
                        p.name() + ": 일치성 위반"));
                out.println(t("  inputs ", "  입력 ") + agreement.get().inputs() + ": " + String.join(" · ", v.path()));
                out.println(t("  => decisions ", "  => 결정 ") + v.state().decisions() + ": " + ConsensusProperties.agreement(v.state().outcome()));
            }
            if (validity.isPresent()) {
                var v = validity.get().validityViolation().get();
                out.println(t("  inputs ", "  입력 ") + validity.get().inputs() + ": "
                        + (v.path().isEmpty() ? t("(no step at all)", "(단계가 하나도 없음)") : String.join(" · ", v.path())));
                out.println(t("  => decisions ", "  => 결정 ") + v.state().decisions() + ": " + ConsensusProperties.validity(v.state().outcome()));
            }
            if (stuck.isPresent()) {
                var c = stuck.get();
                diagrams.add(diagram(a.out(), analysis, c.inputs(), c.nonTerminatingRun().get(), p.name() + ": termination broken",
                        p.name() + ": 종료 위반"));
                out.println(t("  inputs ", "  입력 ") + c.inputs() + ": " + String.join(" · ", c.nonTerminatingRun().get()));
                out.println(t("  => no step is left, decisions " + c.nonTerminatingEnd().decisions() + " (x = crashed): ",
                        "  => 남은 단계가 없다, 결정 " + c.nonTerminatingEnd().decisions() + " (x = 충돌함): ")
                        + ConsensusProperties.termination(c.nonTerminatingEnd().outcome()));
                List<String> crashes = c.nonTerminatingRun().get().stream().filter(step -> step.startsWith("crash")).toList();
                boolean decidesWithoutCrashes = new FlpAnalysis(new ConsensusModel(p, 3, 0)).analyse().termination();
                if (!crashes.isEmpty()) {
                    out.println(t("     this run contains a crash (" + String.join(", ", crashes) + "): the others wait for a dead process,",
                            "     이 실행에는 충돌이 있다(" + String.join(", ", crashes) + "): 나머지는 죽은 프로세스를 기다리고,"));
                    out.println(t("     and in the asynchronous model they cannot tell it from a slow one.",
                            "     비동기 모델에서는 그것을 느린 프로세스와 구별할 수 없다."));
                }
                out.println(t("     with crashes switched off, every run of " + p.name()
                        + (decidesWithoutCrashes ? " decides (explored)." : " still has one that does not decide (explored)."),
                        "     충돌을 끄면 " + p.name()
                        + (decidesWithoutCrashes ? "의 모든 실행이 결정한다(탐색함)." : "에는 여전히 결정하지 않는 실행이 있다(탐색함).")));
                if (!crashes.isEmpty() && decidesWithoutCrashes) {
                    crashOnly.add(p.name());
                }
            }
            if (agreement.isEmpty() && validity.isEmpty() && stuck.isEmpty()) {
                out.println(t("  nothing breaks: this would contradict FLP. Check the model.",
                        "  아무것도 깨지지 않는다: FLP와 모순된다. 모델을 확인하세요."));
            }
        }
        out.println();
        if (lostExactlyOne == protocols.size()) {
            out.println(t("Each protocol keeps two properties and loses the third.",
                    "각 프로토콜은 두 속성을 지키고 세 번째를 잃는다."));
        } else {
            out.println(t(lostExactlyOne + " of " + protocols.size() + " protocols keep two properties and lose the third.",
                    "프로토콜 " + protocols.size() + "개 중 " + lostExactlyOne + "개가 두 속성을 지키고 세 번째를 잃는다."));
        }
        if (!crashOnly.isEmpty()) {
            out.println(t(String.join(" and ", crashOnly) + " lose termination only by waiting for a process that crashed:",
                    String.join(", ", crashOnly) + ": 충돌한 프로세스를 기다리느라 종료를 잃을 뿐이다."));
            out.println(t("that is weaker than FLP. FLP (1985) proves that no deterministic protocol keeps all three in an\n"
                    + "asynchronous system where one process may crash, and the run its proof builds, which never\n"
                    + "decides, has NO crash: every process keeps taking steps and every message is eventually\n"
                    + "delivered; the adversary only chooses the order and the delays. The possibility of a crash is\n"
                    + "what forbids a protocol from waiting for everyone; it is not an event of that run. Every run of\n"
                    + "these finite models ends, so they cannot show FLP's infinite run; demo 2 (bivalence) shows the\n"
                    + "lemmas its proof is built from.",
                    "이는 FLP보다 약한 결과다. FLP(1985)는 한 프로세스가 충돌할 수 있는 비동기 시스템에서 세 속성을\n"
                    + "모두 지키는 결정적(deterministic) 프로토콜은 없음을 증명한다. 그 증명이 만드는, 끝내 결정하지\n"
                    + "않는 실행에는 충돌이 전혀 없다: 모든 프로세스가 계속 단계를 밟고 모든 메시지가 결국 전달된다;\n"
                    + "적대자(adversary)는 순서와 지연만 고른다. 충돌할 수 있다는 가능성이 프로토콜로 하여금 모두를\n"
                    + "기다리지 못하게 할 뿐, 충돌이 그 실행의 사건인 것은 아니다. 이 유한 모델의 실행은 모두 끝나므로\n"
                    + "FLP의 무한 실행을 보여 줄 수 없다; 데모 2(bivalence)가 그 증명을 이루는 보조정리들을 보여 준다."));
        }
        Path file = a.out().resolve("consensus-properties.md");
        Files.writeString(file, md.toString(), StandardCharsets.UTF_8);
        out.println();
        out.println(t("wrote ", "썼다: ") + file);
        diagrams.forEach(d -> out.println(t("wrote ", "썼다: ") + d));
    }

    private static Path diagram(Path dir, FlpAnalysis analysis, String inputs, List<String> path, String title, String titleKo)
            throws IOException {
        // the file name comes from the English title in both languages
        String name = title.replaceAll("[^A-Za-z0-9]+", "-").toLowerCase(java.util.Locale.ROOT).replaceAll("-$", "") + ".mmd";
        Path file = dir.resolve(name);
        Files.writeString(file, RunDiagram.mermaid(analysis.model(), analysis.model().initial(inputs), path,
                t(title + " (inputs " + inputs + ")", titleKo + " (입력 " + inputs + ")")), StandardCharsets.UTF_8);
        return file;
    }

    private static String verdict(boolean holds) {
        return holds ? t("holds", "성립") : t("VIOLATED", "위반");
    }
}
