package dev.dbinternals.ch08.twogenerals;

import dev.dbinternals.ch08.harness.demo.DemoArgs;
import dev.dbinternals.ch08.harness.render.Mermaid;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Demo 3 of the Two Generals' Problem (두 장군 문제): how often do the generals disagree on a
 * lossy link? AckRounds(k) on the harness simulation over many seeds, measured next to the closed
 * form {@code (1-p)^k * p}; then one disagreeing run as a Mermaid diagram from the simulation trace.
 *
 * <p>Run: {@code ./ch08 demo two-generals lossy-odds} ({@code --seeds N} runs per cell;
 * {@code --quick} uses 300).
 */
public final class Demo03LossyOdds {

    public static void main(String[] args) throws IOException {
        DemoArgs a = DemoArgs.forDemo("two-generals-lossy-odds",
                        "measured probability of a lonely attack vs k and loss rate, next to the closed form")
                .intOption("seeds", 4000, 10, 1_000_000, "simulated runs per table cell (--quick: 300)")
                .parse(args);
        int seeds = a.quick() ? 300 : a.intValue("seeds");
        PrintStream out = System.out;
        out.println("Each cell runs AckRounds(k) on the harness simulation with " + seeds + " seeds: plan ATTACK,");
        out.println("every messenger lost with probability p, delay 1-5 ms, dawn at 1 s. Measured = fraction of");
        out.println("runs in which one general attacks alone; closed form = (1-p)^k * p (the last messenger lost).");
        double[] losses = {0.01, 0.1, 0.3, 0.5};
        DemoArgs.heading(out, "P(one general attacks alone): measured / closed form");
        out.printf("%-4s", "k");
        for (double p : losses) {
            out.printf(" | p = %-17.2f", p);
        }
        out.println();
        StringBuilder md = new StringBuilder("| k |");
        for (double p : losses) {
            md.append(" p = ").append(p).append(" (measured / closed form) |");
        }
        md.append("\n|---|").append("---|".repeat(losses.length)).append('\n');
        for (int k = 0; k <= 4; k++) {
            out.printf("%-4d", k);
            md.append("| ").append(k).append(" |");
            for (int i = 0; i < losses.length; i++) {
                double p = losses[i];
                double measured = LossyValley.disagreementRate(new AckRounds(k), p, seeds, 10_000_000L * (10L * k + i));
                double exact = closedFormAckRounds(k, p);
                out.printf(" | %.4f / %.4f      ", measured, exact);
                md.append(String.format(" %.4f / %.4f |", measured, exact));
            }
            out.println();
            md.append('\n');
        }
        out.printf("(one standard error of a measured value is sqrt(q(1-q)/%d), at most %.4f here; expect about one%n", seeds,
                Math.sqrt(0.25 / seeds));
        out.println(" cell in twenty to differ from the closed form by more than two standard errors)");
        out.println();
        out.println("On a good link (p = 0.01) more rounds barely help: each one removes only 1% of the risk, so the");
        out.println("lonely attack stays near p. On a bad link they help a lot, but mostly by ending the chain early:");
        out.println("a run that loses a messenger before the last ends with both retreating (1 - (1-p)^k of all runs,");
        out.println("94% at p = 0.5 and k = 4), which is safe but no attack.");
        out.println("The closed form is above 0 for every k and every 0 < p < 1: the last messenger can be the one");
        out.println("that is lost. (A measured cell can read 0 when few seeds are run; the risk is still there.)");

        DemoArgs.heading(out, "One disagreeing run from the simulation trace");
        LossyValley.Outcome witness = null;
        long seed = a.seed();
        for (long s = seed; s < seed + 10_000 && witness == null; s++) {
            var o = LossyValley.run(new AckRounds(2), 0.3, s);
            if (!o.agreement()) {
                witness = o;
                seed = s;
            }
        }
        Files.createDirectories(a.out());
        Files.writeString(a.out().resolve("odds.md"), md.toString(), StandardCharsets.UTF_8);
        out.println("AckRounds(k=2), loss 0.3, first disagreeing seed from " + a.seed() + ": seed " + seed
                + " → A " + witness.a() + ", B " + witness.b());
        out.println(witness.simulation().trace().toText(e -> e.kind() != dev.dbinternals.ch08.harness.sim.TraceEvent.Kind.TIMER_SET));
        Path file = a.out().resolve("disagreeing-run.mmd");
        Files.writeString(file, Mermaid.sequenceDiagram(witness.simulation().trace()), StandardCharsets.UTF_8);
        out.println("wrote " + a.out().resolve("odds.md") + " and " + file);
    }

    /**
     * Closed form for {@link AckRounds}(k): the first k messengers arrive, the last is lost. Private:
     * it is the answer of exercise tg-2.
     */
    private static double closedFormAckRounds(int k, double loss) {
        return Math.pow(1 - loss, k) * loss;
    }
}
