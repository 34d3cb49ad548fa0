package dev.dbinternals.ch08.cascading.hotspots;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Draws the key of each request: always the same key, uniformly, or with a Zipf skew where a
 * few keys get most requests (the origin of a hotspot, 핫스팟).
 *
 * <p>Immutable and thread-safe; randomness comes from the caller's (seeded) generator.
 */
public final class KeySampler {

    private final double[] cumulative;

    private KeySampler(double[] weights) {
        cumulative = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            cumulative[i] = sum;
        }
        for (int i = 0; i < cumulative.length; i++) {
            cumulative[i] /= sum;
        }
    }

    /** Every request has key 0. */
    public static KeySampler single() {
        return new KeySampler(new double[] {1});
    }

    /** Keys 0..keys-1, equally likely. */
    public static KeySampler uniform(int keys) {
        check(keys);
        double[] w = new double[keys];
        Arrays.fill(w, 1);
        return new KeySampler(w);
    }

    /** Keys 0..keys-1 with P(k) proportional to 1 / (k+1)^s: key 0 is the hottest. */
    public static KeySampler zipf(int keys, double s) {
        check(keys);
        if (!(s >= 0 && s <= 10)) {
            throw new IllegalArgumentException("the Zipf exponent must be in [0, 10], got " + s);
        }
        double[] w = new double[keys];
        for (int k = 0; k < keys; k++) {
            w[k] = 1.0 / StrictMath.pow(k + 1, s);
        }
        return new KeySampler(w);
    }

    private static void check(int keys) {
        if (keys < 1 || keys > 1_000_000) {
            throw new IllegalArgumentException("the number of keys must be in [1, 1000000], got " + keys);
        }
    }

    public int keys() {
        return cumulative.length;
    }

    /** The probability of key {@code k}. */
    public double probability(int k) {
        return k == 0 ? cumulative[0] : cumulative[k] - cumulative[k - 1];
    }

    public int next(RandomGenerator random) {
        if (cumulative.length == 1) {
            return 0;
        }
        double u = random.nextDouble();
        int i = Arrays.binarySearch(cumulative, u);
        int k = i >= 0 ? i : -i - 1;
        return Math.min(k, cumulative.length - 1);
    }
}
