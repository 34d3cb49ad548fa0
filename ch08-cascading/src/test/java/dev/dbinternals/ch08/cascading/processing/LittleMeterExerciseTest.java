package dev.dbinternals.ch08.cascading.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.dbinternals.ch08.harness.sim.Seeds;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("exercise")
@DisplayName("cascading-4: Little's law, measured")
class LittleMeterExerciseTest {

    private static final long MS = 1_000_000;

    @Test
    void shouldMeasureAHandWorkedExample() {
        // given two overlapping requests over a 4 ms window: [0, 2) and [1, 4)
        LittleMeter m = new LittleMeter();
        m.record(0, 2 * MS);
        m.record(MS, 4 * MS);
        // then λ = 2 / 4 ms = 500/s, W = (2 + 3) / 2 = 2.5 ms, L = (2 + 3) ms / 4 ms = 1.25
        assertThat(m.arrivalRatePerSecond()).as("λ").isCloseTo(500.0, within(1e-9));
        assertThat(m.meanTimeInSystemNanos()).as("W in ns").isCloseTo(2.5 * MS, within(1e-6));
        assertThat(m.averageInSystem()).as("L, the time average of n(t)").isCloseTo(1.25, within(1e-9));
    }

    @Test
    void shouldRejectADepartureBeforeItsArrival() {
        assertThatThrownBy(() -> new LittleMeter().record(5, 4)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldSatisfyLittlesLawOnAQueueOfRandomArrivals() {
        Seeds.check("L = lambda W on a FIFO queue", 10, seed -> {
            // given a FIFO server (1 ms per request) fed by Poisson arrivals at 800/s
            SplittableRandom r = new SplittableRandom(seed);
            LittleMeter m = new LittleMeter();
            long t = 0;
            long free = 0;
            for (int i = 0; i < 5000; i++) {
                t += (long) (-Math.log(1 - r.nextDouble()) * 1.25 * MS);
                long start = Math.max(t, free);
                free = start + MS;
                m.record(t, free);
            }
            // then L measured by integration equals λ·W measured separately
            double lw = m.arrivalRatePerSecond() * m.meanTimeInSystemNanos() / 1e9;
            assertThat(m.averageInSystem()).as("L vs λW = %.4f", lw).isCloseTo(lw, within(1e-6 * lw));
            assertThat(m.meanTimeInSystemNanos()).as("W at 80%% load is several service times (M/D/1: 3 ms)")
                    .isBetween(2.0 * MS, 4.5 * MS);
        });
    }
}
