// Wrong solution for flp-2: any message in flight means the run can go on, even one addressed to a crashed process.
package dev.dbinternals.ch08.flp;

public final class Termination {

    private Termination() {
    }

    public enum Verdict { HOLDS, VIOLATED, NOT_YET }

    public static Verdict of(Configuration c) {
        if (c.processes().stream().allMatch(p -> p.crashed() || p.decided())) {
            return Verdict.HOLDS;
        }
        boolean canGoOn = c.processes().stream().anyMatch(p -> !p.crashed() && !p.outbox().isEmpty()) || !c.inFlight().isEmpty();
        return canGoOn ? Verdict.NOT_YET : Verdict.VIOLATED;
    }
}
