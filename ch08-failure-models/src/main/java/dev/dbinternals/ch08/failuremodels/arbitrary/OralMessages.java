package dev.dbinternals.ch08.failuremodels.arbitrary;

import java.util.ArrayList;
import java.util.List;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

/**
 * Agreement with one arbitrary (Byzantine) process, three processes against four: an
 * enumeration of the smallest case of Lamport, Shostak and Pease's Byzantine Generals problem
 * (1982), with unsigned ("oral") messages.
 *
 * <p>Book: Chapter 8, "Arbitrary Faults" (임의의 장애). A commander sends an order (ATTACK or
 * RETREAT) to the lieutenants; each lieutenant relays what it got to the others, then decides.
 * Required: <b>IC1</b> every loyal lieutenant decides the same order; <b>IC2</b> if the
 * commander is loyal, every loyal lieutenant decides the commander's order. One of the
 * processes (commander or lieutenant) is a traitor that may send anything.
 * <ul>
 *   <li>{@link #everyRuleFailsWithThree()}: with 3 processes, <b>every</b> deterministic
 *       one-round decision rule (all 16 x 16 pairs of rules over what a lieutenant sees) violates IC1 or IC2
 *       for some traitor and some lie. A lieutenant that heard "ATTACK" from the commander and
 *       "the commander said RETREAT" from the other cannot tell a lying commander from a lying
 *       peer.</li>
 *   <li>{@link #majorityWorksWithFour()}: with 4 processes the rule "majority of what I heard"
 *       (OM(1)) satisfies IC1 and IC2 for every traitor and every lie.</li>
 * </ul>
 * What the enumeration covers, exactly: {@code f = 1}, binary orders, one round in which each
 * lieutenant relays the order it got, and deterministic decision rules that depend only on the
 * two values a lieutenant then holds. It illustrates the {@code n >= 3f + 1} bound; it does not
 * prove it. The bound for every protocol (any number of rounds, any deterministic rule) is
 * Lamport, Shostak and Pease's theorem, proved by an indistinguishability (scenario) argument
 * for three processes and a reduction of {@code n <= 3f} to that case; Fischer, Lynch and
 * Merritt (1986) give the general form of the scenario argument. Agreement is a
 * different problem from {@link Tally}'s read voting, which needs only {@code 2f + 1} replicas
 * because the correct replicas already agree. Stateless.
 */
public final class OralMessages {

    public static final int ATTACK = 1;
    public static final int RETREAT = 0;

    /** A run that breaks IC1 or IC2, described for people. */
    public record Violation(String rule, String scenario, String broken) {
        @Override
        public String toString() {
            return rule + ": " + scenario + " -> " + broken;
        }
    }

    /** The result of checking all rule pairs for three processes. */
    public record ThreeResult(int rulePairs, int pairsThatFail, Violation cautiousRuleWitness) {
    }

    /** The result of checking OM(1) with four processes. */
    public record FourResult(int scenarios, List<Violation> violations) {
    }

    private OralMessages() {
    }

    static String order(int v) {
        return v == ATTACK ? "ATTACK" : "RETREAT";
    }

    /**
     * A decision rule for a lieutenant of a 3-process system is a function of (order from the
     * commander, order relayed by the other lieutenant): 4 inputs, so 16 rules, numbered by
     * their truth table: bit {@code 2 * fromCommander + relayed}.
     */
    static int decide(int rule, int fromCommander, int relayed) {
        return (rule >> (2 * fromCommander + relayed)) & 1;
    }

    /** Checks every pair of rules (L1's, L2's) against every traitor and every lie. */
    public static ThreeResult everyRuleFailsWithThree() {
        int failing = 0;
        Violation witness = null;
        // the cautious rule: ATTACK only if the commander and the relay both say ATTACK (a tie goes to RETREAT)
        int majorityRule = 0;
        for (int c = 0; c <= 1; c++) {
            for (int r = 0; r <= 1; r++) {
                if (c == ATTACK && r == ATTACK) {
                    majorityRule |= 1 << (2 * c + r);
                }
            }
        }
        for (int r1 = 0; r1 < 16; r1++) {
            for (int r2 = 0; r2 < 16; r2++) {
                Violation v = firstViolationWithThree(r1, r2);
                if (v != null) {
                    failing++;
                }
                if (r1 == majorityRule && r2 == majorityRule) {
                    witness = v;
                }
            }
        }
        return new ThreeResult(256, failing, witness);
    }

