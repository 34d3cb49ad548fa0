package dev.dbinternals.ch08.cascading.hotspots;

/**
 * Exercise cascading-6 (reference solution): while the busiest node is above the line, move its
 * heaviest key that fits under the line somewhere, to the node that fits it best.
 */
public final class HotspotPlanner {

    private HotspotPlanner() {
    }

    public static int[] rebalance(int[] current, long[] pastLoad, double[] capacity) {
        if (current.length == 0 || capacity.length == 0 || current.length != pastLoad.length) {
            throw new IllegalArgumentException("need keys and nodes, and one owner per load: " + current.length + " owners, "
                    + pastLoad.length + " loads, " + capacity.length + " nodes");
        }
        double total = 0;
        double totalCapacity = 0;
        for (long l : pastLoad) {
            if (l < 0) {
                throw new IllegalArgumentException("negative load " + l);
            }
            total += l;
        }
        for (double c : capacity) {
            if (!(c > 0) || Double.isInfinite(c)) {
                throw new IllegalArgumentException("capacity must be positive, got " + c);
            }
            totalCapacity += c;
        }
        int[] owner = current.clone();
        double[] used = new double[capacity.length];
        for (int k = 0; k < owner.length; k++) {
            if (owner[k] < 0 || owner[k] >= capacity.length) {
                throw new IllegalArgumentException("key " + k + " is on node " + owner[k] + ", which does not exist");
            }
            used[owner[k]] += pastLoad[k];
        }
        double line = 1.10 * total / totalCapacity;
        while (true) {
            int busiest = 0;
            for (int n = 1; n < capacity.length; n++) {
                if (used[n] / capacity[n] > used[busiest] / capacity[busiest]) {
                    busiest = n;
                }
            }
            if (used[busiest] / capacity[busiest] <= line) {
                return owner;
            }
            // the heaviest key that fits under the line somewhere (each move takes off as much as it
            // can), to the node that is least utilised after taking it
            int key = -1;
            int to = -1;
            for (int k = 0; k < owner.length; k++) {
                if (owner[k] != busiest || (key >= 0 && pastLoad[k] <= pastLoad[key])) {
                    continue;
                }
                for (int n = 0; n < capacity.length; n++) {
                    double after = (used[n] + pastLoad[k]) / capacity[n];
                    if (n != busiest && after <= line && (key != k || after < (used[to] + pastLoad[k]) / capacity[to])) {
                        key = k;
                        to = n;
                    }
                }
            }
            if (key < 0) {
                return owner; // nothing of the busiest node fits anywhere: as far as single moves go
            }
            owner[key] = to;
            used[busiest] -= pastLoad[key];
            used[to] += pastLoad[key];
        }
    }
}
