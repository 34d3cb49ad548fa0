package dev.dbinternals.ch08.twogenerals;

/** What a general does at dawn. {@link #UNDECIDED} while messengers are still on the way. */
public enum Decision {
    UNDECIDED, ATTACK, RETREAT;

    static Decision of(boolean attacks) {
        return attacks ? ATTACK : RETREAT;
    }
}
