package dev.dbinternals.ch08.flp;

/**
 * Exercise flp-2, reference solution: termination is about the <em>correct</em> (non-crashed)
 * processes only. Once all of them decided it holds for good (a decision is final, and a process
 * that crashes later need not decide). Otherwise it is broken only when no step can happen any
 * more: no live process has a message to send and no message in flight is addressed to a live
 * process.
 */
public final class Termination {

    private Termination() {
    }

    public enum Verdict { HOLDS, VIOLATED, NOT_YET }

    public static Verdict of(Configuration c) {
        boolean everyCorrectDecided = c.processes().stream().allMatch(p -> p.crashed() || p.decided());
        if (everyCorrectDecided) {
            return Verdict.HOLDS;
        }
        boolean canGoOn = c.processes().stream().anyMatch(p -> !p.crashed() && !p.outbox().isEmpty())
                || c.inFlight().stream().anyMatch(m -> !c.process(m.to()).crashed());
        return canGoOn ? Verdict.NOT_YET : Verdict.VIOLATED;
    }
}
