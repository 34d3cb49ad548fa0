package dev.dbinternals.ch08.cascading.backoff;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbinternals.ch08.harness.sim.Seeds;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Exercise cascading-1. Wrong solutions these tests reject (kept under
 * {@code src/wrong/cascading-1--*}): delegating to {@link FullJitter}, which knows no deadline
 * ({@code shouldNeverWaitPastTheDeadline}); equal jitter, half the window fixed and half random,
 * which is not uniform over the whole window ({@code shouldSpreadWaitsEvenlyOverTheWholeWindow});
 * full jitter cut off at the deadline, which piles the cut waits up at the deadline instead of
 * spreading them ({@code shouldStaySpreadWhenTheDeadlineCutsTheWindow}); doubling by a shift
 * without a guard, which overflows for late retries ({@code shouldStayWithinZeroAndTheCappedCeiling}).
 */
@Tag("exercise")
@DisplayName("cascading-1: full jitter by hand, within a deadline")
class JitterByHandExerciseTest {

    private static final long MS = 1_000_000;
    private static final long FOREVER = Long.MAX_VALUE;

    @Test
    void shouldStayWithinZeroAndTheCappedCeiling() {
        Seeds.check("full jitter within bounds", 20, seed -> {
            RandomGenerator r = new SplittableRandom(seed);
            for (int retry = 1; retry <= 80; retry++) {
                long ceiling = Math.min(1000 * MS, retry > 40 ? Long.MAX_VALUE : MS << (retry - 1));
                long d = JitterByHand.fullJitterNanos(MS, 1000 * MS, retry, FOREVER, r);
                assertThat(d).as(t("retry %d (base 1 ms, cap 1000 ms, no deadline): a wait of %d ns is outside the window [0, %d]", "재시도 %d(기본 1 ms, 상한 1000 ms, 기한 없음): 대기 %d ns가 창 [0, %d]를 벗어났어요"),
                        retry, d, ceiling).isBetween(0L, ceiling);
            }
        });
    }

    @Test
    void shouldSpreadWaitsEvenlyOverTheWholeWindow() {
        // the 4th retry: window [0, 8 ms]; ten equal slices of it should each get about a tenth of the waits
        int[] slices = histogram(n -> JitterByHand.fullJitterNanos(MS, 1000 * MS, 4, FOREVER, n), 8 * MS);
        for (int i = 0; i < slices.length; i++) {
            assertThat(slices[i]).as(t("retry 4 (window 0..8 ms): waits in %.1f..%.1f ms, of 20,000; all slices: %s", "재시도 4(창 0..8 ms): 20,000개 중 %.1f..%.1f ms에 든 대기 수. 전체 구간: %s"),
                    0.8 * i, 0.8 * (i + 1), java.util.Arrays.toString(slices)).isBetween(1_700, 2_300);
        }
    }

    @Test
    void shouldNeverWaitPastTheDeadline() {
        Seeds.check("no wait past the deadline", 20, seed -> {
            RandomGenerator r = new SplittableRandom(seed);
            for (int retry = 1; retry <= 12; retry++) {
                long left = 1 + r.nextLong(20 * MS);
                long d = JitterByHand.fullJitterNanos(MS, 1000 * MS, retry, left, r);
                assertThat(d).as(t("retry %d with %d ns left before the deadline: waited %d ns", "기한까지 %2$d ns 남은 재시도 %1$d: %3$d ns를 기다렸어요"), retry, left, d).isBetween(0L, left);
            }
        });
        RandomGenerator r = new SplittableRandom(1);
        assertThat(JitterByHand.fullJitterNanos(MS, 1000 * MS, 3, 0, r)).as(t("no time left: no retry", "남은 시간이 없으면 재시도하지 않아야 해요")).isEqualTo(-1);
        assertThat(JitterByHand.fullJitterNanos(MS, 1000 * MS, 3, -5, r)).as(t("deadline passed: no retry", "기한이 지났으면 재시도하지 않아야 해요")).isEqualTo(-1);
    }

    @Test
    void shouldStaySpreadWhenTheDeadlineCutsTheWindow() {
        // the 6th retry has a 32 ms window, but only 4 ms are left: the waits spread over [0, 4 ms]
        int[] slices = histogram(n -> JitterByHand.fullJitterNanos(MS, 1000 * MS, 6, 4 * MS, n), 4 * MS);
        for (int i = 0; i < slices.length; i++) {
            assertThat(slices[i]).as(t("retry 6 with 4 ms left: waits in %.1f..%.1f ms, of 20,000; all slices: %s", "4 ms 남은 재시도 6: 20,000개 중 %.1f..%.1f ms에 든 대기 수. 전체 구간: %s"),
                    0.4 * i, 0.4 * (i + 1), java.util.Arrays.toString(slices)).isBetween(1_700, 2_300);
        }
    }

    @Test
    void shouldRejectOutOfRangeSettings() {
        RandomGenerator r = new SplittableRandom(1);
        assertThatThrownBy(() -> JitterByHand.fullJitterNanos(MS, MS, 0, FOREVER, r)).as(t("retry 0", "재시도 0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JitterByHand.fullJitterNanos(0, MS, 1, FOREVER, r)).as(t("base 0", "기본값 0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JitterByHand.fullJitterNanos(2 * MS, MS, 1, FOREVER, r)).as(t("cap < base", "상한 < 기본값")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldNeedFarFewerCallsThanUnjitteredBackoffWhenTwentyClientsContend() {
        // given 20 clients starting together on one compare-and-set record
        BackoffPolicy yours = new BackoffPolicy() {
            @Override
            public long delayNanos(int retry, long previousNanos, RandomGenerator random) {
                return JitterByHand.fullJitterNanos(MS, 1000 * MS, retry, FOREVER, random);
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
        assertThat(jittered.allDone()).as(t("every client succeeds", "모든 클라이언트가 성공해야 해요")).isTrue();
        assertThat(jittered.calls()).as(t("calls with your jitter vs %d without", "직접 만든 지터로 한 호출 수(지터 없이는 %d번)"), lockstep.calls())
                .isLessThan(lockstep.calls() / 2);
    }

    /** 20,000 waits drawn with seed 7, counted in ten equal slices of [0, window]. */
    private static int[] histogram(java.util.function.ToLongFunction<RandomGenerator> draw, long window) {
        RandomGenerator r = new SplittableRandom(7);
        int[] slices = new int[10];
        for (int i = 0; i < 20_000; i++) {
            long d = draw.applyAsLong(r);
            assertThat(d).as(t("a wait of %d ns is outside the window [0, %d]", "대기 %d ns가 창 [0, %d]를 벗어났어요"), d, window).isBetween(0L, window);
            slices[(int) Math.min(9, d * 10 / (window + 1))]++;
        }
        return slices;
    }
}
