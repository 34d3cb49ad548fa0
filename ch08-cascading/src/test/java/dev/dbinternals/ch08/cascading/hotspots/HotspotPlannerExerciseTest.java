package dev.dbinternals.ch08.cascading.hotspots;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbinternals.ch08.harness.sim.Seeds;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Exercise cascading-6. Wrong solutions these tests reject (kept under
 * {@code src/wrong/cascading-6--*}): delegating to a plan from scratch, {@link LoadPlanner#byPastLoad}
 * (it moves keys off nodes that were fine, and too many: {@code shouldBringAZipfHotspotUnderTheLineMovingFewKeys});
 * moving the heaviest key to the least utilised node without checking the line (it pushes that
 * node over: {@code shouldKeepEveryRuleOnRandomLoads}); moving the smallest keys first (far too
 * many moves: {@code shouldBringAZipfHotspotUnderTheLineMovingFewKeys}).
 */
@Tag("exercise")
@DisplayName("cascading-6: rebalance a hotspot, moving few keys")
class HotspotPlannerExerciseTest {

    private static long[] zipfLoad(int keys, double s) {
        KeySampler z = KeySampler.zipf(keys, s);
        long[] load = new long[keys];
        for (int k = 0; k < keys; k++) {
            load[k] = Math.round(z.probability(k) * 100_000);
        }
        return load;
    }

    /** 10% above perfectly even: total load / total capacity, times 1.10. */
    private static double line(long[] load, double[] capacity) {
        return 1.10 * Arrays.stream(load).sum() / Arrays.stream(capacity).sum();
    }

    private static int moved(int[] before, int[] after) {
        int m = 0;
        for (int k = 0; k < before.length; k++) {
            m += before[k] != after[k] ? 1 : 0;
        }
        return m;
    }

    @Test
    void shouldBringAZipfHotspotUnderTheLineMovingFewKeys() {
        // given 64 keys with Zipf(1.0) loads placed by hash on nodes of capacity 1, 1, 1 and 0.5
        long[] load = zipfLoad(64, 1.0);
        double[] cap = {1, 1, 1, 0.5};
        int[] hash = LoadPlanner.byHash(64, 4);
        double before = Arrays.stream(LoadPlanner.utilisation(hash, load, cap)).max().orElseThrow();

        int[] after = HotspotPlanner.rebalance(hash, load, cap);

        double busiest = Arrays.stream(LoadPlanner.utilisation(after, load, cap)).max().orElseThrow();
        assertThat(busiest).as(t("the busiest node's utilisation after rebalancing (the line is %.0f; by hash it was %.0f)", "재배치 뒤 가장 바쁜 노드의 이용률(기준선은 %.0f, 해시로는 %.0f였어요)"),
                line(load, cap), before).isLessThanOrEqualTo(line(load, cap));
        assertThat(moved(hash, after)).as(t("keys moved (a plan from scratch moves %d of the 64)", "옮긴 키 수(처음부터 다시 짠 계획은 64개 중 %d개를 옮겨요)"),
                moved(hash, LoadPlanner.byPastLoad(load, cap))).isLessThanOrEqualTo(8);
    }

    @Test
    void shouldMoveNothingWhenNoNodeIsAboveTheLine() {
        // given placements already within 10% of even: four equal nodes at 10 each, and nodes of capacity 2 and 1 at 5 each
        int[] even = {2, 2, 3, 3, 0, 0, 1, 1};
        int[] byCapacity = {0, 0, 1, 1};

        int[] a = HotspotPlanner.rebalance(even, new long[] {5, 5, 5, 5, 9, 1, 7, 3}, new double[] {1, 1, 1, 1});
        int[] b = HotspotPlanner.rebalance(byCapacity, new long[] {6, 4, 3, 2}, new double[] {2, 1});

        assertThat(a).as(t("nothing to fix: every key stays", "고칠 것이 없으니 모든 키가 그대로여야 해요")).containsExactly(even);
        assertThat(b).as(t("nothing to fix: every key stays", "고칠 것이 없으니 모든 키가 그대로여야 해요")).containsExactly(byCapacity);
    }

    @Test
    void shouldKeepEveryRuleOnRandomLoads() {
        Seeds.check("rebalancing keeps the rules", 300, seed -> {
            SplittableRandom r = new SplittableRandom(seed);
            int keys = 1 + r.nextInt(100);
            int nodes = 1 + r.nextInt(8);
            long[] load = r.longs(keys, 0, 10_000).toArray();
            double[] cap = r.doubles(nodes, 0.1, 2).toArray();
            int[] current = r.ints(keys, 0, nodes).toArray();
            int[] given = current.clone();
            double line = line(load, cap);

            int[] after = HotspotPlanner.rebalance(current, load, cap);

            assertThat(current).as(t("current placement left as it is", "현재 배치(current)는 그대로 두어야 해요")).containsExactly(given);
            assertThat(after).as(t("one owner per key", "키마다 소유 노드는 하나")).hasSize(keys);
            for (int o : after) {
                assertThat(o).as(t("owner index", "소유 노드 번호")).isBetween(0, nodes - 1);
            }
            double[] u0 = LoadPlanner.utilisation(current, load, cap);
            double[] u1 = LoadPlanner.utilisation(after, load, cap);
            for (int k = 0; k < keys; k++) {
                if (after[k] != current[k]) {
                    assertThat(u0[current[k]]).as(t("key %d left node %d, which was not above the line %.0f", "키 %d가 노드 %d를 떠났는데, 그 노드는 기준선 %.0f를 넘지 않았어요"), k, current[k], line)
                            .isGreaterThan(line);
                }
            }
            for (int n = 0; n < nodes; n++) {
                if (u0[n] <= line) {
                    assertThat(u1[n]).as(t("node %d was at or under the line %.0f and was pushed over it", "노드 %d는 기준선 %.0f 이하였는데 그 위로 밀려났어요"), n, line)
                            .isLessThanOrEqualTo(line * (1 + 1e-9));
                }
            }
            int busiest = 0;
            for (int n = 1; n < nodes; n++) {
                busiest = u1[n] > u1[busiest] ? n : busiest;
            }
            if (u1[busiest] > line * (1 + 1e-9)) {
                for (int k = 0; k < keys; k++) {
                    for (int n = 0; n < nodes; n++) {
                        if (after[k] == busiest && n != busiest) {
                            assertThat(u1[n] + load[k] / cap[n]).as(t("the busiest node %d is still above the line %.0f, but its key %d"
                                    + " fits on node %d: keep going",
                                    "가장 바쁜 노드 %d가 아직 기준선 %.0f 위인데, 그 노드의 키 %d가"
                                    + " 노드 %d에 들어가요: 계속 옮기세요"), busiest, line, k, n).isGreaterThan(line * (1 - 1e-9));
                        }
                    }
                }
            }
        });
    }

    @Test
    void shouldRejectBadInput() {
        assertThatThrownBy(() -> HotspotPlanner.rebalance(new int[] {0}, new long[] {1}, new double[] {0}))
                .as(t("a capacity of 0", "용량 0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HotspotPlanner.rebalance(new int[] {0}, new long[] {-1}, new double[] {1}))
                .as(t("a negative load", "음수 부하")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HotspotPlanner.rebalance(new int[] {1}, new long[] {1}, new double[] {1}))
                .as(t("key 0 on node 1 of 1", "노드가 1개뿐인데 키 0이 노드 1에 있음")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HotspotPlanner.rebalance(new int[] {0, 0}, new long[] {1}, new double[] {1}))
                .as(t("two owners, one load", "소유 노드는 둘, 부하는 하나")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HotspotPlanner.rebalance(new int[0], new long[0], new double[] {1}))
                .as(t("no keys", "키가 없음")).isInstanceOf(IllegalArgumentException.class);
    }
}
