package dev.dbinternals.ch08.twogenerals;

import java.util.List;
import java.util.Objects;

/**
 * One global state of the two generals: the plan, what each general has heard, the messengers
 * still on the way, how many were sent, and the decisions (taken once nothing is on the way).
 * An immutable value, as the {@link dev.dbinternals.ch08.harness.explore.Explorer} needs.
 */
public record GeneralsState(Plan plan, List<String> heardByA, List<String> heardByB,
                            List<Messenger> onTheWay, int sent, Decision a, Decision b) {

    public GeneralsState {
        Objects.requireNonNull(plan, "plan");
        heardByA = List.copyOf(heardByA);
        heardByB = List.copyOf(heardByB);
        onTheWay = List.copyOf(onTheWay);
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
    }

    /** True once both generals have decided (no messenger is on the way any more). */
    public boolean decided() {
        return a != Decision.UNDECIDED && b != Decision.UNDECIDED;
    }

    /** The view of general {@code g}: B never sees the plan. */
    public View view(General g) {
        return g == General.A ? new View(g, plan, heardByA) : new View(g, Plan.UNKNOWN, heardByB);
    }

    public Decision decision(General g) {
        return g == General.A ? a : b;
    }

    /**
     * The outcome of a decided state, in words: "both attack", "both retreat",
     * "A attacks alone" or "B attacks alone"; "undecided" before that.
     */
    public String outcome() {
        return outcomeOf(a, b);
    }

    /** The outcome of two decisions in words (see {@link #outcome()}). */
    public static String outcomeOf(Decision a, Decision b) {
        if (a == Decision.UNDECIDED || b == Decision.UNDECIDED) {
            return "undecided";
        }
        if (a == b) {
            return a == Decision.ATTACK ? "both attack" : "both retreat";
        }
        return (a == Decision.ATTACK ? "A" : "B") + " attacks alone";
    }
}
