package dev.dbinternals.ch08.cascading.backoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbinternals.ch08.harness.sim.Seeds;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("exercise")
@DisplayName("cascading-1: full jitter by hand")
class JitterByHandExerciseTest {

    private static final long MS = 1_000_000;

    @Test
    void shouldStayWithinZeroAndTheCappedExponentialCeiling() {
        Seeds.check("full jitter within bounds", 20, seed -> {
            RandomGenerator r = new SplittableRandom(seed);
            for (int retry = 1; retry <= 80; retry++) {
                long ceiling = Math.min(1000 * MS, retry > 40 ? Long.MAX_VALUE : MS << (retry - 1));
                long d = JitterByHand.fullJitterNanos(MS, 1000 * MS, retry, r);
                assertThat(d).as("retry %d: delay must be in [0, %d] ns", retry, ceiling).isBetween(0L, ceiling);
            }
        });
    }

    @Test
    void shouldAverageHalfTheCeilingAndUseTheWholeWindow() {
        // given the 4th retry: ceiling 8 ms
        RandomGenerator r = new SplittableRandom(7);
        long sum = 0;
        long min = Long.MAX_VALUE;
        long max = 0;
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            long d = JitterByHand.fullJitterNanos(MS, 1000 * MS, 4, r);
            sum += d;
            min = Math.min(min, d);
            max = Math.max(max, d);
        }
        assertThat((double) sum / n).as("mean of full jitter is half the ceiling (4 ms)").isBetween(3.8 * MS, 4.2 * MS);
        assertThat(min).as("some delays near 0: the whole window is used").isLessThan(MS / 10);
        assertThat(max).as("some delays near the 8 ms ceiling").isGreaterThan(79 * MS / 10);
    }

    @Test
    void shouldRejectOutOfRangeSettings() {
        RandomGenerator r = new SplittableRandom(1);
        assertThatThrownBy(() -> JitterByHand.fullJitterNanos(MS, MS, 0, r)).as("retry 0").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JitterByHand.fullJitterNanos(0, MS, 1, r)).as("base 0").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JitterByHand.fullJitterNanos(2 * MS, MS, 1, r)).as("cap < base").isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldNeedFarFewerCallsThanUnjitteredBackoffWhenTwentyClientsContend() {
        // given 20 clients starting together on one compare-and-set record
        BackoffPolicy yours = new BackoffPolicy() {
            @Override
            public long delayNanos(int retry, long previousNanos, RandomGenerator random) {
                return JitterByHand.fullJitterNanos(MS, 1000 * MS, retry, random);
            }

            @Override
            public String name() {
                return "your full jitter";
            }
        };
        ExponentialBackoff plain = ExponentialBackoff.of(Duration.ofMillis(1), Duration.ofSeconds(1));
        // when each policy runs
        Contention.Result jittered = Contention.run(1, yours, 20, Duration.ofMillis(1), Duration.ofMinutes(10));
        Contention.Result lockstep = Contention.run(1, plain, 20, Duration.ofMillis(1), Duration.ofMinutes(10));
        // then jitter breaks the lockstep
        assertThat(jittered.allDone()).as("every client succeeds").isTrue();
        assertThat(jittered.calls()).as("calls with your jitter vs %d without", lockstep.calls())
                .isLessThan(lockstep.calls() / 2);
    }
}
