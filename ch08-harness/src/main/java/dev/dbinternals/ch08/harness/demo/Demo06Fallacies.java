package dev.dbinternals.ch08.harness.demo;

import dev.dbinternals.ch08.harness.fallacies.Fallacies;
import dev.dbinternals.ch08.harness.fallacies.Fallacy;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Demo 6: the eight fallacies of distributed computing, each a small scenario on the simulation
 * in which a naive program fails and the fix works, with the numbers of the run.
 *
 * <p>Book: Chapter 8, "Fallacies of Distributed Computing" (분산 컴퓨팅의 오류). The eight are the
 * commonly cited list (L. Peter Deutsch and colleagues at Sun; the eighth added by James
 * Gosling), not the book's text; the book's section discusses some of them, latency and
 * bandwidth explicitly. One class per fallacy in {@code dev.dbinternals.ch08.harness.fallacies}.
 *
 * <p>A program with a {@code main}; not meant to be shared between threads.
 *
 * <p>Run: {@code ./ch08 demo harness fallacies [--only N] [--seed N] [--quick]}
 */
public final class Demo06Fallacies {

    private Demo06Fallacies() {
    }

    public static void main(String[] argv) {
        DemoArgs args = DemoArgs.forDemo("fallacies", "the eight fallacies of distributed computing: a naive program and its fix, each")
                .choiceOption("only", "all", "run only one fallacy (" + Fallacies.validValues() + ")",
                        "all", "1", "2", "3", "4", "5", "6", "7", "8")
                .parse(argv);
        List<Fallacy> chosen = choose(args.get("only"));
        PrintStream out = System.out;
        out.println("The eight fallacies of distributed computing: the commonly cited list (L. Peter Deutsch and");
        out.println("colleagues at Sun; the eighth added by James Gosling). The book's section discusses some of them,");
        out.println("latency and bandwidth explicitly. Each runs on the simulation (seed " + args.seed() + "): a naive program, then the fix.");
        List<String[]> rows = new ArrayList<>();
        for (Fallacy f : chosen) {
            Fallacy.Outcome o = f.run(args.seed(), args.quick());
            DemoArgs.heading(out, "Fallacy " + f.number() + " of 8: \"" + f.fallacy() + "\" (" + scenarioClass(f) + ")");
            o.setup().forEach(out::println);
            out.println("naive: " + String.join("\n       ", o.naive()));
            out.println("fix:   " + String.join("\n       ", o.fix()));
            String verdict = (o.naiveFailed() ? "the naive program failed" : "the naive program did NOT fail on this seed")
                    + "; " + (o.fixHeld() ? "the fix held." : "the fix did NOT hold on this seed.");
            out.println("-> " + verdict);
            rows.add(new String[] {String.valueOf(f.number()), f.fallacy(), scenarioClass(f), o.naiveBrief(),
                    o.naiveFailed() ? "failed" : "did not fail", o.fixBrief(), o.fixHeld() ? "held" : "did not hold"});
        }
        writeSummary(args.out(), args.seed(), args.quick(), rows);
    }

    /** "all" (the default) or one number 1..8; anything else is an error listing the valid values. */
    static List<Fallacy> choose(String only) {
        if (only.equals("all")) {
            return Fallacies.all();
        }
        int n;
        try {
            n = Integer.parseInt(only.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--only needs a fallacy number, got '" + only + "'; " + Fallacies.validValues());
        }
        if (n < 1 || n > Fallacies.all().size()) {
            throw new IllegalArgumentException("--only needs a fallacy number from 1 to 8, got '" + only + "'; "
                    + Fallacies.validValues());
        }
        return List.of(Fallacies.number(n));
    }

    private static String scenarioClass(Fallacy f) {
        return f.getClass().getSimpleName();
    }

    private static void writeSummary(Path dir, long seed, boolean quick, List<String[]> rows) {
        StringBuilder md = new StringBuilder("# The eight fallacies of distributed computing (seed " + seed
                + (quick ? ", --quick" : "") + ")\n\n");
        md.append("| # | fallacy | scenario class | naive program | naive | fix | fix |\n");
        md.append("| --- | --- | --- | --- | --- | --- | --- |\n");
        for (String[] r : rows) {
            md.append("| ").append(String.join(" | ", r)).append(" |\n");
        }
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve("fallacies.md");
            Files.writeString(file, md.toString(), StandardCharsets.UTF_8);
            System.out.println();
            System.out.println("wrote " + file + "  (the summary table)");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the summary under " + dir, e);
        }
    }
}
