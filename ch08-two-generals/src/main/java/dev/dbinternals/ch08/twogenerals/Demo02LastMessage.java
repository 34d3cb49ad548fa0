package dev.dbinternals.ch08.twogenerals;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

import dev.dbinternals.ch08.harness.demo.DemoArgs;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Demo 2 of the Two Generals' Problem (두 장군 문제): the impossibility proof's "last message"
 * argument, run on several protocols. Start from the run where every messenger arrives, capture
 * the last one that arrived, and watch which property breaks. The sender's view never changes.
 *
 * <p>Run: {@code ./ch08 demo two-generals last-message}. Writes the witness runs as Mermaid.
 */
public final class Demo02LastMessage {

    public static void main(String[] args) throws IOException {
        DemoArgs a = DemoArgs.forDemo("two-generals-last-message",
                "the proof's last-message argument, executed on several protocols",
                "불가능성 증명의 마지막 메시지 논증을 여러 프로토콜에서 실행한다").parse(args);
        PrintStream out = System.out;
        out.println(t("Suppose some protocol let both generals attack, and only together. Take the run in which",
                "어떤 프로토콜이 두 장군을 공격하게 하되 반드시 함께 공격하게 한다고 하자. 전령이 모두 도착하는"));
        out.println(t("every messenger arrives. Now capture the LAST messenger that arrived: its sender heard",
                "실행에서 시작한다. 이제 마지막으로 도착한 전령을 붙잡는다. 그 전령을 보낸 쪽은 보낸 뒤로 아무것도"));
        out.println(t("nothing after sending it, so its view, and its decision, are unchanged. Repeat.",
                "받지 않았으므로, 그가 보는 것도 그의 결정도 바뀌지 않는다. 이것을 되풀이한다."));
        Files.createDirectories(a.out());
        StringBuilder md = new StringBuilder(t("# The last-message argument: witnesses\n\n", "# 마지막 메시지 논증: 증거 실행\n\n"));
        List<MessengerProtocol> protocols = a.quick()
                ? List.of(new AckRounds(2), new RedundantMessengers(2), new AttackRegardless(), new NeverAttack())
                : List.of(new AckRounds(1), new AckRounds(3), new RedundantMessengers(3), new AttackRegardless(), new NeverAttack());
        for (MessengerProtocol p : protocols) {
            DemoArgs.heading(out, t(p.name(), "프로토콜 " + p.name()));
            var verdict = new LastMessageArgument(p).verdict();
            for (var link : verdict.chain()) {
                out.printf(t("  run with %d arrival(s): %s%n", "  %d개 도착한 실행: %s%n"), link.run().deliveredCount(),
                        Words.summary(link.run()));
                if (link.removedNext() != null) {
                    Messenger m = link.removedNext();
                    out.printf(t("      capture %s: sender %s's view %s, it still %s%n",
                                    "      %s 전령을 붙잡는다: 보낸 쪽 %s가 보는 것은 %s, 여전히 %s%n"), m,
                            m.from(), link.senderViewUnchanged() ? t("is unchanged", "그대로이고") : t("CHANGED", "바뀌었고(!)"),
                            link.run().end().decision(m.from()) == Decision.ATTACK ? t("attacks", "공격한다") : t("retreats", "후퇴한다"));
                }
            }
            out.println("  => " + t(verdict.broken() + " broken: ", Words.property(verdict.broken()) + " 깨짐: ")
                    + Words.explanation(verdict));
            String diagram = verdict.witness().toMermaid(p.name() + ": " + t(verdict.broken() + " broken",
                    Words.property(verdict.broken()) + " 깨짐"));
            md.append("## ").append(p.name()).append(" — ").append(t(verdict.broken().toString(), Words.property(verdict.broken())))
                    .append("\n\n```mermaid\n")
                    .append(diagram).append("```\n\n");
        }
        out.println();
        out.println(t("For each protocol above the walk ended in a broken property: agreement (someone attacks",
                "위의 모든 프로토콜에서 이 걸음은 깨진 속성에서 끝났다. 일치성(agreement: 한 장군만 공격),"));
        out.println(t("alone), validity (B attacks on a plan it never heard), or non-triviality (nobody attacks).",
                "유효성(validity: B가 듣지도 못한 계획으로 공격), 비자명성(non-triviality: 아무도 공격하지 않음) 중 하나다."));
        out.println(t("The argument itself is the proof that it must, for every finite deterministic protocol: the",
                "모든 유한한 결정적 프로토콜에서 반드시 그렇게 된다는 것은 논증 자체가 증명한다. 손실 없는 실행은"));
        out.println(t("no-loss run is finite, and each removal leaves the sender's view, and decision, unchanged.",
                "유한하고, 전령을 하나 뺄 때마다 보낸 쪽이 보는 것과 그 결정은 바뀌지 않는다."));
        out.println(t("It walks at most one run per number of arrivals (messengers + 1), plus plan RETREAT's run if",
                "도착한 전령 수마다 실행을 최대 하나씩(전령 수 + 1개) 걷고, 도착 0개까지 가면 계획 RETREAT의 실행을"));
        out.println(t("it gets to zero arrivals, where the exhaustive search visits every loss pattern.",
                "하나 더 본다. 반면 전수 탐색은 손실 패턴을 모두 방문한다."));
        Path file = a.out().resolve("last-message-witnesses.md");
        Files.writeString(file, md.toString(), StandardCharsets.UTF_8);
        out.println();
        out.println(t("wrote " + file, "썼다: " + file));
    }
}
