package dev.dbinternals.ch08.twogenerals;

/**
 * Exercise tg-2, reference solution: closed forms for the probability of a lonely attack in the
 * Two Generals' Problem (두 장군 문제) with independent loss probability {@code p}.
 */
public final class DisagreementOdds {

    private DisagreementOdds() {
    }

    /** The k messengers before the last arrive, (1-p)^k, and the last one is captured, p. */
    public static double ackRounds(int k, double p) {
        return Math.pow(1 - p, k) * p;
    }

    /** All r copies of the order are captured. */
    public static double redundantMessengers(int r, double p) {
        return Math.pow(p, r);
    }
}
