package dev.dbinternals.ch08.flp;

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
                "which consensus property each small asynchronous protocol gives up").parse(args);
        PrintStream out = System.out;
        out.println("Three processes p0, p1, p2 each hold an input bit. Links are reliable but asynchronous: any");
        out.println("message may be delivered at any later time, in any order. At most one process may crash.");
        out.println("The Explorer tries every send, every delivery order and every crash point, from all 8 inputs.");
        out.println();
        out.println("Consensus needs: agreement (no two decide differently), validity (a decided value is some");
        out.println("process's input) and termination (every CORRECT process eventually decides; a crashed one");
        out.println("need not).");

        List<ConsensusProtocol> protocols = List.of(new WaitForAll(), new DecideOnNMinusOne(), new FirstProposalWins(), new FixedDefault());
        DemoArgs.heading(out, "Every run of every protocol, n = 3, at most one crash");
        out.printf("%-20s %-8s %-10s %-10s %-12s %s%n", "protocol", "states", "agreement", "validity", "termination", "bivalent initial configurations");
        StringBuilder md = new StringBuilder("| protocol | states | agreement | validity | termination | bivalent initial configurations |\n|---|---|---|---|---|---|\n");
        for (ConsensusProtocol p : protocols) {
            var r = FlpAnalysis.of(p).analyse();
            String row = String.format("%-20s %-8d %-10s %-10s %-12s %s", p.name(), r.states(), verdict(r.agreement()),
                    verdict(r.validity()), verdict(r.termination()), r.bivalentInitialConfigurations());
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
            DemoArgs.heading(out, p.name() + ": the shortest run that breaks it");
            Optional<FlpAnalysis.ConfigReport> agreement = r.configs().stream().filter(c -> c.agreementViolation().isPresent()).findFirst();
            Optional<FlpAnalysis.ConfigReport> validity = r.configs().stream().filter(c -> c.validityViolation().isPresent()).findFirst();
            Optional<FlpAnalysis.ConfigReport> stuck = r.configs().stream().filter(c -> c.nonTerminatingRun().isPresent()).findFirst();
            if (agreement.isPresent()) {
                var v = agreement.get().agreementViolation().get();
                diagrams.add(diagram(a.out(), analysis, agreement.get().inputs(), v.path(), p.name() + ": agreement broken"));
                out.println("  inputs " + agreement.get().inputs() + ": " + String.join(" · ", v.path()));
                out.println("  => decisions " + v.state().decisions() + ": " + ConsensusProperties.agreement(v.state().outcome()));
            }
            if (validity.isPresent()) {
                var v = validity.get().validityViolation().get();
                out.println("  inputs " + validity.get().inputs() + ": " + (v.path().isEmpty() ? "(no step at all)" : String.join(" · ", v.path())));
                out.println("  => decisions " + v.state().decisions() + ": " + ConsensusProperties.validity(v.state().outcome()));
            }
            if (stuck.isPresent()) {
                var c = stuck.get();
                diagrams.add(diagram(a.out(), analysis, c.inputs(), c.nonTerminatingRun().get(), p.name() + ": termination broken"));
                out.println("  inputs " + c.inputs() + ": " + String.join(" · ", c.nonTerminatingRun().get()));
                out.println("  => no step is left, decisions " + c.nonTerminatingEnd().decisions() + " (x = crashed): "
                        + ConsensusProperties.termination(c.nonTerminatingEnd().outcome()));
                List<String> crashes = c.nonTerminatingRun().get().stream().filter(step -> step.startsWith("crash")).toList();
                boolean decidesWithoutCrashes = new FlpAnalysis(new ConsensusModel(p, 3, 0)).analyse().termination();
                if (!crashes.isEmpty()) {
                    out.println("     this run contains a crash (" + String.join(", ", crashes) + "): the others wait for a dead process,");
                    out.println("     and in the asynchronous model they cannot tell it from a slow one.");
                }
                out.println("     with crashes switched off, every run of " + p.name()
                        + (decidesWithoutCrashes ? " decides (explored)." : " still has one that does not decide (explored)."));
                if (!crashes.isEmpty() && decidesWithoutCrashes) {
                    crashOnly.add(p.name());
                }
            }
            if (agreement.isEmpty() && validity.isEmpty() && stuck.isEmpty()) {
                out.println("  nothing breaks: this would contradict FLP. Check the model.");
            }
        }
        out.println();
        if (lostExactlyOne == protocols.size()) {
            out.println("Each protocol keeps two properties and loses the third.");
        } else {
            out.println(lostExactlyOne + " of " + protocols.size() + " protocols keep two properties and lose the third.");
        }
        if (!crashOnly.isEmpty()) {
            out.println(String.join(" and ", crashOnly) + " lose termination only by waiting for a process that crashed:");
            out.println("that is weaker than FLP. FLP (1985) proves that no deterministic protocol keeps all three in an");
            out.println("asynchronous system where one process may crash, and the run its proof builds, which never");
            out.println("decides, has NO crash: every process keeps taking steps and every message is eventually");
            out.println("delivered; the adversary only chooses the order and the delays. The possibility of a crash is");
            out.println("what forbids a protocol from waiting for everyone; it is not an event of that run. Every run of");
            out.println("these finite models ends, so they cannot show FLP's infinite run; demo 2 (bivalence) shows the");
            out.println("lemmas its proof is built from.");
        }
        Path file = a.out().resolve("consensus-properties.md");
        Files.writeString(file, md.toString(), StandardCharsets.UTF_8);
        out.println();
        out.println("wrote " + file);
        diagrams.forEach(d -> out.println("wrote " + d));
    }

    private static Path diagram(Path dir, FlpAnalysis analysis, String inputs, List<String> path, String title) throws IOException {
        String name = title.replaceAll("[^A-Za-z0-9]+", "-").toLowerCase(java.util.Locale.ROOT).replaceAll("-$", "") + ".mmd";
        Path file = dir.resolve(name);
        Files.writeString(file, RunDiagram.mermaid(analysis.model(), analysis.model().initial(inputs), path,
                title + " (inputs " + inputs + ")"), StandardCharsets.UTF_8);
        return file;
    }

    private static String verdict(boolean holds) {
        return holds ? "holds" : "VIOLATED";
    }
}
