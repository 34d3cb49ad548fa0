// Wrong solution for conc-6: the comparison is the wrong way round: a node refuses requests from senders ahead of it.
package dev.dbinternals.ch08.concurrency.exercises;

/** Exercise conc-6. */
public final class RingEpochCheck {

    private RingEpochCheck() {
    }

    public static boolean admit(long nodeEpoch, long requestEpoch) {
        return requestEpoch <= nodeEpoch;
    }
}
