package dev.dbinternals.ch08.concurrency.interleaving;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Figure 8-1: every interleaving of the lost update, counted")
class InterleavingModelTest {

    @ParameterizedTest(name = "{0} threads x {1} increments, {2} steps per increment")
    @CsvSource({"2,1,3", "2,2,3", "2,3,3", "3,2,3", "2,1,2", "2,2,2", "2,3,2", "3,2,2", "4,1,3"})
    void shouldCountAsManyInterleavingsAsTheMultinomialCoefficient(int threads, int k, int stepsPerIncrement) {
        // given the racy load/compute/store program (or load/store when the compute is folded in)
        var program = stepsPerIncrement == 3 ? Programs.racyIncrement(k) : Programs.racyIncrementLoadStore(k);
        var model = InterleavingModel.threads(threads, program);

        // when every interleaving is explored
        var table = model.outcomes("race", OutcomeSpec.racyCounter(threads, k));

        // then the executions add up to (n1 + ... + nt)! / (n1! ... nt!)
        int steps = stepsPerIncrement * k;
        BigInteger expected = InterleavingModel.factorial(threads * steps)
                .divide(InterleavingModel.factorial(steps).pow(threads));
        assertThat(BigInteger.valueOf(table.totalInterleavings())).isEqualTo(expected).isEqualTo(model.closedFormInterleavings());
        assertThat(table.forbiddenReached()).as("no FORBIDDEN outcome is reachable").isFalse();
    }

    @Test
    void shouldLoseAnUpdateInEighteenOfTwentyInterleavingsOfTwoSingleIncrements() {
        // given two threads each doing load, compute, store once
        var model = InterleavingModel.threads(2, Programs.racyIncrement(1));

        // when explored
        var table = model.outcomes("2x1", OutcomeSpec.racyCounter(2, 1));

        // then only the two serial orders (one thread's load after the other's store) count both
        assertThat(table.interleavings(2)).isEqualTo(2);
        assertThat(table.interleavings(1)).isEqualTo(18);
        var witness = table.rows().stream().filter(r -> r.outcome() == 1).findFirst().orElseThrow().witness();
        assertThat(witness).hasSize(6).contains("T1 load x (0)", "T2 load x (0)", "T1 store x = 1", "T2 store x = 1");
        assertThat(witness.indexOf("T2 load x (0)")).as("the second load happens before the first store")
                .isLessThan(witness.indexOf("T1 store x = 1"));
    }

    @Test
    void shouldReachEveryValueFromTwoToSixButNeverOneWithTwoThreadsOfThreeIncrements() {
        // given 2 threads x 3 racy increments
        var table = InterleavingModel.threads(2, Programs.racyIncrement(3)).outcomes("2x3", OutcomeSpec.racyCounter(2, 3));

        // then 2..6 are reachable and 1 (declared FORBIDDEN) is proved unreachable
        assertThat(table.reachedOutcomes()).containsExactly(6, 5, 4, 3, 2);
        assertThat(table.interleavings(1)).isZero();
        assertThat(table.interleavings(0)).isZero();
    }

    @Test
    void shouldReachTwoAsTheMinimumWithThreeThreadsOfTwoIncrements() {
        var table = InterleavingModel.threads(3, Programs.racyIncrement(2)).outcomes("3x2", OutcomeSpec.racyCounter(3, 2));

        assertThat(table.reachedOutcomes()).containsExactly(6, 5, 4, 3, 2);
        assertThat(table.totalInterleavings()).isEqualTo(17_153_136L); // 18! / (6!)^3
    }

    @ParameterizedTest(name = "{0} threads x {1} increments")
    @CsvSource({"2,1", "2,2", "2,3", "3,2"})
    void shouldReachOnlyTheExactCountWithALock(int threads, int k) {
        var table = InterleavingModel.threads(threads, Programs.lockedIncrement(k))
                .outcomes("lock", OutcomeSpec.exactCounter(threads, k));

        assertThat(table.reachedOutcomes()).containsExactly(threads * k);
        assertThat(table.forbiddenReached()).isFalse();
    }

    @ParameterizedTest(name = "{0} threads x {1} increments")
    @CsvSource({"2,1", "2,2", "2,3", "3,2"})
    void shouldReachOnlyTheExactCountWithACasRetryLoop(int threads, int k) {
        var table = InterleavingModel.threads(threads, Programs.casLoopIncrement(k))
                .outcomes("cas", OutcomeSpec.exactCounter(threads, k));

        assertThat(table.reachedOutcomes()).containsExactly(threads * k);
        assertThat(table.totalInterleavings()).isGreaterThan(0);
    }

    @Test
    void shouldReachOnlyTheExactCountWithFetchAndAdd() {
        var table = InterleavingModel.threads(3, Programs.atomicIncrement(2)).outcomes("faa", OutcomeSpec.exactCounter(3, 2));

        assertThat(table.reachedOutcomes()).containsExactly(6);
        assertThat(table.totalInterleavings()).isEqualTo(90); // 6! / (2!)^3
    }
}
