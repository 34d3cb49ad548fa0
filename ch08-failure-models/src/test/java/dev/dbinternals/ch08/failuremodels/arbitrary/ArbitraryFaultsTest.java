package dev.dbinternals.ch08.failuremodels.arbitrary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbinternals.ch08.failuremodels.arbitrary.ByzantineRun.Outcome;
import dev.dbinternals.ch08.failuremodels.arbitrary.ReadClient.Strategy;
import dev.dbinternals.ch08.failuremodels.arbitrary.Replica.Behavior;
import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.sim.Seeds;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Arbitrary faults (임의의 장애): trusting one reply vs voting")
class ArbitraryFaultsTest {

    private static final Address R1 = Address.of("R1");
    private static final Address R2 = Address.of("R2");
    private static final Address R3 = Address.of("R3");

    @Test
    void shouldDecideOnlyWhenFPlusOneDifferentReplicasAgree() {
        Tally t = new Tally(1);
        assertThat(t.offer(R1, 5)).as("one reply is not enough with f = 1").isEmpty();
        assertThat(t.offer(R1, 5)).as("the same replica again does not count twice").isEmpty();
        assertThat(t.offer(R2, 6)).as("two different values").isEmpty();
        assertThat(t.offer(R3, 5)).as("two different replicas say 5").isEqualTo(OptionalLong.of(5));
    }

    @Test
    void shouldNeverDecideAWrongValueWithAtMostFFaultyRepliesInAnyOrder() {
        // exhaustive for n = 3, f = 1: the faulty replica is any one of the three, answers
        // nothing, the right value, or one of two wrong ones, and replies arrive in any order
        long right = 10;
        long[] faultyAnswers = {-1, right, 11, 12};
        List<Address> rs = List.of(R1, R2, R3);
        int cases = 0;
        for (int faulty = 0; faulty < 3; faulty++) {
            for (long answer : faultyAnswers) {
                for (List<Integer> order : permutations(List.of(0, 1, 2))) {
                    Tally t = new Tally(1);
                    OptionalLong decided = OptionalLong.empty();
                    for (int i : order) {
                        if (i == faulty && answer == -1) {
                            continue; // silent
                        }
                        OptionalLong d = t.offer(rs.get(i), i == faulty ? answer : right);
                        if (decided.isEmpty()) {
                            decided = d;
                        }
                    }
                    cases++;
                    assertThat(decided).as("faulty R%d answering %d, order %s", faulty + 1, answer, order)
                            .isEqualTo(OptionalLong.of(right));
                }
            }
        }
        assertThat(cases).isEqualTo(3 * 4 * 6);
    }

    @Test
    void shouldBeFooledWhenTrustingTheFirstReplyFromAFastLiar() {
        Outcome o = ByzantineRun.run(List.of(Behavior.MALICIOUS, Behavior.CORRECT, Behavior.CORRECT), Strategy.TRUST_FIRST, 1, 30, 1);
        assertThat(o.wrong()).as("queries answered wrongly when trusting the first reply").isEqualTo(30);
    }

    @Test
    void shouldMaskUpToFArbitraryReplicasByVoting() {
        List<List<Behavior>> setups = List.of(
                List.of(Behavior.BUG, Behavior.CORRECT, Behavior.CORRECT),
                List.of(Behavior.VERSION_SKEW, Behavior.CORRECT, Behavior.CORRECT),
                List.of(Behavior.MALICIOUS, Behavior.CORRECT, Behavior.CORRECT),
                List.of(Behavior.SILENT, Behavior.CORRECT, Behavior.CORRECT));
        Seeds.check("voting/f=1", 10, seed -> {
            for (List<Behavior> s : setups) {
                Outcome o = ByzantineRun.run(s, Strategy.VOTE, 1, 30, seed);
                assertThat(o.wrong()).as("wrong decisions with %s", s).isZero();
                assertThat(o.undecided()).as("undecided queries with %s", s).isZero();
            }
            Outcome five = ByzantineRun.run(List.of(Behavior.MALICIOUS, Behavior.MALICIOUS, Behavior.CORRECT,
                    Behavior.CORRECT, Behavior.CORRECT), Strategy.VOTE, 2, 30, seed);
            assertThat(five.correct()).as("5 replicas, 2 colluding liars, f = 2").isEqualTo(30);
        });
    }

    @Test
    void shouldBeFooledByTheVoteWhenMoreThanFReplicasCollude() {
        Outcome o = ByzantineRun.run(List.of(Behavior.MALICIOUS, Behavior.MALICIOUS, Behavior.CORRECT), Strategy.VOTE, 1, 30, 1);
        assertThat(o.wrong()).as("f + 1 colluding liars win a vote sized for f").isEqualTo(30);
    }

    @Test
    void shouldFindEveryDecisionRuleBrokenWithThreeGeneralsAndNoneWithFour() {
        OralMessages.ThreeResult three = OralMessages.everyRuleFailsWithThree();
        assertThat(three.pairsThatFail()).as("rule pairs that break IC1 or IC2 with n = 3, f = 1").isEqualTo(256);
        OralMessages.FourResult four = OralMessages.majorityWorksWithFour();
        assertThat(four.scenarios()).as("traitor positions x lies checked with n = 4").isEqualTo(32);
        assertThat(four.violations()).as("violations of OM(1) with n = 4, f = 1").isEmpty();
    }

    static List<List<Integer>> permutations(List<Integer> items) {
        if (items.isEmpty()) {
            return List.of(List.of());
        }
        List<List<Integer>> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            List<Integer> rest = new ArrayList<>(items);
            Integer head = rest.remove(i);
            for (List<Integer> p : permutations(rest)) {
                List<Integer> l = new ArrayList<>();
                l.add(head);
                l.addAll(p);
                out.add(l);
            }
        }
        return out;
    }
}
