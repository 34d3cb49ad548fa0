package dev.dbinternals.ch08.links.exactlyonce;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbinternals.ch08.harness.DurableStorage;
import dev.dbinternals.ch08.links.ladder.MemoryStorage;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.SortedSet;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Exercise links-3. Typical wrong solutions, each failed by a test below (fixtures in
 * {@code src/wrong/links-3--*}): the processed ids kept in memory ({@code --memory-set}); the
 * effect synced first and the record in a second sync ({@code --two-syncs}); the record made
 * durable before the effect runs ({@code --record-first}).
 */
@Tag("exercise")
@DisplayName("links-3: persist the dedup table for crash-recovery")
class DurableDedupTableExerciseTest {

    private static Consumer<dev.dbinternals.ch08.harness.DurableStorage> addOne() {
        return st -> {
            long v = st.get("balance").map(b -> ByteBuffer.wrap(b).getLong()).orElse(0L);
            st.put("balance", ByteBuffer.allocate(8).putLong(v + 1).array());
        };
    }

    private static long balance(MemoryStorage st) {
        return st.get("balance").map(b -> ByteBuffer.wrap(b).getLong()).orElse(0L);
    }

    @Test
    void shouldApplyARequestOnceAndSkipItsRetry() {
        MemoryStorage st = new MemoryStorage();
        DurableDedupTable table = new DurableDedupTable(st);
        assertThat(table.applyOnce("r1", addOne())).as(t("first time: applied", "처음: 적용돼요")).isTrue();
        assertThat(table.applyOnce("r1", addOne())).as(t("retry: skipped", "재시도: 건너뛰어요")).isFalse();
        assertThat(balance(st)).as(t("the effect ran once", "효과가 한 번 실행됐어요")).isEqualTo(1);
    }

    @Test
    void shouldRememberProcessedRequestsAcrossACrash() {
        // given a request processed, then a crash and a restart
        MemoryStorage st = new MemoryStorage();
        new DurableDedupTable(st).applyOnce("r1", addOne());
        st.crash();
        DurableDedupTable afterRestart = new DurableDedupTable(st);
        // then the new life knows r1 and does not apply its retry
        assertThat(afterRestart.alreadyProcessed("r1")).as(t("r1 must be in durable storage after the crash", "충돌 뒤에도 r1이 영속 저장소에 있어야 해요")).isTrue();
        assertThat(afterRestart.applyOnce("r1", addOne())).as(t("the retry after the restart is a duplicate", "재시작 뒤의 재시도는 중복이에요")).isFalse();
        assertThat(balance(st)).as(t("balance after crash and retry", "충돌과 재시도 뒤의 잔액")).isEqualTo(1);
    }

    @Test
    void shouldLoseNeitherOrBothWhenTheCrashComesInsideTheEffect() {
        // given a crash after the effect wrote but before anything was synced
        MemoryStorage st = new MemoryStorage();
        DurableDedupTable table = new DurableDedupTable(st);
        assertThatThrownBy(() -> table.applyOnce("r1", addOne().andThen(s -> {
            throw new IllegalStateException("crash inside the handler");
        }))).as(t("applyOnce must let the effect's exception (the crash) propagate", "applyOnce는 효과의 예외(충돌)를 그대로 전파해야 해요")).hasMessageContaining("crash inside the handler");
        st.crash();
        // when the retry arrives at the restarted process
        DurableDedupTable afterRestart = new DurableDedupTable(st);
        assertThat(afterRestart.alreadyProcessed("r1")).as(t("nothing was synced, so r1 is not processed", "아무것도 동기화되지 않았으니 r1은 처리되지 않은 거예요")).isFalse();
        assertThat(afterRestart.applyOnce("r1", addOne())).as(t("the retry runs the effect: the crashed attempt left nothing durable", "재시도가 효과를 실행해요: 충돌한 시도는 영속적인 것을 아무것도 남기지 않았어요")).isTrue();
        // then the effect is applied exactly once
        assertThat(balance(st)).as(t("the lost attempt's unsynced write is gone; the retry's counts once", "잃어버린 시도의 동기화되지 않은 쓰기는 사라지고, 재시도의 쓰기가 한 번 세어져요")).isEqualTo(1);
        st.crash();
        assertThat(balance(st)).as(t("the effect and the record were synced together", "효과와 기록을 함께 동기화했어요")).isEqualTo(1);
        assertThat(new DurableDedupTable(st).alreadyProcessed("r1")).as(t("the record was synced with the effect", "기록이 효과와 함께 동기화됐어요")).isTrue();
    }

    /** Thrown where the process dies. */
    private static final class Crash extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Crash(String where) {
            super("crash before " + where);
        }
    }

    /** The storage of a process that dies at its {@code dieAt}-th put, remove or sync (that step does not happen). */
    private static DurableStorage dyingAt(MemoryStorage st, int dieAt) {
        int[] steps = {0};
        return new DurableStorage() {
            private void step(String what) {
                if (++steps[0] == dieAt) {
                    throw new Crash(what);
                }
            }

            public Optional<byte[]> get(String key) {
                return st.get(key);
            }

            public void put(String key, byte[] value) {
                step("put(\"" + key + "\")");
                st.put(key, value);
            }

            public void remove(String key) {
                step("remove(\"" + key + "\")");
                st.remove(key);
            }

            public void sync() {
                step("sync()");
                st.sync();
            }

            public SortedSet<String> keys() {
                return st.keys();
            }
        };
    }

    @Test
    void shouldApplyTheEffectExactlyOnceWhateverStepACrashInterrupts() {
        for (int dieAt = 1; dieAt <= 12; dieAt++) {
            // given a process that dies at its dieAt-th write or sync while applying r1 (or not at all, if it has fewer)
            MemoryStorage st = new MemoryStorage();
            String where = "no crash (applyOnce returned)";
            try {
                new DurableDedupTable(dyingAt(st, dieAt)).applyOnce("r1", addOne());
            } catch (Crash c) {
                where = c.getMessage();
            }
            st.crash();
            // when the restarted process gets the retry of r1, and crashes once more afterwards
            new DurableDedupTable(st).applyOnce("r1", addOne());
            st.crash();
            // then
            assertThat(balance(st)).as(t("%s, then the retry, then a crash: the effect of r1 must be durable exactly once", "%s, 이어서 재시도, 이어서 충돌: r1의 효과는 영속 저장소에 정확히 한 번 있어야 해요"), where).isEqualTo(1);
        }
    }

    @Test
    void shouldKeepWhatItReturnedForAcrossACrash() {
        MemoryStorage st = new MemoryStorage();
        new DurableDedupTable(st).applyOnce("r1", addOne());
        st.crash();
        assertThat(balance(st)).as(t("applyOnce returned true, then the process crashed: the effect must have survived", "applyOnce가 true를 반환한 뒤 프로세스가 충돌했어요: 효과는 살아남았어야 해요")).isEqualTo(1);
    }
}
