package dev.dbinternals.ch08.concurrency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbinternals.ch08.concurrency.race.RealThreadRace.Histogram;
import dev.dbinternals.ch08.concurrency.race.RealThreadRace.Variant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Demo 'real-threads' states what its histograms measured, not what they usually show: fed
 * histograms where the slow compute step lost nothing, it must not say that it lost more.
 */
class RealThreadsNarrationTest {

    private static Histogram racy(int threads, int increments, int spins, long lost, long trials) {
        return new Histogram(Variant.RACY, threads, increments, (int) trials, spins,
                Map.of(threads * increments, trials - lost, threads * increments - 1, lost));
    }

    private static Histogram exact(Variant v, int threads, int increments, long trials) {
        return new Histogram(v, threads, increments, (int) trials, 20, Map.of(threads * increments, trials));
    }

    @Test
    void shouldSayTheSlowComputeStepLostMoreOnlyWhenItDid() {
        // given a run where the slow compute step lost more in every shape
        String more = Demo02RealThreads.raceVerdict(List.of(racy(2, 1, 0, 3, 1000), racy(2, 1, 20, 400, 1000),
                racy(2, 3, 0, 10, 1000), racy(2, 3, 20, 600, 1000), exact(Variant.ATOMIC, 2, 3, 1000)));
        assertThat(more).contains("more trials lost updates in\nevery shape measured")
                .contains("real threads lost one in 0.300% (3 of 1000)")
                .contains("ended at threads x increments in every trial");

        // and a run where it lost nothing at all (a machine where the window never opened)
        String none = Demo02RealThreads.raceVerdict(List.of(racy(2, 1, 0, 0, 1000), racy(2, 1, 20, 0, 1000),
                racy(2, 3, 0, 5, 1000), racy(2, 3, 20, 9, 1000)));
        assertThat(none).doesNotContain("every shape measured")
                .contains("lost more in 1 of 2 shapes; not in 2 x 1 this time")
                .contains("lost one in 0.000% (0 of 1000)");
    }

    @Test
    void shouldReportAFixedVariantThatLostUpdatesAsABug() {
        Histogram broken = new Histogram(Variant.LOCKED, 2, 3, 100, 20, Map.of(6, 99L, 5, 1L));
        assertThat(Demo02RealThreads.raceVerdict(List.of(racy(2, 1, 0, 1, 100), broken)))
                .contains("A fixed variant lost updates (LOCKED 2 x 3)");
    }
}
