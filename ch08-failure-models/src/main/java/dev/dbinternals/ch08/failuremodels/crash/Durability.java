package dev.dbinternals.ch08.failuremodels.crash;

import java.util.List;

/**
 * How a {@link RegisterNode} treats its disk before it says "OK" to a client.
 *
 * <p>Book: Chapter 8, "Crash Faults" (충돌). In the crash-stop model (충돌-정지) none of this
 * matters: a crashed process never comes back, so memory is as good as disk. In the
 * crash-recovery model (충돌-복구) a process returns with only what it made durable, and an
 * acknowledgement is a promise that must survive that return. Of these modes only
 * {@link #SYNC_THEN_ACK} keeps the promise at every point a crash can hit (given that a completed
 * sync survives a crash).
 */
public enum Durability {
    /** Keeps the register in memory only: fast, and fine until the first restart. */
    MEMORY_ONLY(List.of("received", "applied", "acked")),
    /** Writes to storage but never syncs: the write sits in the page cache, lost by a crash. */
    WRITE_NO_SYNC(List.of("received", "applied", "written", "acked")),
    /** Acknowledges, then syncs: a crash between the two loses an acknowledged write. */
    ACK_THEN_SYNC(List.of("received", "applied", "written", "acked", "synced")),
    /** Writes, syncs, then acknowledges: every acknowledged write survives any crash. */
    SYNC_THEN_ACK(List.of("received", "applied", "written", "synced", "acked"));

    private final List<String> points;

    Durability(List<String> points) {
        this.points = points;
    }

    /** The fail points of the write handler in this mode, in the order the handler passes them. */
    public List<String> failPoints() {
        return points;
    }
}
