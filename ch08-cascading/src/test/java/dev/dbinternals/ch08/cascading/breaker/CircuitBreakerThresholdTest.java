package dev.dbinternals.ch08.cascading.breaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The breaker opens "at or above" its failure-rate threshold, exactly: every (failures, window)
 * pair for windows 1..200 is checked against a reference computed in {@link BigDecimal} or in
 * integer ratios, independently of the breaker's own arithmetic.
 */
class CircuitBreakerThresholdTest {

    /** A threshold as the breaker is configured, and the exact "failures / calls ≥ threshold" it must implement. */
    private record Threshold(String name, UnaryOperator<CircuitBreaker.Config> configure,
                             BiPredicate<Integer, Integer> reference) {
        static Threshold decimal(String written) {
            BigDecimal t = new BigDecimal(written); // the decimal as written: 0.55 is exactly 55/100
            return new Threshold(written, c -> c.withFailureRateThreshold(Double.parseDouble(written)),
                    (f, n) -> new BigDecimal(f).compareTo(t.multiply(new BigDecimal(n))) >= 0);
        }

        static Threshold fraction(long p, long q) {
            return new Threshold(p + "/" + q, c -> c.withFailureRateThreshold(p, q), (f, n) -> (long) f * q >= p * n);
        }
    }

    private static final List<Threshold> THRESHOLDS = List.of(
            Threshold.decimal("0.14"), Threshold.decimal("0.28"), Threshold.decimal("0.5"),
            Threshold.decimal("0.55"), Threshold.decimal("0.1"), Threshold.decimal("0.3"),
            Threshold.decimal("0.7"), Threshold.decimal("0.05"), Threshold.decimal("1"),
            // 1.0 / 3 as a double prints as 0.3333333333333333: that decimal is the threshold
            Threshold.decimal(Double.toString(1.0 / 3)),
            Threshold.fraction(1, 3), Threshold.fraction(2, 3), Threshold.fraction(1, 7));

    @Test
    void shouldOpenExactlyWhenTheFailureRateIsAtOrAboveTheThresholdForEveryWindowUpTo200() {
        long checked = 0;
        for (Threshold t : THRESHOLDS) {
            for (int n = 1; n <= 200; n++) {
                CircuitBreaker.Config config = t.configure().apply(CircuitBreaker.Config.defaults()
                        .withWindowSize(n).withMinimumCalls(n).withWaitInOpen(Duration.ofDays(1)));
                for (int f = 0; f <= n; f++) {
                    boolean expected = t.reference().test(f, n);
                    // the predicate the breaker uses ...
                    assertThat(config.reachesThreshold(f, n)).as("threshold %s, %d failures of %d", t.name(), f, n)
                            .isEqualTo(expected);
                    // ... and a real breaker fed n - f successes, then f failures (no decision before n outcomes)
                    CircuitBreaker b = config.build(() -> 0L);
                    for (int i = 0; i < n - f; i++) {
                        b.onSuccess();
                    }
                    for (int i = 0; i < f; i++) {
                        b.onFailure();
                    }
                    assertThat(b.isOpen()).as("breaker at threshold %s after %d failures of %d", t.name(), f, n)
                            .isEqualTo(expected);
                    checked++;
                }
            }
        }
        assertThat(checked).as("pairs: sum over n = 1..200 of (n + 1), per threshold")
                .isEqualTo(THRESHOLDS.size() * 20_300L);
    }

    @Test
    void shouldOpenOnTheBoundariesFloatingPointMisses() {
        // 0.55 * 100, 0.14 * 50 and 0.28 * 25 all evaluate a hair above the integer in doubles
        assertThat(0.55 * 100).as("why a double comparison fails").isGreaterThan(55);
        assertThat(opensAfter(0.55, 100, 55)).as("55 of 100 at 0.55").isTrue();
        assertThat(opensAfter(0.55, 100, 54)).as("54 of 100 at 0.55").isFalse();
        assertThat(opensAfter(0.14, 50, 7)).as("7 of 50 at 0.14").isTrue();
        assertThat(opensAfter(0.28, 25, 7)).as("7 of 25 at 0.28").isTrue();
    }

    @Test
    void shouldApplyTheExactThresholdWhileTheWindowIsStillFilling() {
        // given a window of 200 that decides from 20 outcomes on, at 0.14
        CircuitBreaker b = CircuitBreaker.Config.defaults().withWindowSize(200).withMinimumCalls(20)
                .withFailureRateThreshold(0.14).withWaitInOpen(Duration.ofDays(1)).build(() -> 0L);
        for (int i = 0; i < 43; i++) {
            b.onSuccess();
        }
        for (int i = 0; i < 6; i++) {
            b.onFailure();
        }
        assertThat(b.isClosed()).as("6 of 49 = 12.2%% < 14%%").isTrue();
        b.onFailure();
        assertThat(b.isOpen()).as("7 of 50 = 14%% exactly").isTrue();
    }

    @Test
    void shouldReportTheThresholdAsTheFractionItUses() {
        CircuitBreaker.Config c = CircuitBreaker.Config.defaults();
        assertThat(c.failureRateThresholdFraction()).as("default 0.5").isEqualTo("1/2");
        assertThat(c.withFailureRateThreshold(0.55).failureRateThresholdFraction()).isEqualTo("11/20");
        assertThat(c.withFailureRateThreshold(2, 6).failureRateThresholdFraction()).isEqualTo("1/3");
        assertThat(c.withFailureRateThreshold(1.0).failureRateThresholdFraction()).isEqualTo("1/1");
        assertThat(c.withFailureRateThreshold(0.55).failureRateThreshold()).isEqualTo(0.55);
    }

    @Test
    void shouldRejectThresholdsOutsideTheRangeOrTooFineWithAClearMessage() {
        CircuitBreaker.Config c = CircuitBreaker.Config.defaults();
        assertThatThrownBy(() -> c.withFailureRateThreshold(0, 3)).hasMessageContaining("(0, 1]");
        assertThatThrownBy(() -> c.withFailureRateThreshold(4, 3)).hasMessageContaining("(0, 1]");
        assertThatThrownBy(() -> c.withFailureRateThreshold(1, -3)).hasMessageContaining("(0, 1]");
        assertThatThrownBy(() -> c.withFailureRateThreshold(Double.NaN)).hasMessageContaining("(0, 1]");
        assertThatThrownBy(() -> c.withFailureRateThreshold(1e-300)).hasMessageContaining("18 decimal places");
        assertThatThrownBy(() -> c.reachesThreshold(5, 4)).hasMessageContaining("failures <= calls");
    }

    private static boolean opensAfter(double threshold, int window, int failures) {
        CircuitBreaker b = CircuitBreaker.Config.defaults().withWindowSize(window).withMinimumCalls(window)
                .withFailureRateThreshold(threshold).withWaitInOpen(Duration.ofDays(1)).build(() -> 0L);
        for (int i = 0; i < window - failures; i++) {
            b.onSuccess();
        }
        for (int i = 0; i < failures; i++) {
            b.onFailure();
        }
        return b.isOpen();
    }
}
