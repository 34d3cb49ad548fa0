package dev.dbinternals.ch08.flp;

import dev.dbinternals.ch08.flp.BenOrWithoutCoin.Local;
import dev.dbinternals.ch08.flp.BenOrWithoutCoin.Msg;
import dev.dbinternals.ch08.harness.demo.DemoArgs;
import dev.dbinternals.ch08.harness.demo.Diagrams;
import dev.dbinternals.ch08.harness.render.Mermaid;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Demo 6 of FLP impossibility (FLP 불가능성 이론): the run FLP's proof builds, built. For
 * {@link BenOrWithoutCoin} (never waits for more than n - 1 processes, keeps agreement), the
 * {@link FlpAdversary} takes Lemma 2's bivalent initial configuration and applies Lemma 3 stage
 * after stage to the oldest message in flight, until the stages repeat: a lasso with no crash, in
 * which every process takes steps, every message is delivered and nobody decides. The checks are
 * computed by replaying the lasso. Then the same construction where it stops, naming the property
 * the protocol gives up: {@link FirstProposalWins} (Lemma 3 fails: nobody decides without the
 * coordinator) and two variants of Ben-Or (no initial configuration certified bivalent; unsafe).
 *
 * <p>Run: {@code ./ch08 demo flp never-decides}. Writes {@code never-decides.mmd}, the lasso as a
 * Mermaid sequence diagram with the cycle in a loop box, and the harness's drawings of the prefix
 * and two turns of the cycle replayed on the simulation ({@code never-decides-run.html}, {@code .md},
 * {@code .txt}; see {@link LassoTrace}).
 */
public final class Demo06NeverDecides {

