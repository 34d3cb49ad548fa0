// Wrong solution for tg-2: takes "some messenger is captured" for "the generals disagree", although an early capture ends in both retreating.
package dev.dbinternals.ch08.twogenerals;

public final class DisagreementOdds {

    private DisagreementOdds() {
    }

    public static double ackRounds(int k, double p) {
        return 1 - Math.pow(1 - p, k + 1);
    }

    public static double redundantMessengers(int r, double p) {
        return 1 - Math.pow(1 - p, r);
    }
}
