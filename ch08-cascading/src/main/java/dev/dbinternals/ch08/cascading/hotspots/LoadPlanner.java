package dev.dbinternals.ch08.cascading.hotspots;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Who handles which key: each node alone by hash, or a coordinator's plan from past load and
 * node capacity.
 *
 * <p>Book: Chapter 8, "Cascading Failures" (계단식 장애). In paraphrase: load spikes and
 * hotspots (핫스팟) can be avoided by planning and coordination: instead of each node acting
 * alone, a coordinator prepares an execution plan from the available resources and predicts
 * the load from past execution data.
 *
 * <p>The plan is the classic greedy "largest first" assignment: keys in decreasing order of
 * past load, each to the node whose load after taking it, divided by its capacity, is
 * smallest. It cannot split a key: a single key hotter than one node's capacity needs
 * replication or splitting, which is beyond this sketch. Stateless and thread-safe.
 */
public final class LoadPlanner {

    private LoadPlanner() {
    }

    /** Each node alone: key k goes to node k mod n, whatever the load. */
    public static int[] byHash(int keys, int nodes) {
        check(keys, nodes);
        return IntStream.range(0, keys).map(k -> k % nodes).toArray();
    }

    /** The coordinator's plan: largest past load first, to the least-utilised node by capacity. */
    public static int[] byPastLoad(long[] pastLoadPerKey, double[] capacity) {
        check(pastLoadPerKey.length, capacity.length);
        for (double c : capacity) {
            if (!(c > 0) || Double.isInfinite(c)) {
                throw new IllegalArgumentException("every capacity must be a positive number, got " + Arrays.toString(capacity));
            }
        }
        for (long l : pastLoadPerKey) {
            if (l < 0) {
                throw new IllegalArgumentException("a past load cannot be negative, got " + l);
            }
        }
        Integer[] order = IntStream.range(0, pastLoadPerKey.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingLong((Integer k) -> pastLoadPerKey[k]).reversed()
                .thenComparingInt(k -> k));
        double[] load = new double[capacity.length];
        int[] owner = new int[pastLoadPerKey.length];
        for (int k : order) {
            int best = 0;
            for (int n = 1; n < capacity.length; n++) {
                if ((load[n] + pastLoadPerKey[k]) / capacity[n] < (load[best] + pastLoadPerKey[k]) / capacity[best]) {
                    best = n;
                }
            }
            owner[k] = best;
            load[best] += pastLoadPerKey[k];
        }
        return owner;
    }

    /** Load of each node under {@code owner}, divided by its capacity (utilisation, relative). */
    public static double[] utilisation(int[] owner, long[] loadPerKey, double[] capacity) {
        double[] u = new double[capacity.length];
        for (int k = 0; k < owner.length; k++) {
            u[owner[k]] += loadPerKey[k];
        }
        for (int n = 0; n < u.length; n++) {
            u[n] /= capacity[n];
        }
        return u;
    }

    /** max / mean of the values: 1.0 is perfectly even; the hottest node sets the pace. */
    public static double maxOverMean(double[] values) {
        double max = Arrays.stream(values).max().orElse(0);
        double mean = Arrays.stream(values).average().orElse(0);
        return mean == 0 ? 0 : max / mean;
    }

    private static void check(int keys, int nodes) {
        if (keys < 1 || nodes < 1) {
            throw new IllegalArgumentException("need at least one key and one node, got " + keys + " keys and " + nodes + " nodes");
        }
    }
}
