package dev.dbinternals.ch08.cascading.backoff;

import dev.dbinternals.ch08.cascading.Demo04Jitter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbinternals.ch08.harness.sim.Seeds;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BackoffPolicyTest {

    private static final long MS = 1_000_000;
    private final ExponentialBackoff exp = ExponentialBackoff.of(Duration.ofMillis(1), Duration.ofSeconds(1));

    @Test
    void shouldDoubleFromTheBaseUntilTheCapWithoutOverflow() {
        assertThat(exp.delayNanos(1, 0, null)).isEqualTo(MS);
        assertThat(exp.delayNanos(2, 0, null)).isEqualTo(2 * MS);
        assertThat(exp.delayNanos(10, 0, null)).isEqualTo(512 * MS);
        assertThat(exp.delayNanos(11, 0, null)).as("capped at 1 s").isEqualTo(1000 * MS);
        assertThat(exp.delayNanos(10_000, 0, null)).as("a huge retry count stays at the cap").isEqualTo(1000 * MS);
    }

    @Test
    void shouldKeepEveryJitteredDelayWithinItsPolicysBounds() {
        FullJitter full = FullJitter.of(exp);
        EqualJitter equal = EqualJitter.of(exp);
        DecorrelatedJitter dec = DecorrelatedJitter.of(Duration.ofMillis(1), Duration.ofSeconds(1));
        Seeds.check("jitter bounds", 20, seed -> {
            SplittableRandom r = new SplittableRandom(seed);
            long prev = 0;
            for (int retry = 1; retry <= 100; retry++) {
                long c = exp.ceilingNanos(retry);
                assertThat(full.delayNanos(retry, 0, r)).as("full jitter in [0, c]").isBetween(0L, c);
                assertThat(equal.delayNanos(retry, 0, r)).as("equal jitter in [c/2, c]").isBetween(c / 2, c);
                long d = dec.delayNanos(retry, prev, r);
                assertThat(d).as("decorrelated in [base, min(cap, 3 prev)]")
                        .isBetween(MS, Math.min(1000 * MS, Math.max(MS, 3 * Math.max(prev, MS))));
                prev = d;
            }
        });
    }

    @Test
    void shouldGiveTheSameDelaysForTheSameSeed() {
        FullJitter full = FullJitter.of(exp);
        SplittableRandom a = new SplittableRandom(42);
        SplittableRandom b = new SplittableRandom(42);
        for (int retry = 1; retry < 20; retry++) {
            assertThat(full.delayNanos(retry, 0, a)).isEqualTo(full.delayNanos(retry, 0, b));
        }
    }

    @Test
    void shouldRejectOutOfRangeSettingsWithAClearMessage() {
        assertThatThrownBy(() -> ExponentialBackoff.of(Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("base must be positive");
        assertThatThrownBy(() -> ExponentialBackoff.of(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cap");
        assertThatThrownBy(() -> exp.withMultiplier(0.5)).hasMessageContaining("multiplier must be in [1, 100]");
        assertThatThrownBy(() -> exp.delayNanos(0, 0, null)).hasMessageContaining("retries are numbered from 1");
        assertThatThrownBy(() -> FullJitter.of(exp).delayNanos(1, -1, new SplittableRandom(1)))
                .hasMessageContaining("previous delay cannot be negative");
        assertThatThrownBy(() -> DecorrelatedJitter.of(Duration.ofMillis(5), Duration.ofMillis(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldMakeLockstepClientsPayQuadraticallyWithoutJitter() {
        // given N clients starting together, retrying with plain exponential backoff
        for (int n : new int[] {5, 10}) {
            Contention.Result r = Contention.run(1, exp, n, Duration.ofMillis(1), Duration.ofMinutes(10));
            // then one wins per round: N(N+1)/2 calls
            assertThat(r.calls()).as("calls for %d clients in lockstep", n).isEqualTo((long) n * (n + 1) / 2);
        }
    }

    @Test
    void shouldCutCallsAndCompletionTimeWithAnyJitter() {
        Contention.Result none = Contention.run(3, exp, 25, Duration.ofMillis(1), Duration.ofMinutes(10));
        for (BackoffPolicy p : Demo04Jitter.policies().subList(1, 4)) {
            Contention.Result r = Contention.run(3, p, 25, Duration.ofMillis(1), Duration.ofMinutes(10));
            assertThat(r.allDone()).isTrue();
            assertThat(r.calls()).as("%s calls vs %d without jitter", p.name(), none.calls()).isLessThan(none.calls() / 2);
            assertThat(r.completionNanos()).as("%s completion", p.name()).isLessThan(none.completionNanos() / 10);
        }
    }
}
