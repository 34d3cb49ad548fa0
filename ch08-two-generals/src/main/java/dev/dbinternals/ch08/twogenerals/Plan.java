package dev.dbinternals.ch08.twogenerals;

/**
 * General A's input: whether the armies should attack the fortress. General B starts with
 * {@link #UNKNOWN} and can only learn the plan from a messenger that gets through.
 */
public enum Plan {
    ATTACK, RETREAT, UNKNOWN
}
