package dev.dbinternals.ch08.twogenerals;

import dev.dbinternals.ch08.harness.demo.DemoArgs;
import dev.dbinternals.ch08.harness.exercise.NotDoneYet;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Demo 5 of the Two Generals' Problem (두 장군 문제): the theorem over every protocol of a finite
 * class, not just a few hand-written ones. {@link OneBitProtocolClass} enumerates C(r) for
 * r = 1, 2 and 3 (r = 3 is left out with {@code --quick}) and counts the protocols by the
 * properties they keep; then the proof's chain runs on one protocol, yours from exercise tg-5
 * if you wrote it.
 *
 * <p>Run: {@code ./ch08 demo two-generals every-protocol}. Writes {@code class-census.md}.
 */
public final class Demo05EveryProtocol {

    public static void main(String[] args) throws IOException {
        DemoArgs a = DemoArgs.forDemo("two-generals-every-protocol",
                "every protocol of a finite class checked against every loss pattern").parse(args);
        PrintStream out = System.out;
        out.println("The class C(r): r rounds, one messenger per round carrying one bit, A→B in odd rounds and");
        out.println("B→A in even ones; every messenger is sent and any subset of them may be captured. A protocol");
        out.println("is a set of tables: each general's bit, and at dawn attack or not, as a function of its own");
        out.println("input (A: the plan; B: none) and what it heard (0, 1, or nothing). We check every protocol of");
        out.println("the class under both plans and every loss pattern.");
        Files.createDirectories(a.out());
        StringBuilder md = new StringBuilder("# Two Generals over every protocol of C(r)\n\n");
        List<Integer> rs = a.quick() ? List.of(1, 2) : List.of(1, 2, 3);
        boolean noneKeepsAll = true;
        for (int r : rs) {
            var cls = new OneBitProtocolClass(r);
            var c = cls.census();
            DemoArgs.heading(out, "C(" + r + "): " + cls.tableBits() + " table bits, 2^" + cls.tableBits() + " = "
                    + String.format("%,d", c.protocols()) + " protocols");
            out.printf("enumerated %,d (one per class of the 2^%d renamings of the round bits; each counts %d times)%n",
                    c.enumerated(), r, 1 << r);
            out.printf("runs per protocol: 2 plans x 2^%d loss patterns = %d%n", r, 2 << r);
            out.println("agreement  validity  non-triviality  protocols");
            md.append("## C(").append(r).append("): ").append(String.format("%,d", c.protocols())).append(" protocols\n\n")
                    .append("| agreement | validity | non-triviality | protocols |\n| --- | --- | --- | ---: |\n");
            for (int m = 7; m >= 0; m--) {
                boolean ag = (m & 4) != 0;
                boolean va = (m & 2) != 0;
                boolean nt = (m & 1) != 0;
                out.printf("%-10s %-9s %-15s %,d%n", yes(ag), yes(va), yes(nt), c.counts()[m]);
                md.append("| ").append(yes(ag)).append(" | ").append(yes(va)).append(" | ").append(yes(nt)).append(" | ")
                        .append(String.format("%,d", c.counts()[m])).append(" |\n");
            }
            noneKeepsAll &= c.keepingAll() == 0;
            out.printf("keep agreement: %,d   keep validity and non-triviality: %,d   keep all three: %,d%n",
                    c.keepingAgreement(), c.keepingValidityAndNonTriviality(), c.keepingAll());
            if (c.keepingValidityAndNonTriviality() > 0) {
                out.printf("fewest disagreeing runs among the valid, non-trivial ones: %d of %d%n", c.fewestDisagreements(), 2 << r);
            }
            md.append("\nkeep agreement: ").append(c.keepingAgreement()).append("; keep validity and non-triviality: ")
                    .append(c.keepingValidityAndNonTriviality()).append("; keep all three: ").append(c.keepingAll()).append("\n\n");
        }
        out.println();
        out.println("Agreement alone is cheap (for instance: never attack), and so are validity with non-triviality");
        out.println("(attack when the order arrived). Every table of C(r) above has its first row, all three kept,");
        out.println(noneKeepsAll ? "at 0: for these classes the theorem is a count, not just an argument."
                : "NOT at 0: that contradicts the theorem; the enumeration has a bug.");

        OneBitProtocol p;
        String whose;
        try {
            p = new YourOneBitProtocol();
            OneBitProtocolClass.check(p);
            whose = "your protocol from exercise tg-5 (YourOneBitProtocol)";
        } catch (NotDoneYet e) {
            p = firstUseful(new OneBitProtocolClass(2));
            whose = p.name() + ", the first protocol of C(2) that keeps validity and non-triviality"
                    + " (exercise tg-5 is not done yet: write YourOneBitProtocol to see yours here)";
        }
        DemoArgs.heading(out, "The proof's chain on " + whose);
        out.println("Runs 'the first j messengers arrive, the rest are captured', j = r down to 0: two neighbours");
        out.println("differ only for the receiver of messenger j, so its sender decides the same in both.");
        var v = OneBitProtocolClass.check(p);
        var chain = OneBitProtocolClass.chain(p);
        md.append("## The chain on ").append(whose).append("\n\n");
        for (var run : chain.runs()) {
            out.println("  plan " + run.plan() + ": " + run.summary());
            md.append("- plan ").append(run.plan()).append(": ").append(run.summary()).append('\n');
        }
        out.println("  => " + chain.broken() + " broken");
        out.printf("checked against all %d runs: agreement %s, validity %s, non-triviality %s; disagrees in %d run(s)%n",
                2 << p.rounds(), holds(v.agreement()), holds(v.validity()), holds(v.nonTriviality()), v.disagreeing().size());
        md.append("\n").append(chain.broken()).append(" broken; disagrees in ").append(v.disagreeing().size()).append(" run(s)\n");
        Path file = a.out().resolve("class-census.md");
        Files.writeString(file, md.toString(), StandardCharsets.UTF_8);
        out.println();
        out.println("wrote " + file);
    }

    static OneBitProtocol firstUseful(OneBitProtocolClass cls) {
        for (long code = 0; code < cls.size(); code++) {
            var v = OneBitProtocolClass.check(cls.protocol(code));
            if (v.validity() && v.nonTriviality()) {
                return cls.protocol(code);
            }
        }
        throw new IllegalStateException("no valid, non-trivial protocol in C(" + cls.rounds() + ")");
    }

    private static String yes(boolean b) {
        return b ? "kept" : "-";
    }

    private static String holds(boolean b) {
        return b ? "holds" : "VIOLATED";
    }
}
