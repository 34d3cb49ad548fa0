package dev.dbinternals.ch08.twogenerals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TwoGeneralsModelTest {

    @ParameterizedTest(name = "k = {0}")
    @ValueSource(ints = {0, 1, 2, 3, 4, 7})
    void shouldFindExactlyOneDisagreeingRunForEveryNumberOfAckRounds(int k) {
        // given the chain "attack at dawn", "ack 1", ..., "ack k" over a link that may lose any messenger
        var protocol = new AckRounds(k);

        // when every loss pattern is explored
        var report = TwoGeneralsChecker.exhaustive(protocol);

        // then (by hand) the run ends at the first capture, or after all k+1 messengers arrive:
        // 2(k+1)+1 states, k+2 runs, exactly one of which is the lonely attack
        assertThat(report.attackRuns().stateCount()).as("states under plan ATTACK").isEqualTo(2 * k + 3);
        assertThat(report.outcomesUnderAttack().get("both attack").executions()).isEqualTo(1);
        String alone = (k % 2 == 0 ? "A" : "B") + " attacks alone";
        assertThat(report.outcomesUnderAttack().get(alone).executions()).as(alone).isEqualTo(1);
        long retreats = report.outcomesUnderAttack().containsKey("both retreat")
                ? report.outcomesUnderAttack().get("both retreat").executions() : 0;
        assertThat(retreats).as("runs in which both retreat").isEqualTo(k);
        assertThat(report.agreement()).isFalse();
        assertThat(report.validity()).isTrue();
        assertThat(report.nonTrivial()).isTrue();
    }

    @ParameterizedTest(name = "k = {0}")
    @ValueSource(ints = {0, 1, 2, 3})
    void shouldReportTheLastMessengerCapturedAsTheShortestCounterexample(int k) {
        // given AckRounds(k)
        var report = TwoGeneralsChecker.exhaustive(new AckRounds(k));

        // when we read the shortest agreement violation
        List<String> path = report.agreementViolation().orElseThrow().path();

        // then it delivers messengers #1..#k and loses #(k+1): k+1 steps
        assertThat(path).hasSize(k + 1);
        for (int i = 1; i <= k; i++) {
            assertThat(path.get(i - 1)).startsWith("deliver #" + i + " ");
        }
        assertThat(path.get(k)).startsWith("lose #" + (k + 1) + " ");
    }

    @Test
    void shouldKeepAgreementButLoseNonTrivialityWhenNobodyEverAttacks() {
        // given the "safe" protocol
        var report = TwoGeneralsChecker.exhaustive(new NeverAttack());

        // then agreement and validity hold in every run, and it is useless
        assertThat(report.agreement()).isTrue();
        assertThat(report.validity()).isTrue();
        assertThat(report.nonTrivial()).as("both attack when no messenger is lost").isFalse();
        assertThat(report.outcomesUnderAttack()).containsOnlyKeys("both retreat");
    }

    @Test
    void shouldBreakValidityWhenBAttacksWithoutHearingThePlan() {
        // given B attacking regardless
        var report = TwoGeneralsChecker.exhaustive(new AttackRegardless());

        // then agreement holds under plan ATTACK, but under RETREAT B attacks alone
        assertThat(report.attackRuns().violations()).isEmpty();
        assertThat(report.validity()).isFalse();
        assertThat(report.validityViolation().orElseThrow().state().outcome()).isEqualTo("B attacks alone");
    }

    @Test
    void shouldExploreEveryOrderAndLossOfRedundantMessengers() {
        // given three messengers with the same order, which may overtake each other
        var report = TwoGeneralsChecker.exhaustive(new RedundantMessengers(3));

        // then: 20 states (sum over j messengers still on the way of C(3,j) * (4-j) heard counts),
        // 3! orders * 2^3 loss patterns = 48 runs, and A is alone only when all three are lost (3! runs)
        assertThat(report.attackRuns().stateCount()).isEqualTo(20);
        long total = report.outcomesUnderAttack().values().stream().mapToLong(o -> o.executions()).sum();
        assertThat(total).isEqualTo(48);
        assertThat(report.outcomesUnderAttack().get("A attacks alone").executions()).isEqualTo(6);
        assertThat(report.agreementViolation().orElseThrow().path()).hasSize(3).allMatch(l -> l.startsWith("lose"));
    }

    @ParameterizedTest(name = "r = {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void shouldCountTheStatesAndTransitionsOfRedundantMessengersAsTheClosedFormSays(int r) {
        // given r copies of the order, explored under plan ATTACK as the benchmark does
        var result = new TwoGeneralsModel(new RedundantMessengers(r)).explorer(Plan.ATTACK)
                .invariant("agreement", s -> !s.decided() || s.a() == s.b())
                .explore();

        // then (by hand) a state is a set of j messengers still on the way and how many of the
        // other r - j arrived: sum_j C(r,j) (r-j+1) = (r+2) 2^(r-1) states; each messenger on the
        // way arrives or is lost: sum_j C(r,j) (r-j+1) 2j = r(r+1) 2^(r-1) transitions
        // (48 and 160 at r = 4, 1,280 and 9,216 at r = 8: the README's benchmark figures)
        assertThat(result.stateCount()).isEqualTo((r + 2) << (r - 1));
        assertThat(result.transitionCount()).isEqualTo((long) r * (r + 1) << (r - 1));
    }

    @Test
    void shouldRefuseAProtocolThatNeverStopsSendingMessengers() {
        // given a protocol that answers every messenger forever
        MessengerProtocol chatty = new MessengerProtocol() {
            public String name() { return "Chatty"; }
            public List<String> send(View v) { return v.self() == General.A && v.count() == 0 || v.count() > 0 ? List.of("again") : List.of(); }
            public boolean attacks(View v) { return true; }
        };

        // then the model stops with a clear message instead of running out of memory
        assertThatThrownBy(() -> TwoGeneralsChecker.exhaustive(chatty))
                .hasMessageContaining("more than " + TwoGeneralsModel.MAX_MESSENGERS + " messengers");
    }

    @Test
    void shouldNotLetGeneralBKnowThePlanInAdvance() {
        assertThatThrownBy(() -> new View(General.B, Plan.ATTACK, List.of()))
                .hasMessageContaining("cannot know the plan");
    }

    @Test
    void shouldDrawCapturedMessengersAsCrossesInTheDiagram() {
        // given the shortest counterexample of AckRounds(1)
        var model = new TwoGeneralsModel(new AckRounds(1));
        var report = TwoGeneralsChecker.exhaustive(model.protocol());
        Run run = Run.fromPath(model, Plan.ATTACK, report.agreementViolation().orElseThrow().path());

        // when rendered
        String mermaid = run.toMermaid("k = 1");

        // then the order arrives, the acknowledgement is captured, and B attacks alone; '#' is
        // written as Mermaid's entity #35; so the reader sees "#1" instead of an empty label
        assertThat(mermaid).startsWith("sequenceDiagram")
                .contains("A->>B: #35;1 attack at dawn")
                .contains("B-xA: #35;2 ack 1 (captured)")
                .contains("Note over B: ATTACK");
        assertThat(run.summary()).isEqualTo("deliver #1, lose #2 → B attacks alone");
    }
}
