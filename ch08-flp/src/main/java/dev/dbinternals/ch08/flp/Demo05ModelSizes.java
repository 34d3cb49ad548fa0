package dev.dbinternals.ch08.flp;

import dev.dbinternals.ch08.harness.demo.DemoArgs;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Demo 5 of FLP (FLP 불가능성 이론): the same protocols in differently built models. The number
 * of processes (3 or 4), whether crash steps exist (at most one crash, or none) and the step
 * granularity (each message its own step, or a whole broadcast in one step) change the number
 * of reachable configurations a lot, and sometimes the verdict (without crash steps, a protocol
 * that waits for everyone terminates).
 *
 * <p>Run: {@code ./ch08 demo flp model-sizes} ({@code --quick}: n = 3 only; {@code --all-n4 yes}: n = 4 for
 * every protocol, about a minute). Writes {@code model-sizes.md}.
 */
public final class Demo05ModelSizes {

    public static void main(String[] args) throws IOException {
        DemoArgs a = DemoArgs.forDemo("flp-model-sizes",
                "configurations explored from one initial configuration for n = 3 and 4, crash steps on and off, per-message or per-broadcast steps")
                .choiceOption("all-n4", "no", "yes: n = 4 for every protocol (about a minute); no: n = 4 only for FirstProposalWins", "yes", "no")
                .parse(args);
        String allN4 = a.get("all-n4");
        PrintStream out = System.out;
        out.println("Every count below is the number of distinct configurations the explorer reached from ONE");
        out.println("initial configuration (inputs 0 then all 1: 011 for n = 3, 0111 for n = 4), and the");
        out.println("transitions between them. A configuration is every");
        out.println("process's input, received messages (in order), unsent messages, decision and crash flag, plus");
        out.println("the messages in flight (as a multiset).");
        List<ConsensusProtocol> protocols = List.of(new WaitForAll(), new DecideOnNMinusOne(), new FirstProposalWins());
        List<Integer> ns = a.quick() ? List.of(3) : List.of(3, 4);
        StringBuilder md = new StringBuilder("# FLP model sizes (from the initial configuration 0 1 … 1)\n\n| protocol | n | crashes | steps | configurations | transitions | agreement | validity | termination |\n| --- | --- | --- | --- | ---: | ---: | --- | --- | --- |\n");
        DemoArgs.heading(out, "Configurations and transitions from one initial configuration");
        out.println("protocol            n  crashes  steps            configurations  transitions  agreement validity termination");
        for (ConsensusProtocol p : protocols) {
            for (int n : ns) {
                if (n == 4 && !allN4.equals("yes") && !(p instanceof FirstProposalWins)) {
                    continue;
                }
                for (int crashes : List.of(0, 1)) {
                    for (ConsensusModel.Granularity g : ConsensusModel.Granularity.values()) {
                        String inputs = "0" + "1".repeat(n - 1);
                        var c = FlpAnalysis.of(p, n, crashes, g).analyse(inputs);
                        var report = new FlpAnalysis.Report(p.name(), List.of(c));
                        long transitions = c.transitions();
                        String steps = g == ConsensusModel.Granularity.EACH_SEND ? "each message" : "whole broadcast";
                        out.printf("%-19s %-2d %-8s %-16s %,14d  %,11d  %-9s %-8s %s%n", p.name(), n, "<= " + crashes, steps,
                                report.states(), transitions, ok(report.agreement()), ok(report.validity()), ok(report.termination()));
                        md.append("| ").append(p.name()).append(" | ").append(n).append(" | ≤ ").append(crashes).append(" | ")
                                .append(steps).append(" | ").append(String.format("%,d", report.states())).append(" | ")
                                .append(String.format("%,d", transitions)).append(" | ").append(ok(report.agreement()))
                                .append(" | ").append(ok(report.validity())).append(" | ").append(ok(report.termination())).append(" |\n");
                    }
                }
            }
        }
        out.println();
        out.println("Read a count only together with its model: the same protocol's counts differ between rows of");
        out.println("the same n by the factors above, and so do the verdicts where crash steps are off.");
        Files.createDirectories(a.out());
        Path file = a.out().resolve("model-sizes.md");
        Files.writeString(file, md.toString(), StandardCharsets.UTF_8);
        out.println();
        out.println("wrote " + file);
    }

    private static String ok(boolean b) {
        return b ? "holds" : "VIOLATED";
    }
}
