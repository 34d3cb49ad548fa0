package dev.dbinternals.ch08.flp;

import dev.dbinternals.ch08.flp.DuellingPaxos.Msg;
import dev.dbinternals.ch08.flp.DuellingPaxos.State;
import dev.dbinternals.ch08.harness.demo.DemoArgs;
import dev.dbinternals.ch08.harness.demo.Diagrams;
import dev.dbinternals.ch08.harness.render.Mermaid;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Demo 7 (FLP 불가능성 이론 → 시스템 동기성): Paxos's duelling proposers. {@link FlpAdversary} runs
 * FLP's construction on {@link DuellingPaxos} and finds, by search, the run in which each
 * proposer's prepare pre-empts the other's accept forever: a lasso with no crash, every message
 * delivered, no decision. Then {@link PaxosBackoff} runs the same rules on the simulation over many
 * seeds in a partially synchronous network, retrying at once or after a randomised backoff: every
 * run is checked for agreement and validity, and the ballots needed are counted.
 *
 * <p>Run: {@code ./ch08 demo flp duelling-proposers} ({@code --runs N} seeds per row). Writes
 * {@code duelling-proposers.mmd} (the lasso), the harness's drawings of it
 * ({@code duelling-proposers-run.html}, {@code .md}, {@code .txt}) and {@code ballots.md} (the distribution).
 */
public final class Demo07DuellingProposers {

