package dev.dbinternals.ch08.twogenerals;

import dev.dbinternals.ch08.harness.explore.Explorer;
import dev.dbinternals.ch08.harness.explore.Explorer.OutcomeCount;
import dev.dbinternals.ch08.harness.explore.Explorer.Violation;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Checks a {@link MessengerProtocol} against the three properties of the Two Generals'
 * Problem by exploring every run: every messenger arrives or is captured, in every order.
 *
 * <p>Book: Chapter 8, "Two Generals' Problem" (두 장군 문제). Properties:
 * <ul>
 *   <li><b>agreement</b>: in every decided state, both generals decided the same;</li>
 *   <li><b>validity</b>: with plan RETREAT, nobody attacks;</li>
 *   <li><b>non-triviality</b>: with plan ATTACK, the run in which no messenger is captured ends with both attacking.</li>
 * </ul>
 * Violations come with the shortest run that shows them (breadth-first search). Thread-safe.
 */
public final class TwoGeneralsChecker {

    /**
     * The agreement invariant for the explorer: a decided state where the generals disagree violates it.
     * Private because it is exercise tg-1's answer.
     */
    private static final Predicate<GeneralsState> AGREEMENT = s -> !s.decided() || s.a() == s.b();

    /** The validity invariant: with plan RETREAT nobody attacks. */
    private static final Predicate<GeneralsState> VALIDITY =
            s -> s.plan() != Plan.RETREAT || (s.a() != Decision.ATTACK && s.b() != Decision.ATTACK);

    private TwoGeneralsChecker() {
    }

    /** What the exhaustive search found for one protocol. Immutable. */
    public record Report(String protocol,
                         Explorer.Result<GeneralsState> attackRuns,
                         Explorer.Result<GeneralsState> retreatRuns,
                         Map<String, OutcomeCount> outcomesUnderAttack,
                         Optional<Violation<GeneralsState>> agreementViolation,
                         Optional<Violation<GeneralsState>> validityViolation,
                         boolean nonTrivial) {

        public boolean agreement() {
            return agreementViolation.isEmpty();
        }

        public boolean validity() {
            return validityViolation.isEmpty();
        }

        /** States explored under both plans. */
        public int stateCount() {
            return attackRuns.stateCount() + retreatRuns.stateCount();
        }
    }

    /** Explores every run of {@code protocol} under both plans. */
    public static Report exhaustive(MessengerProtocol protocol) {
        TwoGeneralsModel model = new TwoGeneralsModel(protocol);
        var attack = model.explorer(Plan.ATTACK)
                .invariant("agreement", AGREEMENT)
                .explore();
        var retreat = model.explorer(Plan.RETREAT)
                .invariant("agreement", AGREEMENT)
                .invariant("validity", VALIDITY)
                .explore();
        Optional<Violation<GeneralsState>> agreement = attack.violations().stream().findFirst()
                .or(() -> retreat.violations().stream().filter(v -> v.invariant().equals("agreement")).findFirst());
        Optional<Violation<GeneralsState>> validity = retreat.violations().stream()
                .filter(v -> v.invariant().equals("validity")).findFirst();
        // the run with no capture is the terminal state in which every messenger sent was heard
        boolean nonTrivial = attack.terminalStates().stream()
                .filter(s -> s.heardByA().size() + s.heardByB().size() == s.sent())
                .allMatch(s -> s.a() == Decision.ATTACK && s.b() == Decision.ATTACK);
        Map<String, OutcomeCount> outcomes = attack.countExecutionsByOutcome(GeneralsState::outcome);
        return new Report(protocol.name(), attack, retreat, outcomes, agreement, validity, nonTrivial);
    }
}
