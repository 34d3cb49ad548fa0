package dev.dbinternals.ch08.harness.explore;

/**
 * A node that can say what state it is in, so that a {@link ScheduleSearch} {@linkplain
 * ScheduleSearch#withFingerprints() with fingerprints} does not explore the same state twice.
 *
 * <p>Book: Chapter 8, "Distributed System Abstractions" (분산 시스템 추상화): a process is its local
 * state plus the messages on the way to it; two runs that reach the same states go on the same way.
 *
 * <p>The fingerprint is a value with {@code equals} and {@code hashCode} (a record or a list of them)
 * covering everything in the node's memory that decides what it does next or that an invariant
 * reads; leave out what does neither (counters kept only for a report). Two instances with equal fingerprints must behave alike from
 * then on: if they might not, pruning can hide a bug.
 */
public interface Fingerprinted {

    /** The node's state in memory, as a value. */
    Object fingerprint();
}
