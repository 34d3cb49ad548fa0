// Wrong solution for tg-2: counts only the messengers that must arrive and forgets that the last one must also be captured.
package dev.dbinternals.ch08.twogenerals;

public final class DisagreementOdds {

    private DisagreementOdds() {
    }

    public static double ackRounds(int k, double p) {
        return Math.pow(1 - p, k);
    }

    public static double redundantMessengers(int r, double p) {
        return Math.pow(p, r);
    }
}
