// Wrong solution for flp-2: delegates to the module's ConsensusProperties.termination, which judges a finished run and never says "not yet".
package dev.dbinternals.ch08.flp;

public final class Termination {

    private Termination() {
    }

    public enum Verdict { HOLDS, VIOLATED, NOT_YET }

    public static Verdict of(Configuration c) {
        return ConsensusProperties.termination(c.outcome()).holds() ? Verdict.HOLDS : Verdict.VIOLATED;
    }
}