    public static void main(String[] args) throws IOException {
        DemoArgs a = DemoArgs.forDemo("flp-never-decides",
                "FLP's adversary builds a run with no crash that never decides: a lasso, checked for fairness and bivalence")
                .intOption("budget", 3000, 100, 200_000, "configurations the search for each Lemma 3 schedule may visit")
                .parse(args);
        PrintStream out = System.out;
        BenOrWithoutCoin protocol = new BenOrWithoutCoin(3);
        FlpAdversary<Local, Msg> adversary = new FlpAdversary<>(protocol, a.intValue("budget"));
        out.println("Protocol: Ben-Or (1983) for crash faults, n = 3, t = 1, with its coin replaced by 'take 0'.");
        out.println("Each round: report x, wait for 2 reports (own included), propose v if 2 reported v, else '?';");
        out.println("wait for 2 proposals; 2 proposals of v: decide v; one: x := v; none: x := 0. It never waits for");
        out.println("all three, so no single crash blocks it, and it keeps agreement. FLP says some run never decides.");
        out.println("Model: the paper's. A step = one process receives one message, changes state and sends, at once;");
        out.println("no crash steps. A configuration counts as bivalent only when random runs from it (seeded)");
        out.println("were found deciding 0 and deciding 1.");

        FlpAdversary.Result<Local, Msg> result = adversary.build(100);
        FlpAdversary.Lemma2 l2 = result.lemma2().orElseThrow();
        DemoArgs.heading(out, "Lemma 2: a bivalent initial configuration");
        for (int i = 0; i < l2.chain().size(); i++) {
            out.printf("  inputs %s  %s%n", l2.chain().get(i), FlpAdversary.met(l2.valences().get(i)));
        }
        FlpAdversary.Lasso<Local, Msg> lasso = result.lasso().orElseThrow(() -> new IllegalStateException(
                "no lasso: " + result.stop().map(FlpAdversary.Stop::reason).orElse("?")));
        out.println("  the run starts from " + lasso.inputs());

        DemoArgs.heading(out, "Lemma 3, stage by stage: e = the oldest message in flight");
        List<FlpAdversary.Stage<Msg>> stages = new java.util.ArrayList<>(lasso.prefix());
        stages.addAll(lasso.cycle());
        int delayed = 0;
        for (int i = 0; i < stages.size(); i++) {
            var st = stages.get(i);
            List<Msg> before = st.schedule().subList(0, st.schedule().size() - 1);
            if (!before.isEmpty()) {
                delayed++;
            }
            out.printf("  %-6s %2d  e = %-26s %s%n", i < lasso.prefix().size() ? "prefix" : "cycle", i + 1, st.due(),
                    before.isEmpty() ? "delivered at once: still bivalent"
                            : "delayed behind " + before.stream().map(Msg::toString).collect(Collectors.joining(", ")));
        }
        out.println("  " + delayed + " of " + stages.size() + " stages had to deliver other messages before e to stay bivalent.");

        DemoArgs.heading(out, "The lasso: a prefix, then a cycle that repeats forever");
        List<FlpAdversary.Config<Local, Msg>> pre = adversary.replay(lasso.start(), lasso.prefixSteps());
        FlpAdversary.Config<Local, Msg> cycleStart = pre.get(pre.size() - 1);
        out.println("  prefix (" + lasso.prefixSteps().size() + " steps): " + join(lasso.prefixSteps()));
        out.println("  cycle  (" + lasso.cycleSteps().size() + " steps): " + join(lasso.cycleSteps()));
        out.println("  then the cycle again with every round number " + lasso.roundShift() + " higher, forever.");
        out.println("  at the start of each cycle: round " + adversary.minRound(cycleStart) + " (+" + lasso.roundShift()
                + " each time), estimates x = " + java.util.stream.IntStream.range(0, cycleStart.processes().size())
                .mapToObj(p -> "p" + p + "=" + cycleStart.processes().get(p).x()).collect(Collectors.joining(", ")));

        var checks = adversary.check(lasso);
        DemoArgs.heading(out, "Checks, computed by replaying the lasso");
        out.println("  the cycle closes (replayed twice, it ends where it began, rounds +" + lasso.roundShift() + " each time): "
                + yes(checks.closes()));
        out.println("  crash steps: none (the model has none)");
        out.println("  messages received per process in one cycle: "
                + join(java.util.stream.IntStream.range(0, protocol.n()).mapToObj(p -> "p" + p + " " + checks.stepsPerProcess().get(p)).toList()));
        out.println("  messages in flight when the cycle starts: " + checks.pendingAtCycleStart().size()
                + ", delivered within the cycle: " + (checks.pendingAtCycleStart().size() - checks.undeliveredInCycle().size()));
        out.println("  configurations on prefix and cycle: " + checks.configurations() + ", certified bivalent: "
                + checks.bivalent() + ", holding a decision: " + checks.decided());
        out.println("  fair (every process steps in the cycle, every message pending at its start is delivered in it): "
                + yes(checks.fair()));
        narrate(out, adversary, cycleStart, lasso);

        DemoArgs.heading(out, "Where the construction stops, and what the protocol gives up");
        stop(out, new AtomicSteps(new FirstProposalWins(), 3), a.intValue("budget"));
        stop(out, BenOrWithoutCoin.waitingForAll(3), a.intValue("budget"));
        stop(out, BenOrWithoutCoin.decidingOnOneProposal(3), a.intValue("budget"));

        out.println();
        Demo02Bivalence.wrap(out, "", conclusion(lasso.inputs(), checks));

        Files.createDirectories(a.out());
        Path file = a.out().resolve("never-decides.mmd");
        Files.writeString(file, mermaid(lasso, protocol), StandardCharsets.UTF_8);
        out.println();
        out.println("wrote " + file + "  (the lasso, the cycle in a loop box)");
        // the harness's own drawing: the prefix and the cycle twice, one step per millisecond
        Diagrams.write(a.out(), "never-decides-run", "Ben-Or without its coin: prefix and two turns of the cycle (1 step = 1 ms)",
                LassoTrace.of(adversary, lasso, 2), e -> true);
    }

    /** The closing paragraph: what the lasso shows if every check passed, else which checks failed. */
    static String conclusion(String inputs, FlpAdversary.Checks<?> checks) {
        List<String> failed = new java.util.ArrayList<>();
        if (!checks.closes()) {
            failed.add("the cycle does not close");
        }
        if (!checks.fair()) {
            failed.add("the run is not fair (some process takes no step in the cycle, or a message pending at its start is not delivered)");
        }
        if (checks.decided() > 0) {
            failed.add(checks.decided() + " configurations hold a decision");
        }
        if (!failed.isEmpty()) {
            return "What this shows: nothing yet. The lasso is not a run that never decides: " + String.join("; ", failed) + ".";
        }
        return "What this shows: for this protocol, from inputs " + inputs
                + ", in this model, an admissible run exists in which nobody crashes, every message is delivered, every process"
                + " keeps taking steps, and nobody ever decides; it was found by the method of FLP's proof (Lemmas 2 and 3). It"
                + " is a witness for one protocol, not a proof for every protocol: that is FLP's theorem. The adversary"
                + " chose only the order of deliveries; whether random delays would ever produce this run is another"
                + " question, which this demo does not measure.";
    }

    /** Who has decided at the end of the cycle, from the decisions mask ({@link FlpAdversary#decisions}). */
    static String decidedAtEnd(int mask) {
        return switch (mask) {
            case 0 -> "nobody has decided";
            case 1 -> "some process has decided 0";
            case 2 -> "some process has decided 1";
            default -> "processes have decided 0 and 1";
        };
    }

