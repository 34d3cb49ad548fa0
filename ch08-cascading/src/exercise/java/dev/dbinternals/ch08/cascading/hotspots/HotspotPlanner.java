package dev.dbinternals.ch08.cascading.hotspots;

import dev.dbinternals.ch08.harness.exercise.NotDoneYet;

/**
 * Exercise cascading-6: rebalance a hotspot (핫스팟) like a coordinator, moving few keys.
 *
 * <p>Book: Chapter 8, "Cascading Failures" (계단식 장애): a coordinator plans from the available
 * resources and the load seen in the past, instead of every node acting alone. Keys were placed
 * by hash: {@code current[k]} is the node that owns key {@code k}. The coordinator now knows each
 * key's past load and each node's capacity (relative speed); a node's utilisation is the load of
 * its keys divided by its capacity. Moving a key is not free (its data is copied), so the plan
 * starts from today's placement, as {@link LoadPlanner#byPastLoad} (a plan from scratch) does not.
 *
 * <p>The line is 1.10 × (total past load / total capacity): 10% above perfectly even. Rules:
 * <ol>
 *   <li>move keys only off nodes that are above the line to begin with;</li>
 *   <li>never push a node above the line;</li>
 *   <li>stop when no node is above the line, or when no key of the busiest node fits on any
 *   other node without pushing it above the line;</li>
 *   <li>move as few keys as you can.</li>
 * </ol>
 * Return the new owner of every key; leave {@code current} as it is.
 */
public final class HotspotPlanner {

    private HotspotPlanner() {
    }

    /**
     * The owner of each key after rebalancing: {@code result[k]} in [0, capacity.length).
     *
     * @throws IllegalArgumentException when there are no keys or no nodes, the arrays disagree in
     *                                  length, an owner is not a node, a load is negative, or a
     *                                  capacity is not positive
     */
    public static int[] rebalance(int[] current, long[] pastLoad, double[] capacity) {
        throw new NotDoneYet("cascading-6", "ch08-cascading/src/exercise/java/dev/dbinternals/ch08/cascading/hotspots/HotspotPlanner.java",
                "move keys off the nodes above the line, as few as you can, without pushing another node over it",
                "기준선을 넘은 노드에서 키를 옮기되, 되도록 적게 옮기고 다른 노드가 기준선을 넘지 않게 하세요.");
    }
}
