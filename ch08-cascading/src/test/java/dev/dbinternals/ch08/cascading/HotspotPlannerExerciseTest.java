package dev.dbinternals.ch08.cascading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbinternals.ch08.harness.sim.Seeds;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("exercise")
@DisplayName("cascading-6: a coordinator's plan against hotspots")
class HotspotPlannerExerciseTest {

    private static long[] zipfLoad(int keys, double s) {
        KeySampler z = KeySampler.zipf(keys, s);
        long[] load = new long[keys];
        for (int k = 0; k < keys; k++) {
            load[k] = Math.round(z.probability(k) * 100_000);
        }
        return load;
    }

    @Test
    void shouldSpreadAZipfLoadEvenlyByCapacity() {
        long[] load = zipfLoad(64, 1.0);
        double[] cap = {1, 1, 1, 0.5};
        int[] plan = HotspotPlanner.plan(load, cap);
        double planned = LoadPlanner.maxOverMean(LoadPlanner.utilisation(plan, load, cap));
        double hashed = LoadPlanner.maxOverMean(LoadPlanner.utilisation(LoadPlanner.byHash(64, 4), load, cap));
        assertThat(planned).as("max/mean utilisation of your plan (hash gives %.2f)", hashed).isLessThan(1.05);
    }

    @Test
    void shouldGiveTheSlowNodeAboutHalfTheLoadOfAFullOne() {
        long[] load = zipfLoad(200, 0.5);
        double[] cap = {1, 0.5};
        int[] plan = HotspotPlanner.plan(load, cap);
        long[] per = new long[2];
        for (int k = 0; k < load.length; k++) {
            per[plan[k]] += load[k];
        }
        assertThat((double) per[1] / per[0]).as("load of the half-speed node / load of the full one").isBetween(0.45, 0.55);
    }

    @Test
    void shouldAssignEveryKeyToAnExistingNodeForRandomLoads() {
        Seeds.check("planner assigns every key", 20, seed -> {
            SplittableRandom r = new SplittableRandom(seed);
            int keys = 1 + r.nextInt(100);
            int nodes = 1 + r.nextInt(8);
            long[] load = r.longs(keys, 0, 10_000).toArray();
            double[] cap = r.doubles(nodes, 0.1, 2).toArray();
            int[] plan = HotspotPlanner.plan(load, cap);
            assertThat(plan).as("one owner per key").hasSize(keys);
            for (int o : plan) {
                assertThat(o).as("owner index").isBetween(0, nodes - 1);
            }
            double best = LoadPlanner.maxOverMean(LoadPlanner.utilisation(LoadPlanner.byPastLoad(load, cap), load, cap));
            double yours = LoadPlanner.maxOverMean(LoadPlanner.utilisation(plan, load, cap));
            assertThat(yours).as("your max/mean vs the greedy reference %.3f", best).isLessThanOrEqualTo(best * 1.10 + 1e-9);
        });
    }

    @Test
    void shouldRejectBadInput() {
        assertThatThrownBy(() -> HotspotPlanner.plan(new long[] {1}, new double[] {0})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HotspotPlanner.plan(new long[] {-1}, new double[] {1})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HotspotPlanner.plan(new long[0], new double[] {1})).isInstanceOf(IllegalArgumentException.class);
    }
}
