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
 * agreement, validity and termination, and the shortest run that shows it is printed.
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
        for (ConsensusProtocol p : protocols) {
            var analysis = FlpAnalysis.of(p);
            var r = analysis.analyse();
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
                out.println("     the waiting process cannot tell the crashed one from a slow one, so it waits forever.");
            }
            if (agreement.isEmpty() && validity.isEmpty() && stuck.isEmpty()) {
                out.println("  nothing breaks: this would contradict FLP. Check the model.");
            }
        }
        out.println();
        out.println("Each protocol keeps two properties and loses the third. FLP (1985) says this is not bad luck:");
        out.println("no deterministic protocol keeps all three in an asynchronous system where one process may crash.");
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
