package dev.dbinternals.ch08.concurrency.exercises;

/** Exercise conc-6, solved. */
public final class RingEpochCheck {

    private RingEpochCheck() {
    }

    public static boolean admit(long nodeEpoch, long requestEpoch) {
        return requestEpoch >= nodeEpoch;
    }
}
