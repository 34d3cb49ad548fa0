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
import java.util.Map;

/**
 * Demo 2 of FLP impossibility (FLP 불가능성 이론): the heart of the proof. Prints the valence of
 * every initial configuration (0-valent, 1-valent or bivalent), walks Lemma 2's chain of
 * configurations that differ in one input, and finds a critical configuration: a bivalent one in
 * which one delivery decides everything, all deciding steps taken by one process whose crash leaves
 * no decision reachable. The narration explains, from the computed steps, why a protocol that
 * tolerates one crash has no such configuration (the argument in the proof of FLP's Lemma 3).
 *
 * <p>Run: {@code ./ch08 demo flp bivalence}. Writes a Mermaid flowchart of the critical step.
 */
public final class Demo02Bivalence {

    public static void main(String[] args) throws IOException {
        DemoArgs a = DemoArgs.forDemo("flp-bivalence",
                "bivalent initial configurations, Lemma 2's chain and a critical step",
                "양가 초기 구성, 보조정리 2의 사슬, 임계 단계").parse(args);
        PrintStream out = System.out;
        out.println(t("A configuration's valence is the set of decision values still reachable from it:",
                "구성(configuration)의 valence는 그 구성에서 아직 도달할 수 있는 결정 값의 집합이다:"));
        out.println(t("0-valent or 1-valent (univalent) if only one, bivalent if both. FLP proves, for a protocol",
                "하나뿐이면 0-단가 또는 1-단가(단가, univalent), 둘 다면 양가(bivalent)다. FLP는 충돌 하나를 견디는"));
        out.println(t("that tolerates one crash: it has a bivalent initial configuration (Lemma 2); and (Lemma 3) for",
                "프로토콜에 대해 증명한다: 양가 초기 구성이 있다(보조정리 2); 그리고(보조정리 3) 양가 구성 C와 C에"));
        out.println(t("a bivalent configuration C and any step e applicable to C, some configuration reached by a",
                "적용할 수 있는 임의의 단계 e에 대해, e를 뺀 유한한 단계 열을 밟고 마지막에 e를 밟아 도달하는 구성 중"));
        out.println(t("finite sequence of steps without e, then e last, is bivalent: the adversary may put several",
                "하나는 양가다: 적대자는 e 앞에 여러 단계를 끼워 넣을 수 있다. 이를 영원히 되풀이하면 충돌이 없는데도"));
        out.println(t("steps before e. Repeating that forever gives a run with no crash in which nobody decides.",
                "아무도 결정하지 않는 실행이 나온다."));

        List<ConsensusProtocol> protocols = List.of(new WaitForAll(), new DecideOnNMinusOne(), new FirstProposalWins());
        DemoArgs.heading(out, t("Valence of every initial configuration (inputs p0 p1 p2)", "모든 초기 구성의 valence (입력 p0 p1 p2)"));
        // padded by terminal columns, not characters, so 입력: and 없음 keep the columns straight
        out.print(Columns.left(t("inputs:", "입력:"), 20));
        FlpAnalysis any = FlpAnalysis.of(protocols.get(0));
        for (String in : any.model().allInputs()) {
            out.printf(" %-9s", in);
        }
        out.println();
        for (ConsensusProtocol p : protocols) {
            FlpAnalysis analysis = FlpAnalysis.of(p);
            out.printf("%-20s", p.name());
            for (String in : analysis.model().allInputs()) {
                out.print(" " + Columns.left(short3(analysis.valence(analysis.model().initial(in))), 9));
            }
            out.println();
        }
        out.println(t("(0 / 1 = univalent, 0|1 = bivalent)", "(0 / 1 = 단가, 0|1 = 양가)"));
        for (ConsensusProtocol p : protocols) {
            if (!FlpAnalysis.of(p).analyse().agreement()) {
                out.println(t("(" + p.name() + " breaks agreement, so its 0|1 only says that both values get decided in some",
                        "(" + p.name() + "은(는) 일치성을 깨므로, 그 0|1은 어떤 실행에서 두 값이 모두 결정된다는 뜻일 뿐이다;"));
                out.println(t(" run; FLP's valence assumes a protocol that keeps agreement)",
                        " FLP의 valence는 일치성을 지키는 프로토콜을 가정한다)"));
            }
        }

        DemoArgs.heading(out, t("Lemma 2: flip one input at a time, 000 → 100 → 110 → 111",
                "보조정리 2: 입력을 하나씩 뒤집는다, 000 → 100 → 110 → 111"));
        Map<String, FlpAnalysis.Lemma2> walks = new java.util.LinkedHashMap<>();
        for (ConsensusProtocol p : protocols) {
            var l = FlpAnalysis.of(p).lemma2();
            walks.put(p.name(), l);
            out.printf(t("%-20s valences %s%n", "%-20s valence 목록 %s%n"), p.name(), l.valences().stream().map(Demo02Bivalence::short3).toList());
            if (l.pairIndex() >= 0) {
                out.printf(t("%-20s   %s and %s differ only in p%d's input; crash p%d before it sends anything:%n",
                                "%1$-20s   %2$s, %3$s: p%4$d의 입력만 다르다; p%5$d를 아무것도 보내기 전에 충돌시킨다:%n"), "",
                        l.chain().get(l.pairIndex()), l.chain().get(l.pairIndex() + 1), l.flippedProcess(), l.flippedProcess());
                out.printf(t("%-20s   from %s: %s, from %s: %s (the others cannot tell the two apart)%n",
                                "%-20s   %s에서: %s, %s에서: %s (나머지는 둘을 구별할 수 없다)%n"), "",
                        l.chain().get(l.pairIndex()), l.leftWithCrash(), l.chain().get(l.pairIndex() + 1), l.rightWithCrash());
            }
        }
        out.println();
        for (var e : walks.entrySet()) {
            var l = e.getValue();
            boolean noneBivalent = l.valences().stream().noneMatch(v -> v == Valence.BIVALENT);
            if (l.pairIndex() >= 0 && noneBivalent && l.leftWithCrash() == Valence.NONE && l.rightWithCrash() == Valence.NONE) {
                out.println(t(e.getKey() + ": no configuration of the chain is bivalent, and with the flipped process crashed",
                        e.getKey() + ": 사슬의 어떤 구성도 양가가 아니며, 뒤집은 입력의 프로세스가 충돌하면"));
                out.println(t("NO decision is reachable from either: the contradiction of Lemma 2 is avoided by giving up termination.",
                        "어느 쪽에서도 결정에 도달할 수 없다: 종료를 포기해서 보조정리 2의 모순을 피한다."));
            }
        }
        FlpAnalysis fpw = FlpAnalysis.of(new FirstProposalWins());
        if (fpw.valence(fpw.model().initial("110")) == Valence.BIVALENT) {
            out.println(t("FirstProposalWins: 110 is bivalent: which value wins depends only on the delivery order.",
                    "FirstProposalWins: 110은 양가다: 어느 값이 이기는지는 전달 순서에만 달렸다."));
        }

        var search = fpw.criticalStep("110");
        var critical = search.orElseThrow();
        DemoArgs.heading(out, t("A critical configuration of FirstProposalWins from inputs 110",
                "입력 110에서 출발한 FirstProposalWins의 임계 구성(critical configuration)"));
        out.println(t("  reached by: ", "  도달 경로: ") + String.join(" · ", critical.path()));
        out.println(t("  this configuration is bivalent; each possible next step leads to:",
                "  이 구성은 양가다; 가능한 다음 단계마다 이렇게 된다:"));
        for (Map.Entry<String, Valence> e : critical.steps().entrySet()) {
            out.printf("    %-28s → %s%n", e.getKey(), e.getValue());
        }
        var deciders = critical.decidingProcesses();
        if (deciders.size() == 1) {
            int p = deciders.first();
            String crash = "crash p" + p;
            Valence afterCrash = critical.steps().get(crash);
            long fixing = critical.steps().values().stream().filter(v -> v == Valence.ZERO || v == Valence.ONE).count();
            out.println(t("  Every step that fixes the outcome (to 0-valent or to 1-valent) is taken by p" + p + ";",
                    "  결과를 정하는(0-단가나 1-단가로 만드는) 단계는 모두 p" + p + "가 밟는다;"));
            out.println(t("  after '" + crash + "': " + (afterCrash == null ? "(no such step)" : afterCrash) + ".",
                    "  '" + crash + "' 뒤: " + (afterCrash == null ? "(그런 단계 없음)" : afterCrash) + "."));
            out.println(t("  The proof of Lemma 3 shows that a protocol that tolerates one crash has no such configuration:",
                    "  보조정리 3의 증명은 충돌 하나를 견디는 프로토콜에는 이런 구성이 없음을 보인다:"));
            out.println(t("  the others would have to decide in some run in which p" + p + " takes no step; each of the " + fixing
                    + " steps of p" + p, "  나머지는 p" + p + "가 아무 단계도 밟지 않는 어떤 실행에서 결정해야 한다; 결과를 정하는 p" + p + "의"));
            out.println(t("  that fix the outcome could still be taken after that run, so the value that run decides would",
                    "  단계 " + fixing + "개는 각각 그 실행 뒤에도 여전히 밟을 수 있으므로, 그 실행이 결정한 값은"));
            out.println(t("  be reachable from both the 0-valent and the 1-valent configuration.",
                    "  0-단가 구성과 1-단가 구성 양쪽에서 도달 가능해진다."));
            if (afterCrash == Valence.NONE) {
                out.println(t("  FirstProposalWins escapes only because nobody decides without p" + p + ": it does not tolerate that crash.",
                        "  FirstProposalWins가 빠져나가는 것은 p" + p + " 없이는 아무도 결정하지 않기 때문일 뿐이다: 그 충돌을 견디지 못한다."));
            }
        } else {
            out.println(t("  The steps that fix the outcome are taken by processes " + deciders
                    + "; steps of different processes commute, so in a protocol that keeps agreement they cannot",
                    "  결과를 정하는 단계를 프로세스 " + deciders
                    + "가 밟는다; 서로 다른 프로세스의 단계는 교환 가능하므로 일치성을 지키는 프로토콜에서는"));
            out.println(t("  lead to different valences: check the model.", "  서로 다른 valence로 이어질 수 없다: 모델을 확인하세요."));
        }
        out.println(t("  FLP's non-deciding run looks different: for a protocol that keeps agreement and claims to",
                "  FLP의 결정하지 않는 실행은 모습이 다르다: 일치성을 지키며 충돌을 견딘다고 주장하는 프로토콜에서"));
        out.println(t("  tolerate a crash, Lemma 3 lets the adversary apply each pending step late enough to stay",
                "  적대자는 보조정리 3에 따라 대기 중인 각 단계를 양가가 유지될 만큼 늦게 적용한다. 충돌 없이, 모든"));
        out.println(t("  bivalent, forever, with no crash and every message delivered; so the claim fails.",
                "  메시지를 전달하면서 영원히. 따라서 그 주장은 틀렸다."));

        DemoArgs.heading(out, t("Why the question needs agreement: DecideOnNMinusOne from inputs 011",
                "이 질문에 일치성이 필요한 이유: 입력 011에서의 DecideOnNMinusOne"));
        wrap(out, "  ", FlpAnalysis.of(new DecideOnNMinusOne()).criticalStep("011").explanation() + ".");

        Files.createDirectories(a.out());
        StringBuilder mm = new StringBuilder("flowchart LR\n");
        mm.append("    C[\"").append(t("inputs ", "입력 ")).append("110<br/>").append(String.join("<br/>", critical.path()))
                .append("<br/><b>").append(t("bivalent", "양가")).append("</b>\"]\n");
        int i = 0;
        for (Map.Entry<String, Valence> e : critical.steps().entrySet()) {
            mm.append("    C -- \"").append(e.getKey()).append("\" --> S").append(i).append("[\"").append(e.getValue()).append("\"]\n");
            i++;
        }
        Path file = a.out().resolve("critical-step.mmd");
        Files.writeString(file, mm.toString(), StandardCharsets.UTF_8);
        out.println();
        out.println(t("wrote ", "썼다: ") + file);
    }

    /** Prints {@code text} wrapped at 98 columns, each line starting with {@code indent}. */
    static void wrap(PrintStream out, String indent, String text) {
        StringBuilder line = new StringBuilder(indent);
        for (String word : text.split(" ")) {
            if (line.length() > indent.length() && line.length() + 1 + word.length() > 98) {
                out.println(line);
                line = new StringBuilder(indent);
            }
            if (line.length() > indent.length()) {
                line.append(' ');
            }
            line.append(word);
        }
        out.println(line);
    }

    private static String short3(Valence v) {
        return switch (v) {
            case ZERO -> "0";
            case ONE -> "1";
            case BIVALENT -> "0|1";
            case NONE -> t("none", "없음");
        };
    }
}
