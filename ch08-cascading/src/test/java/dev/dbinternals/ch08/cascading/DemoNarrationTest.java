package dev.dbinternals.ch08.cascading;

import dev.dbinternals.ch08.cascading.breaker.BreakerExperiment;
import dev.dbinternals.ch08.cascading.storm.RetryStorm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbinternals.ch08.harness.lang.Lang;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The demos' verdict sentences come from the numbers they are given: fed numbers that tell the
 * opposite story, they must say the opposite, not the usual result.
 */
class DemoNarrationTest {

    private static final Duration B = RetryStorm.BUCKET;

    private String languageBefore;

    /** These tests read the English sentences: English whatever the locale of the machine. */
    @BeforeEach
    void useEnglish() {
        languageBefore = System.getProperty(Lang.PROPERTY);
        Lang.use(Lang.EN);
    }

    @AfterEach
    void restoreLanguage() {
        if (languageBefore == null) {
            System.clearProperty(Lang.PROPERTY);
        } else {
            System.setProperty(Lang.PROPERTY, languageBefore);
        }
    }

    private static RetryStorm.Result storm(String name, long okPerBucketAtEnd) {
        long[] ok = new long[30];
        java.util.Arrays.fill(ok, 0, 10, 180);
        java.util.Arrays.fill(ok, 10, 30, okPerBucketAtEnd);
        return new RetryStorm.Result(name, 1000, 1000, 1000, 0, 0, ok, ok, 0);
    }

    @Test
    void shouldListOnlyTheStrategiesThatReallyCollapsedOrRecovered() {
        String said = Demo06RetryStorm.verdict(List.of(storm("no retries", 177), storm("immediate, 5", 0),
                storm("budget", 175)), 30, B);
        assertThat(said).contains("Still collapsed in the last second of the run (below 90% of the no-retry goodput):\n  immediate, 5.")
                .contains("Recovered by the last second:\n  budget.");
        String calm = Demo06RetryStorm.verdict(List.of(storm("no retries", 177), storm("immediate, 5", 170)), 30, B);
        assertThat(calm).doesNotContain("Still collapsed").doesNotContain("metastable").contains("Recovered by the last second:\n  immediate, 5.");
    }

    @Test
    void shouldSayTheLockstepFormulaHeldOnlyWhenEveryRowMatchesIt() {
        int[] ns = {5, 10};
        double[][] time = {{25, 531}, {13, 23}, {20, 51}, {18, 31}};
        String held = Demo04Jitter.verdict(ns, new double[][] {{15, 55}, {14, 37}, {15, 42}, {12, 30}}, time);
        assertThat(held).contains("made N(N+1)/2 calls in every row").contains("in 2 of 2 rows");
        String broken = Demo04Jitter.verdict(ns, new double[][] {{15, 54}, {14, 37}, {13, 36}, {12, 30}}, time);
        assertThat(broken).contains("did not make N(N+1)/2 calls in every row").contains("in 0 of 2 rows");
    }

    @Test
    void shouldReportCorruptionThatGotPastTheChecksum() {
        assertThat(Demo07Checksums.verdict(new long[] {100, 40, 0, 30, 5, 3}, new long[] {100, 40, 60, 0, 0, 0}, 5))
                .contains("5 distinct corrupt records were stored 30 times").contains("nothing corrupt was stored");
        assertThat(Demo07Checksums.verdict(new long[] {100, 40, 0, 0, 0, 0}, new long[] {100, 40, 59, 1, 1, 1}, 5))
                .contains("no corrupt record happened to be stored").contains("1 corrupt records were stored")
                .doesNotContain("nothing corrupt");
    }

    @Test
    void shouldNarrateTheBreakerTransitionsThatHappened() {
        assertThat(Demo05CircuitBreaker.transitionsVerdict(List.of("  1 ms  CLOSED -> OPEN", "  9 ms  OPEN -> HALF_OPEN")))
                .contains("no trial call failed").contains("had not closed again");
        assertThat(Demo05CircuitBreaker.transitionsVerdict(List.of("  1 ms  CLOSED -> OPEN", "  5 ms  OPEN -> HALF_OPEN",
                "  6 ms  HALF_OPEN -> OPEN", "  9 ms  OPEN -> HALF_OPEN", " 10 ms  HALF_OPEN -> CLOSED")))
                .contains("a trial call failed 1 time").contains("three trial successes closed it");
    }

    @Test
    void shouldNarrateTheCascadeFromTheSimulatedRuns() {
        BreakerExperiment.Result without = BreakerExperiment.run(1, null, Duration.ofMillis(500), Duration.ofMillis(2000),
                Duration.ofMillis(2500));
        BreakerExperiment.Result with = BreakerExperiment.run(1, Demo05CircuitBreaker.demoBreaker(), Duration.ofMillis(500),
                Duration.ofMillis(2000), Duration.ofMillis(2500));
        assertThat(Demo05CircuitBreaker.cascadeVerdict(without.frontend(), with.frontend()))
                .contains("cascaded to the front end").contains("failed fast instead");
        // the same run on both sides: no cascade difference to claim
        assertThat(Demo05CircuitBreaker.cascadeVerdict(with.frontend(), with.frontend()))
                .doesNotContain("cascaded to the front end").contains("fared no worse");
    }
}