    public static void main(String[] args) throws IOException {
        DemoArgs a = DemoArgs.forDemo("flp-duelling-proposers",
                "Paxos's duelling proposers found by search as a lasso; the same rules with randomised backoff over seeds")
                .intOption("runs", 500, 1, 100_000, "seeds per simulated row (--quick: 50)")
                .parse(args);
        int runs = a.quick() ? Math.min(50, a.intValue("runs")) : a.intValue("runs");
        PrintStream out = System.out;
        DuellingPaxos paxos = new DuellingPaxos();
        FlpAdversary<State, Msg> adversary = new FlpAdversary<>(paxos, 3000);
        out.println("Single-decree Paxos: proposers p0 (input 0, odd ballots) and p1 (input 1, even ballots), acceptors");
        out.println("p2, p3, p4. An acceptor refuses a prepare or accept below its promise and says so (nack); the");
        out.println("refused proposer starts its next ballot at once. FLP's adversary searches for the run: from the");
        out.println("initial configuration (" + FlpAdversary.met(adversary.valence(adversary.initial(INPUTS)).valence())
                + "), stage after stage, the oldest message e is delivered");
        out.println("after the shortest schedule that keeps the configuration bivalent.");

        var result = adversary.build(INPUTS, 100);
        var lasso = result.lasso().orElseThrow(() -> new IllegalStateException(
                "no lasso: " + result.stop().map(FlpAdversary.Stop::reason).orElse("?")));
        var checks = adversary.check(lasso);
        DemoArgs.heading(out, "The lasso the search found");
        out.println("  prefix: " + lasso.prefixSteps().size() + " steps, cycle: " + lasso.cycleSteps().size()
                + " steps, then the cycle again with every ballot " + lasso.roundShift() + " higher, forever.");
        out.println("  the cycle:");
        for (Msg m : lasso.cycleSteps()) {
            out.println("    " + m);
        }
        DemoArgs.heading(out, "Checks, computed by replaying the lasso");
        out.println("  closes (twice, ballots +" + lasso.roundShift() + " each time): " + (checks.closes() ? "yes" : "NO")
                + "; fair: " + (checks.fair() ? "yes" : "NO") + "; crash steps: none (the model has none)");
        out.println("  messages received per process in one cycle: " + java.util.stream.IntStream.range(0, paxos.n())
                .mapToObj(p -> "p" + p + " " + checks.stepsPerProcess().get(p)).collect(Collectors.joining(" · ")));
        out.println("  messages in flight at the cycle's start: " + checks.pendingAtCycleStart().size()
                + ", delivered in it: " + (checks.pendingAtCycleStart().size() - checks.undeliveredInCycle().size()));
        out.println("  configurations: " + checks.configurations() + ", certified bivalent: " + checks.bivalent()
                + ", with a decision: " + checks.decided());
        // read the cycle: how each accept delivered in it was answered
        var pre = adversary.replay(lasso.start(), lasso.prefixSteps());
        var once = adversary.replay(pre.get(pre.size() - 1), lasso.cycleSteps());
        java.util.Map<Integer, Integer> acceptedPerBallot = new TreeMap<>();
        int refused = 0;
        int refusedForOther = 0; // refused because the acceptor had promised the other proposer's ballot
        for (int i = 0; i < lasso.cycleSteps().size(); i++) {
            Msg m = lasso.cycleSteps().get(i);
            if (!m.kind().equals("accept")) {
                continue;
            }
            List<Msg> sent = new ArrayList<>(once.get(i + 1).buffer());
            once.get(i).buffer().forEach(sent::remove);
            if (sent.stream().anyMatch(r -> r.kind().equals("accepted"))) {
                acceptedPerBallot.merge(m.ballot(), 1, Integer::sum);
            } else {
                refused++;
                int promise = once.get(i).processes().get(m.to()).ballot();
                if (promise > m.ballot() && proposerOf(promise) != m.from()) {
                    refusedForOther++;
                }
                acceptedPerBallot.putIfAbsent(m.ballot(), 0);
            }
        }
        var prepares = lasso.cycleSteps().stream().filter(m -> m.kind().equals("prepare")).toList();
        long ballotsPrepared = prepares.stream().map(Msg::ballot).distinct().count();
        String perProposer = java.util.stream.IntStream.of(0, 1).mapToObj(p -> "p" + p + " "
                + prepares.stream().filter(m -> m.from() == p).map(Msg::ballot).distinct().count()).collect(Collectors.joining(", "));
        out.println();
        out.println("  Per cycle: " + ballotsPrepared + " new ballots prepared (" + perProposer + "); accepts delivered per ballot "
                + acceptedPerBallot.keySet().stream().map(b -> "b" + b).collect(Collectors.joining(", ")) + ":");
        out.println("  accepted by "
                + acceptedPerBallot.values().stream().map(String::valueOf).collect(Collectors.joining(", ")) + " acceptor(s), "
                + refused + " refused.");
        int most = acceptedPerBallot.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        Demo02Bivalence.wrap(out, "  ", duel(most, refused, refusedForOther));

        DemoArgs.heading(out, "The same rules on the simulation, " + runs + " seeds per row");
        TimingModel model = TimingModel.partiallySynchronous(Duration.ofMillis(100), Duration.ofSeconds(3), Duration.ofSeconds(2), Duration.ofMillis(15));
        out.println("  network: " + model.name() + " (long-tailed delays, median 100 ms, p99 3 s, before GST)");
        out.println("                               ballots until the first decision");
        out.println("  retry               decided  unsafe  median  p90  max   median time to decide");
        StringBuilder md = new StringBuilder("# Paxos, two proposers: ballots until the first decision\n\n" + model.name()
                + ", " + runs + " seeds per row\n\n| ballots | at once | randomised backoff |\n| ---: | ---: | ---: |\n");
        List<TreeMap<Integer, Integer>> histograms = new ArrayList<>();
        int unsafeTotal = 0;
        List<Integer> decidedPerRow = new ArrayList<>();
        for (Duration backoff : new Duration[] {null, BACKOFF_BASE}) {
            List<Integer> ballots = new ArrayList<>();
            List<Long> times = new ArrayList<>();
            int decided = 0;
            int unsafe = 0;
            TreeMap<Integer, Integer> hist = new TreeMap<>();
            for (long seed = 1; seed <= runs; seed++) {
                var r = PaxosBackoff.run(seed, model, backoff, Duration.ofSeconds(60));
                if (!r.safe()) {
                    unsafe++;
                }
                if (r.decided()) {
                    decided++;
                    ballots.add(r.ballots());
                    times.add(r.decidedAtNanos());
                    hist.merge(r.ballots(), 1, Integer::sum);
                }
            }
            unsafeTotal += unsafe;
            decidedPerRow.add(decided);
            histograms.add(hist);
            ballots.sort(null);
            times.sort(null);
            out.printf("  %-19s %7d  %6d  %6s  %3s  %3s   %s%n", backoff == null ? "at once" : "backoff base " + backoff.toMillis() + " ms",
                    decided, unsafe, pct(ballots, 50), pct(ballots, 90), ballots.isEmpty() ? "-" : ballots.get(ballots.size() - 1),
                    times.isEmpty() ? "-" : times.get(times.size() / 2) / 1_000_000 + " ms");
        }
        java.util.SortedSet<Integer> keys = new java.util.TreeSet<>(histograms.get(0).keySet());
        keys.addAll(histograms.get(1).keySet());
        out.println();
        out.println("  ballots   at once   backoff");
        for (int k : keys) {
            out.printf("  %7d   %7d   %7d%n", k, histograms.get(0).getOrDefault(k, 0), histograms.get(1).getOrDefault(k, 0));
            md.append("| ").append(k).append(" | ").append(histograms.get(0).getOrDefault(k, 0)).append(" | ")
                    .append(histograms.get(1).getOrDefault(k, 0)).append(" |\n");
        }
        out.println();
        out.println("Agreement and validity held in " + (2 * runs - unsafeTotal) + " of " + (2 * runs) + " runs (checked in every run).");
        out.println("Random delays are not the adversary: retrying at once, " + decidedPerRow.get(0) + " of " + runs
                + " runs decided; with backoff, " + decidedPerRow.get(1) + " of " + runs + ".");
        Demo02Bivalence.wrap(out, "", delays(decidedPerRow, runs) + " Neither proves termination: Lamport's Paxos Made Simple"
                + " (§2.4) gets progress by a distinguished proposer, elected with randomness or timeouts, once enough of the"
                + " system works properly.");

        Files.createDirectories(a.out());
        Path mmd = a.out().resolve("duelling-proposers.mmd");
        Files.writeString(mmd, mermaid(lasso), StandardCharsets.UTF_8);
        out.println();
        Diagrams.write(a.out(), "duelling-proposers-run", "Paxos, two proposers: prefix and two turns of the duel (1 step = 1 ms)",
                LassoTrace.of(adversary, lasso, 2), e -> true);
        Path mdFile = a.out().resolve("ballots.md");
        Files.writeString(mdFile, md.toString(), StandardCharsets.UTF_8);
        out.println();
        out.println("wrote " + mmd);
        out.println("wrote " + mdFile);
    }

