package dev.dbinternals.ch08.cascading.processing;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.dbinternals.ch08.harness.sim.Seeds;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Exercise cascading-4. Wrong solutions these tests reject (kept under
 * {@code src/wrong/cascading-4--*}): an L that returns λ·W, true by construction and measuring
 * nothing ({@code shouldMeasureAWindowThatCutsRequests}); L as the average of n seen at arrivals,
 * not over time ({@code shouldMeasureAHandWorkedExample}); L that counts only the requests that
 * arrived in the window ({@code shouldMeasureAWindowThatCutsRequests}); L as the mean of n looked
 * at once per millisecond, and λ in integer arithmetic
 * ({@code shouldMeasureTimesOffTheMillisecondGrid}).
 */
@Tag("exercise")
@DisplayName("cascading-4: Little's law, measured")
class LittleMeterExerciseTest {

    private static final long MS = 1_000_000;

    @Test
    void shouldMeasureAHandWorkedExample() {
        // given the window [0, 4 ms) and two requests inside it: [0, 2) and [1, 4)
        LittleMeter m = new LittleMeter(0, 4 * MS);
        m.record(0, 2 * MS);
        m.record(MS, 4 * MS);
        // then λ = 2 / 4 ms = 500/s, W = (2 + 3) / 2 = 2.5 ms, and n(t) is 1, 2, 1 for 1, 1, 2 ms: L = 4 / 4 = 1.25
        assertThat(m.arrivalRatePerSecond()).as(t("λ: 2 arrivals in 4 ms", "λ: 4 ms 동안 도착 2번")).isCloseTo(500.0, within(1e-9));
        assertThat(m.meanTimeInSystemNanos()).as(t("W in ns: times inside 2 and 3 ms", "W(ns): 시스템 안에 있던 시간 2 ms와 3 ms")).isCloseTo(2.5 * MS, within(1e-6));
        assertThat(m.averageInSystem()).as(t("L, the time average of n(t): 1 request for 1 ms, 2 for 1 ms, 1 for 2 ms", "L, n(t)의 시간 평균: 1 ms 동안 요청 1개, 1 ms 동안 2개, 2 ms 동안 1개")).isCloseTo(1.25, within(1e-9));
    }

    @Test
    void shouldMeasureAWindowThatCutsRequests() {
        // given the window [0, 4 ms) and requests [-1, 1), [1, 3) and [3, 6): the first arrived before it, the last leaves after it
        LittleMeter m = new LittleMeter(0, 4 * MS);
        m.record(-MS, MS);
        m.record(MS, 3 * MS);
        m.record(3 * MS, 6 * MS);
        // then λ counts the 2 arrivals in the window, W their whole times (2 and 3 ms), L the 1 + 2 + 1 ms spent inside the window
        assertThat(m.arrivalRatePerSecond()).as(t("λ: 2 arrivals in the 4 ms window", "λ: 4 ms 창에서 도착 2번")).isCloseTo(500.0, within(1e-9));
        assertThat(m.meanTimeInSystemNanos()).as(t("W in ns of the 2 requests that arrived in the window", "창 안에 도착한 요청 2개의 W(ns)")).isCloseTo(2.5 * MS, within(1e-6));
        assertThat(m.averageInSystem()).as(t("L over the window: 1 ms of the first request, 2 ms of the second, 1 ms of the third,"
                + " over 4 ms (λ·W would be 1.25: in a short window the two differ)",
                "창 전체의 L: 첫 요청 1 ms, 둘째 2 ms, 셋째 1 ms를 4 ms로 나눈 값"
                + "(λ·W라면 1.25: 짧은 창에서는 둘이 달라요)")).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void shouldMeasureTimesOffTheMillisecondGrid() {
        // given the window [0, 3 ms) and requests [0.5, 2.3) and [1, 1.5) ms: times between the milliseconds
        LittleMeter m = new LittleMeter(0, 3 * MS);
        m.record(MS / 2, 2_300_000);
        m.record(MS, 1_500_000);
        // then λ is 2 arrivals in 3 ms, not a whole number per second; L counts every nanosecond, not whole ms
        assertThat(m.arrivalRatePerSecond()).as(t("λ: 2 arrivals in 3 ms", "λ: 3 ms 동안 도착 2번")).isCloseTo(2e9 / (3 * MS), within(1e-9));
        assertThat(m.meanTimeInSystemNanos()).as(t("W in ns: times inside 1.8 and 0.5 ms", "W(ns): 시스템 안에 있던 시간 1.8 ms와 0.5 ms")).isCloseTo(1.15 * MS, within(1e-6));
        assertThat(m.averageInSystem()).as(t("L, the time average of n(t): 1.8 + 0.5 ms in the system over 3 ms", "L, n(t)의 시간 평균: 3 ms 동안 시스템 안에 1.8 + 0.5 ms"))
                .isCloseTo(2.3 / 3, within(1e-9));
    }

    @Test
    void shouldRejectBadInput() {
        assertThatThrownBy(() -> new LittleMeter(0, 10).record(5, 4)).as(t("a departure before its arrival", "도착보다 이른 출발")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LittleMeter(10, 10)).as(t("an empty window", "빈 창")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldFindLittlesLawOverALongWindowOfAQueue() {
        Seeds.check("L = λW over a long window of a FIFO queue", 10, seed -> {
            // given a FIFO server (1 ms per request) fed by Poisson arrivals at 800/s for about 6 s, watched from 0.5 s to 5.5 s
            SplittableRandom r = new SplittableRandom(seed);
            LittleMeter m = new LittleMeter(500 * MS, 5_500 * MS);
            long t = 0;
            long free = 0;
            for (int i = 0; i < 5000; i++) {
                t += (long) (-Math.log(1 - r.nextDouble()) * 1.25 * MS);
                long start = Math.max(t, free);
                free = start + MS;
                m.record(t, free);
            }
            // then L measured over time agrees with λ·W measured from the requests, up to the window's edges
            double lw = m.arrivalRatePerSecond() * m.meanTimeInSystemNanos() / 1e9;
            assertThat(m.averageInSystem()).as(t("L over the window vs λ·W = %.4f", "창 전체의 L과 λ·W = %.4f 비교"), lw).isCloseTo(lw, within(0.03 * lw));
            assertThat(m.meanTimeInSystemNanos()).as(t("W at 80%% load is several service times (M/D/1: 3 ms)", "부하 80%%에서 W는 서비스 시간의 몇 배예요(M/D/1: 3 ms)"))
                    .isBetween(2.0 * MS, 4.5 * MS);
        });
    }
}
