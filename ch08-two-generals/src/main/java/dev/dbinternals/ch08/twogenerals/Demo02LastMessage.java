package dev.dbinternals.ch08.twogenerals;

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
                "the proof's last-message argument, executed on several protocols").parse(args);
        PrintStream out = System.out;
        out.println("Suppose some protocol let both generals attack, and only together. Take the run in which");
        out.println("every messenger arrives. Now capture the LAST messenger that arrived: its sender heard");
        out.println("nothing after sending it, so its view, and its decision, are unchanged. Repeat.");
        Files.createDirectories(a.out());
        StringBuilder md = new StringBuilder("# The last-message argument: witnesses\n\n");
        List<MessengerProtocol> protocols = a.quick()
                ? List.of(new AckRounds(2), new RedundantMessengers(2), new AttackRegardless(), new NeverAttack())
                : List.of(new AckRounds(1), new AckRounds(3), new RedundantMessengers(3), new AttackRegardless(), new NeverAttack());
        for (MessengerProtocol p : protocols) {
            DemoArgs.heading(out, p.name());
            var verdict = new LastMessageArgument(p).verdict();
            for (var link : verdict.chain()) {
                out.printf("  run with %d arrival(s): %s%n", link.run().deliveredCount(), link.run().summary());
                if (link.removedNext() != null) {
                    Messenger m = link.removedNext();
                    out.printf("      capture %s: sender %s's view %s, it still %s%n", m,
                            m.from(), link.senderViewUnchanged() ? "is unchanged" : "CHANGED",
                            link.run().end().decision(m.from()) == Decision.ATTACK ? "attacks" : "retreats");
                }
            }
            out.println("  => " + verdict.broken() + " broken: " + verdict.explanation());
            String diagram = verdict.witness().toMermaid(p.name() + ": " + verdict.broken() + " broken");
            md.append("## ").append(p.name()).append(" — ").append(verdict.broken()).append("\n\n```mermaid\n")
                    .append(diagram).append("```\n\n");
        }
        out.println();
        out.println("For each protocol above the walk ended in a broken property: agreement (someone attacks");
        out.println("alone), validity (B attacks on a plan it never heard), or non-triviality (nobody attacks).");
        out.println("The argument itself is the proof that it must, for every finite deterministic protocol: the");
        out.println("no-loss run is finite, and each removal leaves the sender's view, and decision, unchanged.");
        out.println("It walks at most one run per number of arrivals (messengers + 1), plus plan RETREAT's run if");
        out.println("it gets to zero arrivals, where the exhaustive search visits every loss pattern.");
        Path file = a.out().resolve("last-message-witnesses.md");
        Files.writeString(file, md.toString(), StandardCharsets.UTF_8);
        out.println();
        out.println("wrote " + file);
    }
}
