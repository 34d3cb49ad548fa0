package dev.dbinternals.ch08.failuremodels;

import dev.dbinternals.ch08.failuremodels.OralMessages.FourResult;
import dev.dbinternals.ch08.failuremodels.OralMessages.ThreeResult;
import dev.dbinternals.ch08.harness.demo.DemoArgs;

/**
 * Demo 10: Byzantine agreement with one traitor, checked exhaustively for three and for four
 * processes.
 *
 * <p>Book: Chapter 8, "Arbitrary Faults" (임의의 장애, 비잔티움 장애 허용). Run:
 * {@code ./ch08 demo ch08-failure-models three-f-plus-one [--quick]}
 */
public final class Demo10WhyThreeFPlusOne {

    private Demo10WhyThreeFPlusOne() {
    }

    public static void main(String[] argv) {
        DemoArgs.forDemo("three-f-plus-one", "why agreement with f traitors needs 3f+1 processes (f = 1, exhaustive)").parse(argv);
        DemoArgs.heading(System.out, "A commander and two lieutenants, one of the three a traitor, messages unsigned");
        System.out.println("Each lieutenant hears the commander's order and what the other lieutenant says it heard,");
        System.out.println("then decides. IC1: loyal lieutenants decide alike. IC2: they obey a loyal commander.");
        ThreeResult three = OralMessages.everyRuleFailsWithThree();
        System.out.printf("Decision rules tried: all %d pairs (16 possible rules per lieutenant).%n", three.rulePairs());
        System.out.printf("Pairs that break IC1 or IC2 for some traitor and some lie: %d of %d.%n", three.pairsThatFail(),
                three.rulePairs());
        System.out.println("For example, " + three.cautiousRuleWitness());
        System.out.println("Why no rule can work: L1 hearing (ATTACK from the commander, 'RETREAT' from L2) cannot tell");
        System.out.println("'the commander is loyal, L2 lies' (IC2: must ATTACK) from 'the commander lies, L2 is loyal'");
        System.out.println("(IC1: must agree with L2, who heard RETREAT and by the same argument must RETREAT).");

        DemoArgs.heading(System.out, "A commander and three lieutenants, one traitor: OM(1), each decides the majority of 3 values");
        FourResult four = OralMessages.majorityWorksWithFour();
        System.out.printf("Scenarios (traitor position x every lie): %d; violations: %d.%n", four.scenarios(),
                four.violations().size());
        System.out.println();
        System.out.println("So to agree despite f arbitrary processes, unsigned messages need n >= 3f + 1 (Lamport,");
        System.out.println("Shostak, Pease 1982). Demo 9's read vote gets by with 2f + 1 because it does not agree on");
        System.out.println("anything: it only filters answers, trusting that the correct replicas already agree.");
        System.out.println("(Signed messages change the synchronous bound, and a quorum-replicated register under");
        System.out.println("concurrent writes needs its own analysis: this demo claims only the case it checks.)");
    }
}
