package dev.dbinternals.ch08.flp;

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
 * configurations that differ in one input, and finds a critical step: a bivalent configuration in
 * which one delivery decides everything, then crashes the process that would take it.
 *
 * <p>Run: {@code ./ch08 demo flp bivalence}. Writes a Mermaid flowchart of the critical step.
 */
public final class Demo02Bivalence {

    public static void main(String[] args) throws IOException {
        DemoArgs a = DemoArgs.forDemo("flp-bivalence",
                "bivalent initial configurations, Lemma 2's chain and a critical step").parse(args);
        PrintStream out = System.out;
        out.println("A configuration's valence is the set of decision values still reachable from it:");
        out.println("0-valent or 1-valent (univalent) if only one, bivalent if both. FLP proves (Lemma 2) that a");
        out.println("protocol tolerating one crash must have a bivalent initial configuration, and (Lemma 3) that");
        out.println("the adversary can always find a next step that keeps the configuration bivalent.");

        List<ConsensusProtocol> protocols = List.of(new WaitForAll(), new DecideOnNMinusOne(), new FirstProposalWins());
        DemoArgs.heading(out, "Valence of every initial configuration (inputs p0 p1 p2)");
        out.printf("%-20s", "inputs:");
        FlpAnalysis any = FlpAnalysis.of(protocols.get(0));
        for (String in : any.model().allInputs()) {
            out.printf(" %-9s", in);
        }
        out.println();
        for (ConsensusProtocol p : protocols) {
            FlpAnalysis analysis = FlpAnalysis.of(p);
            out.printf("%-20s", p.name());
            for (String in : analysis.model().allInputs()) {
                out.printf(" %-9s", short3(analysis.valence(analysis.model().initial(in))));
            }
            out.println();
        }
        out.println("(0 / 1 = univalent, 0|1 = bivalent)");

        DemoArgs.heading(out, "Lemma 2: flip one input at a time, 000 → 100 → 110 → 111");
        for (ConsensusProtocol p : protocols) {
            var l = FlpAnalysis.of(p).lemma2();
            out.printf("%-20s valences %s%n", p.name(), l.valences().stream().map(Demo02Bivalence::short3).toList());
            if (l.pairIndex() >= 0) {
                out.printf("%-20s   %s and %s differ only in p%d's input; crash p%d before it sends anything:%n", "",
                        l.chain().get(l.pairIndex()), l.chain().get(l.pairIndex() + 1), l.flippedProcess(), l.flippedProcess());
                out.printf("%-20s   from %s: %s, from %s: %s (the others cannot tell the two apart)%n", "",
                        l.chain().get(l.pairIndex()), l.leftWithCrash(), l.chain().get(l.pairIndex() + 1), l.rightWithCrash());
            }
        }
        out.println();
        out.println("WaitForAll: the decision is fixed by the inputs, no initial configuration is bivalent, and");
        out.println("once the flipped process crashes NO decision is reachable: termination is what it gives up.");
        out.println("FirstProposalWins: 110 is bivalent: who wins depends only on the network's delivery order.");

        FlpAnalysis fpw = FlpAnalysis.of(new FirstProposalWins());
        var critical = fpw.criticalStep("110").orElseThrow();
        DemoArgs.heading(out, "A critical step of FirstProposalWins from inputs 110");
        out.println("  reached by: " + String.join(" · ", critical.path()));
        out.println("  this configuration is bivalent; each possible next step leads to:");
        for (Map.Entry<String, Valence> e : critical.steps().entrySet()) {
            out.printf("    %-28s → %s%n", e.getKey(), e.getValue());
        }
        out.println("  One delivery to p0 fixes the outcome. Both deciding steps are taken by p0; if p0 crashes");
        out.println("  instead, nobody ever decides. FLP's adversary always has such a move: delay the deciding");
        out.println("  step, or crash the process that would take it; a correct protocol cannot tell which happened.");

        Files.createDirectories(a.out());
        StringBuilder mm = new StringBuilder("flowchart LR\n");
        mm.append("    C[\"inputs 110<br/>").append(String.join("<br/>", critical.path())).append("<br/><b>bivalent</b>\"]\n");
        int i = 0;
        for (Map.Entry<String, Valence> e : critical.steps().entrySet()) {
            mm.append("    C -- \"").append(e.getKey()).append("\" --> S").append(i).append("[\"").append(e.getValue()).append("\"]\n");
            i++;
        }
        Path file = a.out().resolve("critical-step.mmd");
        Files.writeString(file, mm.toString(), StandardCharsets.UTF_8);
        out.println();
        out.println("wrote " + file);
    }

    private static String short3(Valence v) {
        return switch (v) {
            case ZERO -> "0";
            case ONE -> "1";
            case BIVALENT -> "0|1";
            case NONE -> "none";
        };
    }
}
