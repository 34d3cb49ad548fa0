// Wrong solution for cascading-6: moving the heaviest key to the least utilised node without checking the line can push that node over it.
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
        for (int moves = 0; moves < owner.length; moves++) {
            int busiest = 0;
            int idlest = 0;
            for (int n = 1; n < capacity.length; n++) {
                busiest = used[n] / capacity[n] > used[busiest] / capacity[busiest] ? n : busiest;
                idlest = used[n] / capacity[n] < used[idlest] / capacity[idlest] ? n : idlest;
            }
            if (used[busiest] / capacity[busiest] <= line || busiest == idlest) {
                return owner;
            }
            int key = -1;
            for (int k = 0; k < owner.length; k++) {
                if (owner[k] == busiest && (key < 0 || pastLoad[k] > pastLoad[key])) {
                    key = k;
                }
            }
            owner[key] = idlest; // the heaviest key to the least utilised node
            used[busiest] -= pastLoad[key];
            used[idlest] += pastLoad[key];
        }
        return owner;
    }
}