    private static Violation firstViolationWithThree(int rule1, int rule2) {
        String name = t("rules (" + rule1 + ", " + rule2 + ")", "규칙 (" + rule1 + ", " + rule2 + ")");
        // loyal commander, traitor lieutenant: the loyal one must obey (IC2)
        for (int order = 0; order <= 1; order++) {
            for (int lie = 0; lie <= 1; lie++) {
                int l1 = decide(rule1, order, lie); // L2 is the traitor and relays `lie`
                if (l1 != order) {
                    return new Violation(name, t("loyal commander orders " + order(order) + ", traitor L2 relays " + order(lie),
                            "충성스러운 사령관이 " + order(order) + " 명령, 배신자 L2가 " + order(lie) + " 중계"),
                            t("IC2 broken: loyal L1 decides " + order(l1), "IC2 위반: 충성스러운 L1이 " + order(l1) + " 결정"));
                }
                int l2 = decide(rule2, order, lie); // L1 is the traitor
                if (l2 != order) {
                    return new Violation(name, t("loyal commander orders " + order(order) + ", traitor L1 relays " + order(lie),
                            "충성스러운 사령관이 " + order(order) + " 명령, 배신자 L1이 " + order(lie) + " 중계"),
                            t("IC2 broken: loyal L2 decides " + order(l2), "IC2 위반: 충성스러운 L2가 " + order(l2) + " 결정"));
                }
            }
        }
        // traitor commander: sends a1 to L1 and a2 to L2; the loyal lieutenants relay honestly (IC1)
        for (int a1 = 0; a1 <= 1; a1++) {
            for (int a2 = 0; a2 <= 1; a2++) {
                int l1 = decide(rule1, a1, a2);
                int l2 = decide(rule2, a2, a1);
                if (l1 != l2) {
                    return new Violation(name, t("traitor commander tells L1 " + order(a1) + " and L2 " + order(a2),
                            "배신자 사령관이 L1에게 " + order(a1) + ", L2에게 " + order(a2) + " 명령"),
                            t("IC1 broken: L1 decides " + order(l1) + ", L2 decides " + order(l2),
                                    "IC1 위반: L1은 " + order(l1) + ", L2는 " + order(l2) + " 결정"));
                }
            }
        }
        return null;
    }

    /** OM(1) with a commander and three lieutenants: majority of the three values each lieutenant holds. */
    public static FourResult majorityWorksWithFour() {
        List<Violation> violations = new ArrayList<>();
        int scenarios = 0;
        // traitor commander: any order to each lieutenant; lieutenants relay honestly
        for (int bits = 0; bits < 8; bits++) {
            int[] got = {bits & 1, (bits >> 1) & 1, (bits >> 2) & 1};
            int[] decision = new int[3];
            for (int i = 0; i < 3; i++) {
                decision[i] = majority(got[0], got[1], got[2]); // own value + the two relayed ones
            }
            scenarios++;
            if (decision[0] != decision[1] || decision[1] != decision[2]) {
                violations.add(new Violation("OM(1)", "traitor commander sends " + got[0] + got[1] + got[2], "IC1"));
            }
        }
        // loyal commander, one traitor lieutenant t relaying anything to each of the two others
        for (int order = 0; order <= 1; order++) {
            for (int t = 0; t < 3; t++) {
                for (int lies = 0; lies < 4; lies++) {
                    scenarios++;
                    int li = 0;
                    for (int i = 0; i < 3; i++) {
                        if (i == t) {
                            continue;
                        }
                        int lie = (lies >> li++) & 1; // what the traitor tells lieutenant i
                        int other = 3 - t - i;        // the other loyal lieutenant relays the truth
                        int d = majority(order, order, lie);
                        if (d != order) {
                            violations.add(new Violation("OM(1)", "traitor L" + (t + 1) + " lies to L" + (i + 1)
                                    + " (other loyal L" + (other + 1) + ")", "IC2"));
                        }
                    }
                }
            }
        }
        return new FourResult(scenarios, violations);
    }

    static int majority(int a, int b, int c) {
        return a + b + c >= 2 ? ATTACK : RETREAT;
    }
}
