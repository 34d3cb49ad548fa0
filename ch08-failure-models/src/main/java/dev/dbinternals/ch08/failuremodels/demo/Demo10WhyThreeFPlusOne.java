package dev.dbinternals.ch08.failuremodels.demo;

import dev.dbinternals.ch08.failuremodels.arbitrary.OralMessages;
import dev.dbinternals.ch08.failuremodels.arbitrary.OralMessages.FourResult;
import dev.dbinternals.ch08.failuremodels.arbitrary.OralMessages.ThreeResult;
import dev.dbinternals.ch08.harness.demo.DemoArgs;

/**
 * Demo 10: Byzantine agreement with one traitor, three processes against four: every
 * deterministic one-relay-round decision rule enumerated for three, OM(1) checked for four. The
 * smallest case of the {@code n >= 3f + 1} bound, which Lamport, Shostak and Pease (1982) prove
 * for three processes by an indistinguishability argument and for {@code n <= 3f} by reduction
 * to that case; the enumeration illustrates it, it does not prove it.
 *
 * <p>Book: Chapter 8, "Arbitrary Faults" (임의의 장애, 비잔티움 장애 허용). Run:
 * {@code ./ch08 demo ch08-failure-models three-f-plus-one [--quick]}
 */
public final class Demo10WhyThreeFPlusOne {

    private Demo10WhyThreeFPlusOne() {
    }

    public static void main(String[] argv) {
        DemoArgs.forDemo("three-f-plus-one", "Byzantine agreement with one traitor: 3 vs 4 processes, one relay round, every deterministic rule")
                .writesNoFiles().parse(argv);
        DemoArgs.heading(System.out, "A commander and two lieutenants, one of the three a traitor, messages unsigned");
        System.out.println("Each lieutenant hears the commander's order and what the other lieutenant says it heard,");
        System.out.println("then decides. IC1: loyal lieutenants decide alike. IC2: they obey a loyal commander.");
        ThreeResult three = OralMessages.everyRuleFailsWithThree();
        System.out.printf("Decision rules tried: all %d pairs (16 possible rules per lieutenant).%n", three.rulePairs());
        System.out.printf("Pairs that break IC1 or IC2 for some traitor and some lie: %d of %d.%n", three.pairsThatFail(),
                three.rulePairs());
        System.out.println("For example, " + three.cautiousRuleWitness());
        System.out.println("Why no such rule can work: L1 hearing (ATTACK from the commander, 'RETREAT' from L2) cannot tell");
        System.out.println("'the commander is loyal, L2 lies' (IC2: must ATTACK) from 'the commander lies, L2 is loyal'");
        System.out.println("(IC1: must agree with L2, who heard RETREAT and by the same argument must RETREAT).");

        DemoArgs.heading(System.out, "A commander and three lieutenants, one traitor: OM(1), each decides the majority of 3 values");
        FourResult four = OralMessages.majorityWorksWithFour();
        System.out.printf("Scenarios (traitor position x every lie): %d; violations: %d.%n", four.scenarios(),
                four.violations().size());
        System.out.println();
        System.out.println("What this enumerated: f = 1, binary orders, one relay round, deterministic rules over the two");
        System.out.println("values a lieutenant holds. That no protocol at all (more rounds, any rule) lets 3f or fewer");
        System.out.println("processes agree despite f arbitrary ones, with unsigned messages, is Lamport, Shostak and");
        System.out.println("Pease's theorem (1982): the same indistinguishability for three processes, then a reduction of");
        System.out.println("n <= 3f to three, each simulating up to f of the others (see also Fischer, Lynch and Merritt");
        System.out.println("1986); OM(f) with n >= 3f + 1 is their matching algorithm. Demo 9's read vote gets by with");
        System.out.println("2f + 1 because it does not agree on anything: it only filters answers, trusting that the");
        System.out.println("correct replicas already agree. (Signed messages change the synchronous bound, and a");
        System.out.println("quorum-replicated register under concurrent writes needs its own analysis.)");
    }
}
