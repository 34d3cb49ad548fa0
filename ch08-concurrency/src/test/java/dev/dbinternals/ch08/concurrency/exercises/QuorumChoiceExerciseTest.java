package dev.dbinternals.ch08.concurrency.exercises;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbinternals.ch08.harness.check.Verdict;
import dev.dbinternals.ch08.concurrency.replication.QuorumScenario;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Exercise conc-5: the reader's R and W, checked for N = 1..7 and in the quorum scenario.
 *
 * <p>Wrong solutions this catches (kept in {@code src/wrong/conc-5--*}):
 * <ul>
 *   <li>{@code half}: R = W = ⌊N/2⌋: for N = 3, R + W = 2 ≤ N;</li>
 *   <li>{@code half-rounded-up}: R = W = ⌈N/2⌉: for N = 4, a read of 2 replicas need not meet a write of 2;</li>
 *   <li>{@code all-replicas}: R = W = N: safe, but not the smallest, and one crashed replica stops every operation.</li>
 * </ul>
 */
@Tag("exercise")
@DisplayName("conc-5: make R and W a quorum")
class QuorumChoiceExerciseTest {

    @Test
    void shouldChooseOverlappingMajoritiesForOneToSevenReplicas() {
        for (int n = 1; n <= 7; n++) {
            var q = QuorumChoice.forReadsThatSeeTheLatestWrite(n);

            assertThat(q.n()).isEqualTo(n);
            assertThat(q.r() + q.w()).as(t("R + W > N for N = %d", "N = %d일 때 R + W > N이어야 해요"), n).isGreaterThan(n);
            assertThat(2 * q.w()).as(t("two write quorums meet: 2W > N for N = %d (with R = W, the same as R + W > N)", "두 쓰기 쿼럼이 겹쳐야 해요: N = %d일 때 2W > N (R = W이면 R + W > N과 같아요)"), n)
                    .isGreaterThan(n);
            assertThat(q.r()).as(t("R = W for N = %d", "N = %d일 때 R = W여야 해요"), n).isEqualTo(q.w());
            assertThat(2 * (q.w() - 1) > n)
                    .as(t("N = %d, R = W = %d: one replica fewer in each quorum would still make every two quorums meet;"
                            + " choose the smallest", "N = %d, R = W = %d: 쿼럼마다 복제본을 하나씩 줄여도 어느 두 쿼럼이든 여전히 겹쳐요."
                            + " 가장 작은 값을 고르세요"), n, q.w())
                    .isFalse();
        }
    }

    @Test
    void shouldNeverReadStaleInTheSimulation() {
        var outcome = new QuorumScenario(QuorumChoice.forReadsThatSeeTheLatestWrite(3), false).run(1);

        assertThat(outcome.firstRead()).as(t("B reads the value A's completed write stored", "B는 완료된 A의 쓰기가 저장한 값을 읽어야 해요")).isEqualTo(1L);
        assertThat(outcome.check().verdict()).isEqualTo(Verdict.OK);
    }
}
