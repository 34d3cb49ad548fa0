package dev.dbinternals.ch08.failuremodels.clocks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbinternals.ch08.failuremodels.clocks.CausalChain.Outcome;
import dev.dbinternals.ch08.harness.sim.Seeds;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Clocks and time (클럭과 시간): ordering events by timestamps")
class ClocksTest {

    @Test
    void shouldNeverPutAnEffectBeforeItsCauseByLamportClock() {
        Seeds.check("clocks/lamport", 30, seed -> {
            Outcome o = CausalChain.run(4, 30, Duration.ofMillis(100), seed);
            assertThat(o.pairs()).as("cause/effect pairs").isEqualTo(29);
            assertThat(o.invertedByLamport()).as("pairs inverted by the Lamport clock").isZero();
        });
    }

    @Test
    void shouldOrderCorrectlyByWallClockOnlyWhenSkewIsBelowTheCausalGap() {
        AtomicLong skewed = new AtomicLong();
        Seeds.check("clocks/wall", 30, seed -> {
            // clocks in sync (drift only): every hop takes >= 2 ms, far more than drift adds up to
            assertThat(CausalChain.run(4, 30, Duration.ZERO, seed).invertedByWallClock())
                    .as("pairs inverted by synchronised wall clocks").isZero();
            skewed.addAndGet(CausalChain.run(4, 30, Duration.ofMillis(50), seed).invertedByWallClock());
        });
        assertThat(skewed.get()).as("pairs inverted by clocks up to 50 ms apart, over all seeds").isPositive();
    }

    @Test
    void shouldMisorderByArrivalEvenWithPerfectClocks() {
        long inverted = 0;
        for (long seed = 1; seed <= 10; seed++) {
            inverted += CausalChain.run(4, 30, Duration.ZERO, seed).invertedByArrival();
        }
        assertThat(inverted).as("pairs whose reports overtook each other").isPositive();
    }
}
