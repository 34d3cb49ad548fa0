package dev.dbinternals.ch08.failuremodels.demo;

import dev.dbinternals.ch08.failuremodels.arbitrary.ByzantineRun;
import dev.dbinternals.ch08.failuremodels.arbitrary.ByzantineRun.Outcome;
import dev.dbinternals.ch08.failuremodels.arbitrary.ReadClient.Strategy;
import dev.dbinternals.ch08.failuremodels.arbitrary.Replica.Behavior;
import dev.dbinternals.ch08.harness.demo.DemoArgs;
import dev.dbinternals.ch08.harness.demo.Diagrams;
import dev.dbinternals.ch08.harness.sim.Trace;
import dev.dbinternals.ch08.harness.sim.TraceEvent.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Demo 9: replicas that answer wrongly (a bug, version skew, malice), a client that trusts the
 * first answer, and one that waits for {@code f + 1} matching answers.
 *
 * <p>Book: Chapter 8, "Arbitrary Faults" (임의의 장애). Run:
 * {@code ./ch08 demo ch08-failure-models arbitrary-faults [--quick]}
 */
public final class Demo09ArbitraryFaults {

    private Demo09ArbitraryFaults() {
    }

    record Setup(String title, List<Behavior> replicas, int f) {
    }

    public static void main(String[] argv) {
        DemoArgs args = DemoArgs.forDemo("arbitrary-faults", "trusting one reply vs voting over 2f+1 replicas").parse(argv);
        int queries = args.quick() ? 100 : 400;
        DemoArgs.heading(System.out, queries + " queries; correct answer x*x+7; faulty replicas answer first (1 ms links, correct ones 2..8 ms)");
        List<Setup> setups = List.of(
                new Setup("3 replicas, 1 with a bug (wrong for every third x)", List.of(Behavior.BUG, Behavior.CORRECT, Behavior.CORRECT), 1),
                new Setup("3 replicas, 1 on the old version (x*x)", List.of(Behavior.VERSION_SKEW, Behavior.CORRECT, Behavior.CORRECT), 1),
                new Setup("3 replicas, 1 malicious", List.of(Behavior.MALICIOUS, Behavior.CORRECT, Behavior.CORRECT), 1),
                new Setup("3 replicas, 1 silent (crashed)", List.of(Behavior.SILENT, Behavior.CORRECT, Behavior.CORRECT), 1),
                new Setup("5 replicas, 2 malicious and colluding", List.of(Behavior.MALICIOUS, Behavior.MALICIOUS,
                        Behavior.CORRECT, Behavior.CORRECT, Behavior.CORRECT), 2),
                new Setup("3 replicas, 2 colluding: more than f = 1", List.of(Behavior.MALICIOUS, Behavior.MALICIOUS,
                        Behavior.CORRECT), 1));
        List<Outcome> outcomes = new ArrayList<>();
        for (Setup s : setups) {
            System.out.println();
            System.out.println(s.title() + ":");
            for (Strategy st : Strategy.values()) {
                Outcome o = ByzantineRun.run(s.replicas(), st, s.f(), queries, args.seed());
                outcomes.add(o);
                System.out.println("  " + o);
            }
        }
        Outcome picture = ByzantineRun.run(List.of(Behavior.MALICIOUS, Behavior.CORRECT, Behavior.CORRECT), Strategy.VOTE, 1, 2, args.seed());
        Diagrams.write(args.out(), "vote", "Voting over 3 replicas, R1 malicious", picture.sim().trace(),
                Trace.byKind(Kind.SEND, Kind.DELIVER));
        System.out.println();
        narration(outcomes).forEach(System.out::println);
    }

    /** At most {@code f} of the replicas misbehave (any behaviour but CORRECT). */
    static boolean withinF(Outcome o) {
        return o.replicas().stream().filter(b -> b != Behavior.CORRECT).count() <= o.f();
    }

    /** The closing lines, computed from every setup's outcomes. */
    static List<String> narration(List<Outcome> outcomes) {
        List<String> lines = new ArrayList<>();
        int queries = 0;
        int trustWrong = 0;
        int voteWrongWithinF = 0;
        int voteUndecidedWithinF = 0;
        int voteWrongBeyondF = 0;
        int beyondFQueries = 0;
        double trustMin = Double.MAX_VALUE;
        double trustMax = 0;
        double voteMin = Double.MAX_VALUE;
        double voteMax = 0;
        for (Outcome o : outcomes) {
            int n = o.correct() + o.wrong() + o.undecided();
            queries = Math.max(queries, n);
            if (o.strategy() == Strategy.TRUST_FIRST) {
                trustWrong = Math.max(trustWrong, o.wrong());
                if (withinF(o) && !Double.isNaN(o.meanLatencyMillis())) {
                    trustMin = Math.min(trustMin, o.meanLatencyMillis());
                    trustMax = Math.max(trustMax, o.meanLatencyMillis());
                }
            } else if (withinF(o)) {
                voteWrongWithinF += o.wrong();
                voteUndecidedWithinF += o.undecided();
                if (!Double.isNaN(o.meanLatencyMillis())) {
                    voteMin = Math.min(voteMin, o.meanLatencyMillis());
                    voteMax = Math.max(voteMax, o.meanLatencyMillis());
                }
            } else {
                voteWrongBeyondF += o.wrong();
                beyondFQueries += n;
            }
        }
        lines.add(String.format("Trusting the first reply is only as good as the fastest replica: here it was wrong on up to %d", trustWrong));
        lines.add(String.format("of %d queries. Waiting for f + 1 replicas that agree %s, with at most", queries,
                voteWrongWithinF == 0 && voteUndecidedWithinF == 0 ? "was right on every query"
                        : String.format("was wrong %d times and undecided %d times", voteWrongWithinF, voteUndecidedWithinF)));
        lines.add("f faulty replicas, whatever they did (wrong, old, lying, silent). That masking holds only as long");
        lines.add("as the correct replicas agree with each other: here they compute a deterministic function of the");
        lines.add("same input. The price is the wait for f + 1 matching replies, at most the (f+1)-th fastest");
        lines.add(String.format("correct one: a mean of %.1f to %.1f ms, against %.1f to %.1f ms for trusting the first.",
                voteMin, voteMax, trustMin, trustMax));
        if (beyondFQueries > 0) {
            lines.add(voteWrongBeyondF > 0
                    ? String.format("With more than f colluding liars the vote itself was fooled on %d of %d queries.",
                            voteWrongBeyondF, beyondFQueries)
                    : "With more than f colluding liars the vote can be fooled, though it was not in this run.");
        }
        lines.add("Getting replicas to agree in the first place (Byzantine agreement) with unsigned messages needs");
        lines.add("3f + 1 processes, not 2f + 1 (Lamport, Shostak and Pease 1982); demo 10 enumerates its smallest case.");
        return lines;
    }
}
