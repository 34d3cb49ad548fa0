package dev.dbinternals.ch08.failuremodels;

import dev.dbinternals.ch08.failuremodels.ByzantineRun.Outcome;
import dev.dbinternals.ch08.failuremodels.ReadClient.Strategy;
import dev.dbinternals.ch08.failuremodels.Replica.Behavior;
import dev.dbinternals.ch08.harness.demo.DemoArgs;
import dev.dbinternals.ch08.harness.demo.Diagrams;
import dev.dbinternals.ch08.harness.sim.Trace;
import dev.dbinternals.ch08.harness.sim.TraceEvent.Kind;
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
        for (Setup s : setups) {
            System.out.println();
            System.out.println(s.title() + ":");
            for (Strategy st : Strategy.values()) {
                Outcome o = ByzantineRun.run(s.replicas(), st, s.f(), queries, args.seed());
                System.out.println("  " + o);
            }
        }
        Outcome picture = ByzantineRun.run(List.of(Behavior.MALICIOUS, Behavior.CORRECT, Behavior.CORRECT), Strategy.VOTE, 1, 2, args.seed());
        Diagrams.write(args.out(), "vote", "Voting over 3 replicas, R1 malicious", picture.sim().trace(),
                Trace.byKind(Kind.SEND, Kind.DELIVER));
        System.out.println();
        System.out.println("Trusting the first reply is only as good as the fastest replica. Waiting for f + 1 replicas");
        System.out.println("that agree masks any f faulty ones, whatever they do (wrong, old, lying, silent), as long as");
        System.out.println("the correct replicas agree with each other: here they compute a deterministic function of");
        System.out.println("the same input. The price: the latency of the (f+1)-th fastest correct reply. With more than");
        System.out.println("f colluding liars the vote itself can be fooled (the last case). Getting replicas to agree in");
        System.out.println("the first place (Byzantine agreement) needs 3f + 1, not 2f + 1 (Lamport, Shostak and Pease");
        System.out.println("1982); demo 10 enumerates its smallest case.");
    }
}