    /** The randomised backoff's base: about one round trip at the median delay before GST (2 × 100 ms). */
    static final Duration BACKOFF_BASE = Duration.ofMillis(200);

    /** The initial configuration the search starts from: p0 proposes 0, p1 proposes 1; the acceptors' inputs do not matter. */
    static final String INPUTS = "01000";

    /** The proposer that owns {@code ballot}: p0 the odd ballots, p1 the even ones. */
    static int proposerOf(int ballot) {
        return ballot % 2 == 1 ? 0 : 1;
    }

    /** What the cycle's accepts show, from the most acceptances a ballot got and how its accepts were refused. */
    static String duel(int most, int refused, int refusedForOther) {
        if (most >= DuellingPaxos.QUORUM) {
            return "A ballot got " + most + " acceptances, the " + DuellingPaxos.QUORUM + " its proposer needs: this cycle is not a duel.";
        }
        String s = "No ballot got the " + DuellingPaxos.QUORUM + " acceptances its proposer needs (at most " + most + ").";
        if (refused > 0 && refusedForOther == refused) {
            return s + " Each of the " + refused + " refused accepts reached an acceptor that had already promised the other"
                    + " proposer's higher ballot; the first nack for each ballot sent its proposer to a higher ballot.";
        }
        return s + " Of the " + refused + " refused accepts, " + refusedForOther
                + " reached an acceptor that had already promised the other proposer's higher ballot.";
    }

    /** What the simulated rows say about the adversary's schedule, from how many runs of each row decided. */
    static String delays(List<Integer> decidedPerRow, int runs) {
        if (decidedPerRow.stream().allMatch(d -> d == runs)) {
            return "The lasso shows that the never-deciding schedule exists; in these runs the random delays did not keep to it.";
        }
        int undecided = decidedPerRow.stream().mapToInt(d -> runs - d).sum();
        return "The lasso shows that the never-deciding schedule exists; " + undecided + " of the " + (decidedPerRow.size() * runs)
                + " simulated runs did not decide within the 60 s each was given (which alone does not show that they never would).";
    }

    private static String pct(List<Integer> sorted, int p) {
        if (sorted.isEmpty()) {
            return "-";
        }
        return String.valueOf(sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)));
    }

    private static String mermaid(FlpAdversary.Lasso<State, Msg> lasso) {
        StringBuilder sb = new StringBuilder("sequenceDiagram\n    title ")
                .append(Mermaid.escape("Paxos, two proposers: the duel FLP's adversary found (no crash, no decision)")).append('\n');
        String[] names = {"p0 (proposer, input 0)", "p1 (proposer, input 1)", "p2 (acceptor)", "p3 (acceptor)", "p4 (acceptor)"};
        for (int p = 0; p < names.length; p++) {
            sb.append("    participant p").append(p).append(" as ").append(Mermaid.escape(names[p])).append('\n');
        }
        for (Msg m : lasso.prefixSteps()) {
            arrow(sb, m);
        }
        sb.append("    loop ").append(Mermaid.escape("repeats forever, every ballot +" + lasso.roundShift())).append('\n');
        for (Msg m : lasso.cycleSteps()) {
            arrow(sb, m);
        }
        sb.append("    end\n");
        return sb.toString();
    }

    private static void arrow(StringBuilder sb, Msg m) {
        String s = m.toString();
        sb.append("    p").append(m.from()).append("->>p").append(m.to()).append(": ").append(Mermaid.escape(s.substring(s.indexOf(' ') + 1))).append('\n');
    }
}
