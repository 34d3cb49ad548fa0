// Wrong solution for conc-6: a node serves only requests routed with exactly its own ring epoch.
package dev.dbinternals.ch08.concurrency.exercises;

/** Exercise conc-6. */
public final class RingEpochCheck {

    private RingEpochCheck() {
    }

    public static boolean admit(long nodeEpoch, long requestEpoch) {
        return requestEpoch == nodeEpoch;
    }
}