    /** Runs the construction on {@code protocol} and prints where it stopped and why. */
    private static <S, M extends Comparable<M>> void stop(PrintStream out, RoundProtocol<S, M> protocol, int budget) {
        var r = new FlpAdversary<>(protocol, budget).build(100);
        out.println("  " + protocol.name() + r.lemma2().flatMap(FlpAdversary.Lemma2::bivalent).map(in -> " (from " + in + ")").orElse("") + ":");
        r.stop().ifPresent(s -> {
            Demo02Bivalence.wrap(out, "    ", s.reason() + ".");
            if (s.due().isPresent()) {
                out.println("    (the construction had taken " + s.run().size() + " steps)");
            }
            if (!s.run().isEmpty()) {
                Demo02Bivalence.wrap(out, "    ", "the run: " + join(s.run()));
            }
        });
        r.lasso().ifPresent(l -> out.println("    a lasso of " + l.cycleSteps().size() + " steps per cycle"));
    }

    /** What happens in one round of the cycle, read from the run's configurations. */
    private static void narrate(PrintStream out, FlpAdversary<Local, Msg> adversary, FlpAdversary.Config<Local, Msg> cycleStart, FlpAdversary.Lasso<Local, Msg> lasso) {
        List<FlpAdversary.Config<Local, Msg>> once = adversary.replay(cycleStart, lasso.cycleSteps());
        StringBuilder sb = new StringBuilder("In the cycle: ");
        for (int i = 0; i < lasso.cycleSteps().size(); i++) {
            Msg m = lasso.cycleSteps().get(i);
            var before = once.get(i).processes().get(m.to());
            var after = once.get(i + 1).processes().get(m.to());
            if (after.round() != before.round() || after.phase() != before.phase()) {
                sb.append("p").append(m.to()).append(after.phase() == 2
                        ? " has 2 reports and proposes " + proposal(once.get(i + 1), m.to()) + "; "
                        : " has 2 proposals (" + values(before.got(), m.value()) + ") and goes to round " + after.round()
                        + " with x = " + after.x() + "; ");
            }
        }
        FlpAdversary.Config<Local, Msg> end = once.get(once.size() - 1);
        sb.append("at the end of the cycle the estimates are ").append(java.util.stream.IntStream.range(0, end.processes().size())
                .mapToObj(p -> "p" + p + "=" + end.processes().get(p).x()).collect(Collectors.joining(", ")))
                .append(" in round ").append(adversary.minRound(end)).append(", and ").append(decidedAtEnd(adversary.decisions(end))).append('.');
        out.println();
        Demo02Bivalence.wrap(out, "  ", sb.toString());
    }

    private static String proposal(FlpAdversary.Config<Local, Msg> c, int p) {
        return c.buffer().stream().filter(m -> m.from() == p && m.phase() == 2 && m.round() == c.processes().get(p).round())
                .findFirst().map(m -> m.value() == BenOrWithoutCoin.NO_VALUE ? "?" : String.valueOf(m.value())).orElse("?");
    }

    private static String values(List<Integer> got, int last) {
        List<Integer> all = new java.util.ArrayList<>(got);
        all.add(last);
        return all.stream().map(v -> v == BenOrWithoutCoin.NO_VALUE ? "?" : String.valueOf(v)).collect(Collectors.joining(", "));
    }

    static String mermaid(FlpAdversary.Lasso<Local, Msg> lasso, BenOrWithoutCoin protocol) {
        StringBuilder sb = new StringBuilder("sequenceDiagram\n");
        sb.append("    title ").append(Mermaid.escape(protocol.name() + " from inputs " + lasso.inputs()
                + ": FLP's run, no crash, no decision")).append('\n');
        for (int p = 0; p < protocol.n(); p++) {
            sb.append("    participant p").append(p).append(" as p").append(p).append(" (input ").append(lasso.inputs().charAt(p)).append(")\n");
        }
        for (Msg m : lasso.prefixSteps()) {
            arrow(sb, m);
        }
        sb.append("    loop ").append(Mermaid.escape("cycle: repeats forever, every round +" + lasso.roundShift())).append('\n');
        for (Msg m : lasso.cycleSteps()) {
            arrow(sb, m);
        }
        sb.append("    end\n");
        return sb.toString();
    }

    private static void arrow(StringBuilder sb, Msg m) {
        sb.append("    p").append(m.from()).append("->>p").append(m.to()).append(": ")
                .append(Mermaid.escape(m.toString().substring(m.toString().indexOf(' ') + 1))).append('\n');
    }

    private static String join(List<?> items) {
        return items.stream().map(Object::toString).collect(Collectors.joining(" · "));
    }

    private static String yes(boolean b) {
        return b ? "yes" : "NO";
    }
}
