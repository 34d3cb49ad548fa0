// Wrong solution for flp-2: the notes' version, in which every process, crashed or not, must decide.
package dev.dbinternals.ch08.flp;

public final class Termination {

    private Termination() {
    }

    public enum Verdict { HOLDS, VIOLATED, NOT_YET }

    public static Verdict of(Configuration c) {
        if (c.processes().stream().allMatch(ProcessState::decided)) {
            return Verdict.HOLDS;
        }
        boolean canGoOn = c.processes().stream().anyMatch(p -> !p.crashed() && !p.outbox().isEmpty())
                || c.inFlight().stream().anyMatch(m -> !c.process(m.to()).crashed());
        return canGoOn ? Verdict.NOT_YET : Verdict.VIOLATED;
    }
}
