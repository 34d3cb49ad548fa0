// Wrong solution for tg-2: for the redundant copies, the adversary is thought to need only one capture, as if B waited for every copy.
package dev.dbinternals.ch08.twogenerals;

public final class DisagreementOdds {

    private DisagreementOdds() {
    }

    public static double ackRounds(int k, double p) {
        return Math.pow(1 - p, k) * p;
    }

    public static double redundantMessengers(int r, double p) {
        return 1 - Math.pow(1 - p, r);
    }
}
