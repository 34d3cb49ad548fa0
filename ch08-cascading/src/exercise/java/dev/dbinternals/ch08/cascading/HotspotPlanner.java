package dev.dbinternals.ch08.cascading;

import dev.dbinternals.ch08.harness.exercise.NotDoneYet;

/**
 * Exercise cascading-6: plan against hotspots (핫스팟) like a coordinator.
 *
 * <p>Given how much load each key had last time ({@code pastLoad[k]}) and how fast each node
 * is ({@code capacity[n]}, relative), decide which node owns each key so that the busiest node
 * is as little overloaded as possible. The book: "a coordinator prepares an execution plan
 * based on the available resources and predicts the load from past execution data".
 *
 * <p>A greedy plan does well: take keys from the heaviest down, and give each one to the node
 * whose utilisation (its load after taking the key, divided by its capacity) would be lowest.
 * Compare with {@link LoadPlanner#byHash}, where each node takes its keys alone.
 */
public final class HotspotPlanner {

    private HotspotPlanner() {
    }

    /**
     * The owner node of each key: {@code result[k]} in [0, capacity.length).
     *
     * @throws IllegalArgumentException when there are no keys or nodes, a load is negative, or a
     *                                  capacity is not positive
     */
    public static int[] plan(long[] pastLoad, double[] capacity) {
        throw new NotDoneYet("cascading-6", "ch08-cascading/src/exercise/java/dev/dbinternals/ch08/cascading/HotspotPlanner.java",
                "assign keys, heaviest first, each to the node with the lowest (load + key load) / capacity");
    }
}
