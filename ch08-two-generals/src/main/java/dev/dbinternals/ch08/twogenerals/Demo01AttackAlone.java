package dev.dbinternals.ch08.twogenerals;

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
                        "every loss pattern of k acknowledgement rounds, and the shortest lonely attack")
                .intOption("max-k", 3, 0, TwoGeneralsModel.MAX_MESSENGERS - 1,
                        "largest number of acknowledgement rounds to explore (at most 2 with --quick)")
                .parse(args);
        int maxK = a.intValue("max-k");
        if (a.quick()) {
            maxK = Math.min(maxK, 2);
        }
        PrintStream out = System.out;
        out.println("Two generals camp on either side of a valley. General A has a plan; messengers cross the");
        out.println("valley and any of them may be captured. A attacks only if it heard every acknowledgement");
        out.println("it waits for; so does B. We explore EVERY loss pattern with the harness Explorer.");

        DemoArgs.heading(out, "AckRounds(k): A sends \"attack at dawn\", then k acknowledgements go back and forth");
        out.printf("%-4s %-7s %-8s %-12s %-12s %-14s %s%n", "k", "states", "runs", "both attack", "both retreat", "attacks alone", "shortest counterexample");
        Files.createDirectories(a.out());
        StringBuilder md = new StringBuilder("# Two Generals: shortest lonely attack per k\n\n");
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
                    run.summary().replace(" → " + violation.state().outcome(), "") + "  (" + violation.path().size() + (violation.path().size() == 1 ? " step)" : " steps)"));
            String diagram = run.toMermaid("AckRounds(k=" + k + "): " + violation.state().outcome());
            Path file = a.out().resolve("counterexample-k" + k + ".mmd");
            Files.writeString(file, diagram, StandardCharsets.UTF_8);
            md.append("## k = ").append(k).append("\n\n```mermaid\n").append(diagram).append("```\n\n");
            if (k == Math.min(1, maxK)) {
                shown = diagram;
            }
        }
        out.println();
        out.println("The k = " + Math.min(1, maxK) + " counterexample as a Mermaid sequence diagram (captured messengers end in x):");
        shown.lines().forEach(l -> out.println("  | " + l));
        out.println();
        if (oneLonelyRunEach) {
            out.println("Every k explored has exactly ONE disagreeing run: the one that loses the last messenger of the");
            out.println("chain. Its sender heard everything it waits for and attacks; its receiver is still waiting.");
            out.println("One more round only moves the problem to the new last messenger (the shortest counterexample");
            out.println("grows by one).");
        } else {
            out.println("Some k has more than one disagreeing run (see the table): this is not the AckRounds we know.");
        }

        DemoArgs.heading(out, "The trade-off: each of these protocols gives up at least one property");
        out.printf("%-26s %-10s %-10s %-15s %s%n", "protocol", "agreement", "validity", "non-triviality", "why");
        for (MessengerProtocol p : List.of(new AckRounds(2), new RedundantMessengers(3), new NeverAttack(), new AttackRegardless())) {
            var r = TwoGeneralsChecker.exhaustive(p);
            String why = !r.validity() ? "plan RETREAT, yet " + r.validityViolation().get().state().outcome()
                    : !r.agreement() ? "in one run, " + r.agreementViolation().get().state().outcome()
                    : !r.nonTrivial() ? "nobody attacks even when every messenger arrives" : "-";
            out.printf("%-26s %-10s %-10s %-15s %s%n", p.name(), yesNo(r.agreement()), yesNo(r.validity()), yesNo(r.nonTrivial()), why);
        }
        out.println();
        out.println("NeverAttack keeps agreement trivially and is useless. AttackRegardless has B attack whatever it");
        out.println("heard, even nothing: fine while the plan is ATTACK, but with plan RETREAT B attacks alone (validity,");
        out.println("and agreement with it, break). The table covers these four protocols only; that no finite");
        out.println("deterministic protocol over a lossy link has all three is the last-message argument (demo 2).");

        Path mdFile = a.out().resolve("counterexamples.md");
        Files.writeString(mdFile, md.toString(), StandardCharsets.UTF_8);
        out.println();
        out.println("wrote " + mdFile + " and " + (maxK + 1) + " .mmd diagrams in " + a.out());
    }

    private static long count(java.util.Map<String, dev.dbinternals.ch08.harness.explore.Explorer.OutcomeCount> m, String key) {
        return m.containsKey(key) ? m.get(key).executions() : 0;
    }

    private static String yesNo(boolean holds) {
        return holds ? "holds" : "VIOLATED";
    }
}
