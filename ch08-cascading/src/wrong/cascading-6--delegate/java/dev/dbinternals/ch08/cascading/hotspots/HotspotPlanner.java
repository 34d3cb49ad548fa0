// Wrong solution for cascading-6: the module's LoadPlanner already balances load by past load and capacity, so its plan answers the exercise (it plans from scratch and moves keys that were fine).
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
        for (int o : current) {
            if (o < 0 || o >= capacity.length) {
                throw new IllegalArgumentException("no such node " + o);
            }
        }
        return LoadPlanner.byPastLoad(pastLoad, capacity); // the coordinator's plan already balances load
    }
}
