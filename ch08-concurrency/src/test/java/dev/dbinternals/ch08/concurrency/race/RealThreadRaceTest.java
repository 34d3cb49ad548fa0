package dev.dbinternals.ch08.concurrency.race;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbinternals.ch08.harness.check.LinearizabilityChecker;
import dev.dbinternals.ch08.harness.check.Models;
import dev.dbinternals.ch08.harness.check.Verdict;
import dev.dbinternals.ch08.concurrency.race.RealThreadRace.Variant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Real threads: only what cannot flake is asserted. The fixed variants are exact on every run;
 * how often the racy one loses updates depends on the machine, so it is never asserted.
 */
@DisplayName("Real threads: the fixed counters are exact on every run")
class RealThreadRaceTest {

    @ParameterizedTest
    @EnumSource(value = Variant.class, names = {"LOCKED", "CAS_LOOP", "ATOMIC"})
    void shouldEndEveryTrialWithTheExactCount(Variant variant) throws InterruptedException {
        // given 3 threads x 2 increments, 2,000 trials, with a slow compute step to widen the window
        var h = RealThreadRace.run(variant, 3, 2, 2_000, 5);

        // then every trial ends at 6
        assertThat(h.counts()).containsOnlyKeys(6);
        assertThat(h.trialsEndingAt(6)).isEqualTo(2_000);
    }

    @Test
    void shouldNeverCountMoreThanWasIncrementedEvenWhenRacy() throws InterruptedException {
        var h = RealThreadRace.run(Variant.RACY, 2, 3, 2_000, 0);

        assertThat(h.counts().keySet()).allMatch(v -> v >= 2 && v <= 6);
        assertThat(h.counts().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(2_000);
    }

    @Test
    void shouldRecordALinearizableHistoryOfTheAtomicCounter() throws InterruptedException {
        var history = RecordedCounter.record(Variant.ATOMIC, 2, 2_000, 0);

        assertThat(RecordedCounter.finalRead(history)).isEqualTo(4_000);
        assertThat(LinearizabilityChecker.create().check(history, Models.counter(0)).verdict()).isEqualTo(Verdict.OK);
    }

    @Test
    void shouldRecordOnlyLinearizableHistoriesOfAnAtomicCasRegister() throws InterruptedException {
        for (long seed = 1; seed <= 5; seed++) {
            var history = RecordedCasRegister.record(true, 3, 2_000, seed);

            assertThat(LinearizabilityChecker.create().check(history, Models.casRegister(0L)).verdict())
                    .as("seed %d", seed).isEqualTo(Verdict.OK);
        }
    }
}
