package dev.dbinternals.ch08.twogenerals;

import java.util.List;

/**
 * A protocol of the finite class that {@link OneBitProtocolClass} enumerates: {@code r}
 * synchronous rounds, one messenger per round carrying one bit, the rounds alternating
 * A→B, B→A, A→B, …; every messenger is sent (the adversary decides which arrive).
 *
 * <p>Book: Chapter 8, "Two Generals' Problem" (두 장군 문제). A deterministic protocol of the
 * class is nothing but tables: the bit a general sends in its round, and whether it attacks at
 * dawn, are functions of its own input (A: the plan; B: none, {@link Plan#UNKNOWN}) and what it
 * heard in the earlier rounds addressed to it ({@link Heard#NOTHING} for a captured messenger).
 */
public interface OneBitProtocol {

    /** A short name for tables. */
    default String name() {
        return getClass().getSimpleName();
    }

    /** The number of rounds r (1 to 3 for the enumeration; any r for {@link OneBitProtocolClass#check}). */
    int rounds();

    /**
     * The bit the sender of {@code round} sends (A in odd rounds, B in even rounds, counting from 1).
     *
     * @param plan  the sender's input: A's plan, or {@link Plan#UNKNOWN} for B
     * @param heard what the sender heard in the earlier rounds addressed to it, oldest first
     */
    boolean send(int round, Plan plan, List<Heard> heard);

    /** Whether {@code general} attacks at dawn, given its input and everything it heard. */
    boolean attacks(General general, Plan plan, List<Heard> heard);
}
