package dev.dbinternals.ch08.twogenerals;

/**
 * What a general finds at the end of a round in which the other general sent it a one-bit
 * messenger: the bit, or nothing (the messenger was captured). In synchronous rounds a general
 * knows when a messenger was due, so "nothing arrived" is something it observes.
 */
public enum Heard {
    ZERO, ONE, NOTHING;

    /** The bit a delivered messenger carried. */
    public static Heard of(boolean bit) {
        return bit ? ONE : ZERO;
    }
}
