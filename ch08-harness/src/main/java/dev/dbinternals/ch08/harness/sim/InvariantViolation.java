package dev.dbinternals.ch08.harness.sim;

/**
 * A named invariant of a {@link Simulation} ({@link Simulation#invariant}) stopped holding: the run
 * stopped right after the event that broke it, so {@code sim.trace()} ends there — the shortest
 * prefix of this run that shows the violation — and the seed replays it.
 *
 * <p>Book: Chapter 8, "Failure Models" (장애 모델): a safety property is broken at one point of a run,
 * and the run up to that point is the counterexample. Immutable and thread-safe.
 */
public final class InvariantViolation extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String invariant;
    private final long timeNanos;
    private final long seed;

    InvariantViolation(String invariant, long timeNanos, long seed, long event) {
        super("invariant '" + invariant + "' broken at " + Trace.formatNanos(timeNanos) + " (seed " + seed
                + ", after event " + event + "); the run stopped there: sim.trace() ends with the event that broke it and a note naming the invariant");
        this.invariant = invariant;
        this.timeNanos = timeNanos;
        this.seed = seed;
    }

    /** The name given to {@link Simulation#invariant}. */
    public String invariant() {
        return invariant;
    }

    /** The virtual time of the event after which it failed. */
    public long timeNanos() {
        return timeNanos;
    }

    /** The seed of the run, to replay it. */
    public long seed() {
        return seed;
    }
}
