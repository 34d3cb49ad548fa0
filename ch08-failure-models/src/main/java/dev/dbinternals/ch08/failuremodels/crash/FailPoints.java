package dev.dbinternals.ch08.failuremodels.crash;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.sim.Simulation;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Named places inside a handler where a test can make the process crash: the "fail point"
 * technique storage engines use to test recovery.
 *
 * <p>Book: Chapter 8, "Crash Faults" (충돌): a crash-recovery algorithm must consider every state
 * a process can recover into (in paraphrase). The simulator runs a handler as one step, so
 * on its own it can only crash a node <em>between</em> handlers. A node calls
 * {@link #crashHere(String)} at each point of its handler; when the planned point is reached
 * the call returns {@code true}, the handler returns at once (it "died" there), and the
 * simulation crashes the node before it handles anything else. Messages it already handed to
 * the network stay on the wire, as in a real crash; storage writes it did not sync are lost.
 *
 * <p>Not thread-safe: one simulation, one thread.
 */
final class FailPoints {

    private static final FailPoints NONE = new FailPoints(null, null, null, 0);

    private final Simulation sim;
    private final Address node;
    private final String point;
    private final int occurrence;
    private final List<String> reached = new ArrayList<>();
    private int seen;
    private boolean fired;

    private FailPoints(Simulation sim, Address node, String point, int occurrence) {
        this.sim = sim;
        this.node = node;
        this.point = point;
        this.occurrence = occurrence;
    }

    /** Never crashes (production). */
    public static FailPoints none() {
        return NONE;
    }

    /** Records the points a handler passes, in order, without crashing: how a test learns every point to try. */
    public static FailPoints recording() {
        return new FailPoints(null, null, null, 0);
    }

    /**
     * Crashes {@code node} in {@code sim} the {@code occurrence}-th time (1-based) its handlers
     * reach {@code point}; the node stays down until the test restarts it.
     */
    public static FailPoints crashAt(Simulation sim, Address node, String point, int occurrence) {
        Objects.requireNonNull(sim, "sim");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(point, "point");
        if (occurrence < 1) {
            throw new IllegalArgumentException("occurrence is 1-based, got " + occurrence);
        }
        return new FailPoints(sim, node, point, occurrence);
    }

    /**
     * Called by the node at a named point of its handler. Returns {@code true} if the node
     * must stop right here (the handler returns without doing anything more).
     */
    public boolean crashHere(String name) {
        if (this == NONE) {
            return false;
        }
        reached.add(name);
        if (fired || point == null || !point.equals(name) || ++seen != occurrence) {
            return false;
        }
        fired = true;
        sim.note(node, "fail point '" + name + "' #" + occurrence + ": the process dies here");
        // dies when this handler ends: frames it already sent still leave, nothing else is handled
        sim.crashAfterHandler(node);
        return true;
    }

    /** Whether the planned crash happened. */
    public boolean fired() {
        return fired;
    }

    /** Every point reached so far, in order (only kept by {@link #recording()} and {@link #crashAt} plans). */
    public List<String> reached() {
        return List.copyOf(reached);
    }

    @Override
    public String toString() {
        return point == null ? "no crash" : "crash at '" + point + "' #" + occurrence;
    }
}
