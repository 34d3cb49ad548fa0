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
                "bivalent initial configurations, Lemma 2's chain and a critical step").parse(args);
        PrintStream out = System.out;
        out.println("A configuration's valence is the set of decision values still reachable from it:");
        out.println("0-valent or 1-valent (univalent) if only one, bivalent if both. FLP proves, for a protocol");
        out.println("that tolerates one crash: it has a bivalent initial configuration (Lemma 2); and (Lemma 3) for");
        out.println("a bivalent configuration C and any step e applicable to C, some configuration reached by a");
        out.println("finite sequence of steps without e, then e last, is bivalent: the adversary may put several");
        out.println("steps before e. Repeating that forever gives a run with no crash in which nobody decides.");

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
        for (ConsensusProtocol p : protocols) {
            if (!FlpAnalysis.of(p).analyse().agreement()) {
                out.println("(" + p.name() + " breaks agreement, so its 0|1 only says that both values get decided in some");
                out.println(" run; FLP's valence assumes a protocol that keeps agreement)");
            }
        }

        DemoArgs.heading(out, "Lemma 2: flip one input at a time, 000 → 100 → 110 → 111");
        Map<String, FlpAnalysis.Lemma2> walks = new java.util.LinkedHashMap<>();
        for (ConsensusProtocol p : protocols) {
            var l = FlpAnalysis.of(p).lemma2();
            walks.put(p.name(), l);
            out.printf("%-20s valences %s%n", p.name(), l.valences().stream().map(Demo02Bivalence::short3).toList());
            if (l.pairIndex() >= 0) {
                out.printf("%-20s   %s and %s differ only in p%d's input; crash p%d before it sends anything:%n", "",
                        l.chain().get(l.pairIndex()), l.chain().get(l.pairIndex() + 1), l.flippedProcess(), l.flippedProcess());
                out.printf("%-20s   from %s: %s, from %s: %s (the others cannot tell the two apart)%n", "",
                        l.chain().get(l.pairIndex()), l.leftWithCrash(), l.chain().get(l.pairIndex() + 1), l.rightWithCrash());
            }
        }
        out.println();
        for (var e : walks.entrySet()) {
            var l = e.getValue();
            boolean noneBivalent = l.valences().stream().noneMatch(v -> v == Valence.BIVALENT);
            if (l.pairIndex() >= 0 && noneBivalent && l.leftWithCrash() == Valence.NONE && l.rightWithCrash() == Valence.NONE) {
                out.println(e.getKey() + ": no configuration of the chain is bivalent, and with the flipped process crashed");
                out.println("NO decision is reachable from either: the contradiction of Lemma 2 is avoided by giving up termination.");
            }
        }
        FlpAnalysis fpw = FlpAnalysis.of(new FirstProposalWins());
        if (fpw.valence(fpw.model().initial("110")) == Valence.BIVALENT) {
            out.println("FirstProposalWins: 110 is bivalent: which value wins depends only on the delivery order.");
        }

        var search = fpw.criticalStep("110");
        var critical = search.orElseThrow();
        DemoArgs.heading(out, "A critical configuration of FirstProposalWins from inputs 110");
        out.println("  reached by: " + String.join(" · ", critical.path()));
        out.println("  this configuration is bivalent; each possible next step leads to:");
        for (Map.Entry<String, Valence> e : critical.steps().entrySet()) {
            out.printf("    %-28s → %s%n", e.getKey(), e.getValue());
        }
        var deciders = critical.decidingProcesses();
        if (deciders.size() == 1) {
            int p = deciders.first();
            String crash = "crash p" + p;
            Valence afterCrash = critical.steps().get(crash);
            out.println("  Every step that fixes the outcome (to 0-valent or to 1-valent) is taken by p" + p + ";");
            out.println("  after '" + crash + "': " + (afterCrash == null ? "(no such step)" : afterCrash) + ".");
            long fixing = critical.steps().values().stream().filter(v -> v == Valence.ZERO || v == Valence.ONE).count();
            out.println("  The proof of Lemma 3 shows that a protocol that tolerates one crash has no such configuration:");
            out.println("  the others would have to decide in some run in which p" + p + " takes no step; each of the " + fixing
                    + " steps of p" + p);
            out.println("  that fix the outcome could still be taken after that run, so the value that run decides would");
            out.println("  be reachable from both the 0-valent and the 1-valent configuration.");
            if (afterCrash == Valence.NONE) {
                out.println("  FirstProposalWins escapes only because nobody decides without p" + p + ": it does not tolerate that crash.");
            }
        } else {
            out.println("  The steps that fix the outcome are taken by processes " + deciders
                    + "; steps of different processes commute, so in a protocol that keeps agreement they cannot");
            out.println("  lead to different valences: check the model.");
        }
        out.println("  FLP's non-deciding run looks different: for a protocol that keeps agreement and claims to");
        out.println("  tolerate a crash, Lemma 3 lets the adversary apply each pending step late enough to stay");
        out.println("  bivalent, forever, with no crash and every message delivered; so the claim fails.");

        DemoArgs.heading(out, "Why the question needs agreement: DecideOnNMinusOne from inputs 011");
        wrap(out, "  ", FlpAnalysis.of(new DecideOnNMinusOne()).criticalStep("011").explanation() + ".");

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
            case NONE -> "none";
        };
    }
}
