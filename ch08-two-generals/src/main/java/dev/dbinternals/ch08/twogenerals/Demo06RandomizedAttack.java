package dev.dbinternals.ch08.twogenerals;

import dev.dbinternals.ch08.harness.demo.DemoArgs;
import dev.dbinternals.ch08.harness.demo.Diagrams;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Demo 6 of the Two Generals' Problem (두 장군 문제): the randomised way out. {@link RandomizedAttack}
 * disagrees with probability 1/r after r rounds against the worst adversary that fixes its
 * captures in advance; {@link RandomizedOdds} computes that exactly for r = 1..7, the harness
 * simulation measures it beside, and the chain of runs shows why no protocol does better.
 *
 * <p>Run: {@code ./ch08 demo two-generals randomized}. Writes {@code randomized-odds.md} and the
 * diagram of one simulated disagreement.
 */
public final class Demo06RandomizedAttack {

    public static void main(String[] args) throws IOException {
        DemoArgs a = DemoArgs.forDemo("two-generals-randomized",
                "randomised coordinated attack: disagreement 1/r after r rounds, exact and simulated")
                .intOption("seeds", 4000, 1, 1_000_000, "simulated runs per r (400 with --quick)")
                .parse(args);
        int seeds = a.changed("seeds").isPresent() ? a.intValue("seeds") : a.quick() ? 400 : 4000;
        int maxR = a.quick() ? 5 : 7;
        PrintStream out = System.out;
        out.println("No deterministic protocol keeps agreement over a lossy valley. With a coin it can be made");
        out.println("unlikely: A draws a key from 1..r; each general counts its level (A starts at 1 on plan");
        out.println("ATTACK, B at 0, a delivered messenger lifts its receiver to the sender's level + 1) and");
        out.println("attacks at dawn if its level is at least the key. The adversary captures any set of");
        out.println("messengers it fixes before the run; it does not see the key.");
        Files.createDirectories(a.out());
        StringBuilder md = new StringBuilder("# Randomised coordinated attack\n\n| r | worst P(disagree) | 1/r | patterns at the worst | P(both attack), no loss | validity | simulated (" + seeds + " seeds) | key-reading adversary |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n");

        DemoArgs.heading(out, "Exact (every key x every loss pattern) and simulated (" + seeds + " seeds, last messenger captured)");
        out.println("r  worst P(disagree)  1/r     patterns at worst  P(both attack | no loss)  validity  simulated   key-reading adversary");
        boolean allOneOverR = true;
        boolean allLive = true;
        for (int r = 1; r <= maxR; r++) {
            var p = new RandomizedAttack(r);
            var rep = RandomizedOdds.exact(p);
            int lastLost = 1 << (r - 1);
            int dis = RandomizedValley.disagreements(p, lastLost, seeds, 1000L * r);
            double sim = (double) dis / seeds;
            allOneOverR &= rep.worst().disagree() * r == rep.keys();
            allLive &= rep.patterns().get(0).bothAttack() == rep.keys() && rep.validity();
            out.printf("%-2d %-18s %-7s %-18s %-25s %-9s %-11s %s%n", r,
                    RandomizedOdds.fraction(rep.worst().disagree(), rep.keys()) + String.format(" = %.4f", rep.worstDisagreement()),
                    String.format("%.4f", 1.0 / r), rep.worstPatterns() + " of " + (1 << r),
                    RandomizedOdds.fraction(rep.patterns().get(0).bothAttack(), rep.keys()),
                    rep.validity() ? "holds" : "VIOLATED", String.format("%.4f", sim),
                    RandomizedOdds.fraction(rep.keyReadingDisagree(), rep.keys()));
            md.append("| ").append(r).append(" | ").append(RandomizedOdds.fraction(rep.worst().disagree(), rep.keys()))
                    .append(" | ").append(String.format("%.4f", 1.0 / r)).append(" | ").append(rep.worstPatterns()).append(" of ")
                    .append(1 << r).append(" | ").append(RandomizedOdds.fraction(rep.patterns().get(0).bothAttack(), rep.keys()))
                    .append(" | ").append(rep.validity() ? "holds" : "VIOLATED").append(" | ").append(String.format("%.4f", sim))
                    .append(" | ").append(RandomizedOdds.fraction(rep.keyReadingDisagree(), rep.keys())).append(" |\n");
        }
        out.printf("(one standard error of a simulated value is sqrt(q(1-q)/%d), at most %.4f here)%n", seeds, Math.sqrt(0.25 / seeds));
        out.println(allOneOverR
                ? "For every r above the worst adversary gets exactly 1/r."
                : "Some r does NOT reach exactly 1/r: see the table.");
        out.println(allLive
                ? "Both generals attack for sure when nothing is lost, and nobody attacks on plan RETREAT."
                : "Some r attacks less than surely without loss, or attacks on RETREAT: see the table.");
        out.println("An adversary that could read the key (last column: exercise tg-7 asks you to build it)");
        out.println("chooses its captures after seeing the key; the bound above does not hold against it.");

        int r = a.quick() ? 4 : 5;
        var chain = RandomizedOdds.chain(new RandomizedAttack(r));
        DemoArgs.heading(out, "Why no protocol does better: the chain of runs, r = " + r);
        out.println("In α_j the first j messengers arrive and the rest are captured. The sender of messenger j");
        out.println("cannot tell α_j from α_(j-1): it attacks with the same probability in both.");
        out.println("run   P(A attacks)  P(B attacks)  P(disagree)");
        for (var s : chain) {
            out.printf("α_%-3d %-13s %-13s %s%n", s.arrived(), RandomizedOdds.fraction(s.aAttacks(), r),
                    RandomizedOdds.fraction(s.bAttacks(), r), RandomizedOdds.fraction(s.disagree(), r));
        }
        var last = chain.get(chain.size() - 1);
        out.printf("B attacks with probability %s in α_0 (it has heard nothing, as under plan RETREAT); in α_%d%n",
                RandomizedOdds.fraction(last.bAttacks(), r), r);
        out.printf("both attack with probability %s. Walking from α_0 up to α_%d, the attacking probability%n",
                RandomizedOdds.fraction(chain.get(0).aAttacks(), r), r);
        out.printf("passes between the generals %d times. In each run P(A attacks) and P(B attacks) differ by%n", r);
        out.printf("at most that run's P(disagree), so each pass can move at most that much, and the %d%n", r);
        out.printf("disagreements add up to at least P(both attack | no loss).%n");
        out.printf("So for ANY protocol of this model: worst P(disagree) >= P(both attack | no loss) / r.%n");

        // one simulated disagreement, drawn
        RandomizedValley.Outcome shown = null;
        for (long s = a.seed(); s < a.seed() + 200 && shown == null; s++) {
            var o = RandomizedValley.run(new RandomizedAttack(r), Plan.ATTACK, 1 << (r - 1), s, true);
            if (!o.agreement()) {
                shown = o;
            }
        }
        if (shown != null) {
            DemoArgs.heading(out, "One simulated disagreement (r = " + r + ", last messenger captured, seed "
                    + shown.simulation().seed() + ")");
            out.printf("A drew key %d: %s%n", shown.key(), shown.outcome());
            Diagrams.write(a.out(), "disagreement", "randomised attack, r = " + r + ": " + shown.outcome(),
                    shown.simulation().trace(), e -> true);
        }
        Path file = a.out().resolve("randomized-odds.md");
        Files.writeString(file, md.toString(), StandardCharsets.UTF_8);
        out.println();
        out.println("wrote " + file);
    }
}
