package dev.dbinternals.ch08.links.check;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

import java.util.List;

/**
 * The verdict of one property checker over one history: the property's name and every
 * violation found, each naming the message and what went wrong. Immutable.
 */
public record CheckResult(String property, List<String> violations) {

    public CheckResult {
        violations = List.copyOf(violations);
    }

    public boolean holds() {
        return violations.isEmpty();
    }

    /** Throws {@link AssertionError} naming the property and the first violations, unless it holds. */
    public CheckResult orThrow() {
        if (!holds()) {
            throw new AssertionError(this.toString());
        }
        return this;
    }

    @Override
    public String toString() {
        if (holds()) {
            return property + t(": holds", ": 성립");
        }
        List<String> first = violations.subList(0, Math.min(5, violations.size()));
        return property + t(": VIOLATED " + violations.size() + " time(s), e.g. ", ": 위반 " + violations.size() + "건, 예: ") + String.join("; ", first);
    }
}
