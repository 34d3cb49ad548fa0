package dev.dbinternals.ch08.cascading;

import java.util.Arrays;

/**
 * Exercise cascading-6 (reference solution): greedy largest-first planning by capacity.
 */
public final class HotspotPlanner {

    private HotspotPlanner() {
    }

    public static int[] plan(long[] pastLoad, double[] capacity) {
        if (pastLoad.length == 0 || capacity.length == 0) {
            throw new IllegalArgumentException("need at least one key and one node");
        }
        for (long l : pastLoad) {
            if (l < 0) {
                throw new IllegalArgumentException("negative load " + l);
            }
        }
        for (double c : capacity) {
            if (!(c > 0) || Double.isInfinite(c)) {
                throw new IllegalArgumentException("capacity must be positive, got " + c);
            }
        }
        Integer[] keys = new Integer[pastLoad.length];
        for (int k = 0; k < keys.length; k++) {
            keys[k] = k;
        }
        Arrays.sort(keys, (a, b) -> pastLoad[a] != pastLoad[b] ? Long.compare(pastLoad[b], pastLoad[a]) : Integer.compare(a, b));
        double[] load = new double[capacity.length];
        int[] owner = new int[pastLoad.length];
        for (int k : keys) {
            int best = 0;
            for (int n = 1; n < capacity.length; n++) {
                if ((load[n] + pastLoad[k]) / capacity[n] < (load[best] + pastLoad[k]) / capacity[best]) {
                    best = n;
                }
            }
            owner[k] = best;
            load[best] += pastLoad[k];
        }
        return owner;
    }
}
