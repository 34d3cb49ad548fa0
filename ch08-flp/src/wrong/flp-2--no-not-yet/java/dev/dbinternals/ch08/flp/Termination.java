// Wrong solution for flp-2: judges liveness on a prefix, calling every undecided correct process a violation.
package dev.dbinternals.ch08.flp;

public final class Termination {

    private Termination() {
    }

    public enum Verdict { HOLDS, VIOLATED, NOT_YET }

    public static Verdict of(Configuration c) {
        return c.processes().stream().allMatch(p -> p.crashed() || p.decided()) ? Verdict.HOLDS : Verdict.VIOLATED;
    }
}
