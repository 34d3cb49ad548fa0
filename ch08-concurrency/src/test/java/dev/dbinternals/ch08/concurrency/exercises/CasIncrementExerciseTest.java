package dev.dbinternals.ch08.concurrency.exercises;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbinternals.ch08.concurrency.interleaving.Instr;
import dev.dbinternals.ch08.concurrency.interleaving.InterleavingModel;
import dev.dbinternals.ch08.harness.explore.Explorer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Exercise conc-1, graded by exhaustive search of the interleaving model.
 *
 * <p>Wrong solutions this catches (kept in {@code src/wrong/conc-1--*}):
 * <ul>
 *   <li>{@code delegate}: returns the module's {@code Programs.casLoopIncrement}, which updates x only;</li>
 *   <li>{@code no-retry}: a failed CAS just moves on ({@code retryBack} 0), so its update is lost;</li>
 *   <li>{@code retry-to-compute}: a failed CAS jumps back to the Compute, so it retries with the stale value
 *       forever;</li>
 *   <li>{@code retry-from-round-start}: y's CAS jumps back to the load of x, so a retry adds to x again.</li>
 * </ul>
 */
@Tag("exercise")
@DisplayName("conc-1: two lock-free counters with CAS retry loops (in the model)")
class CasIncrementExerciseTest {

    @Test
    void shouldEndWithBothCountsExactInEveryInterleavingOfTwoThreads() {
        assertEveryInterleavingExact(2, 1);
        assertEveryInterleavingExact(2, 2);
    }

    @Test
    void shouldEndWithBothCountsExactInEveryInterleavingOfThreeThreads() {
        assertEveryInterleavingExact(3, 1);
    }

    @Test
    void shouldRetryEachFailedCasFromTheLoadOfItsOwnVariable() {
        List<Instr> program = CasIncrementProgram.program(2);

        for (int i = 0; i < program.size(); i++) {
            if (program.get(i) instanceof Instr.Cas cas) {
                int target = i - cas.retryBack();
                assertThat(cas.retryBack()).as(t("the Cas at instruction %d must retry (retryBack > 0): without a retry a failed CAS"
                        + " loses its update", "명령 %d의 Cas는 재시도해야 해요 (retryBack > 0): 재시도하지 않으면 실패한 CAS는"
                        + " 자기 갱신을 잃어요"), i).isPositive();
                assertThat(target >= 0 && program.get(target) instanceof Instr.Load load && load.var() == cas.var()
                        && load.reg() == cas.expectedReg())
                        .as(t("the Cas at instruction %d (on variable %d) jumps back %d to instruction %d (%s), which is not a Load of"
                                + " that same variable into the Cas's expected register r%d", "명령 %d의 Cas(변수 %d)는 %d만큼 되돌아가 명령 %d(%s)로 가는데, 그 명령은 같은 변수를"
                                + " Cas의 기댓값 레지스터 r%d로 읽는 Load가 아니에요"),
                                i, cas.var(), cas.retryBack(), target,
                                target >= 0 && target < program.size() ? program.get(target) : t("outside the program", "프로그램 밖"), cas.expectedReg())
                        .isTrue();
            }
        }
    }

    @Test
    void shouldUseCompareAndSetRatherThanALockOrFetchAndAdd() {
        var program = CasIncrementProgram.program(1);

        assertThat(program).as(t("the program must use Cas", "프로그램은 Cas를 써야 해요")).anyMatch(i -> i instanceof Instr.Cas);
        assertThat(program).as(t("no Lock, no FetchAndAdd", "Lock도 FetchAndAdd도 쓰면 안 돼요")).noneMatch(i -> i instanceof Instr.Lock || i instanceof Instr.FetchAndAdd);
    }

    private static void assertEveryInterleavingExact(int threads, int k) {
        Explorer.Result<dev.dbinternals.ch08.concurrency.interleaving.Machine> result =
                InterleavingModel.threads(threads, CasIncrementProgram.program(k)).explore();
        Map<List<Integer>, Explorer.OutcomeCount> outcomes;
        try {
            outcomes = result.countExecutionsByOutcome(m -> List.of(m.var(CasIncrementProgram.X), m.var(CasIncrementProgram.Y)));
        } catch (IllegalStateException e) {
            throw new AssertionError(threads + " threads x " + k + " rounds: some execution never ends (a thread can repeat the"
                    + " same steps forever in the same state: does every retry start from a fresh value?)", e);
        }
        List<Integer> exact = List.of(threads * k, 2 * threads * k);
        outcomes.forEach((end, count) -> assertThat(end)
                .as(t("%d threads x %d rounds: %,d interleavings end with x = %d, y = %d instead of x = %d, y = %d; the shortest:%n  %s", "스레드 %1$d개 x %2$d라운드: 인터리빙 %3$,d개가 x = %6$d, y = %7$d 대신 x = %4$d, y = %5$d로 끝나요. 가장 짧은 것:%n  %8$s"),
                        threads, k, count.executions(), end.get(0), end.get(1), exact.get(0), exact.get(1),
                        String.join("\n  ", count.witness()))
                .isEqualTo(exact));
    }
}
