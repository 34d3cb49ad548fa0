package dev.dbinternals.ch08.links.exactlyonce;

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
        assertThat(table.applyOnce("r1", addOne())).as("first time: applied").isTrue();
        assertThat(table.applyOnce("r1", addOne())).as("retry: skipped").isFalse();
        assertThat(balance(st)).as("the effect ran once").isEqualTo(1);
    }

    @Test
    void shouldRememberProcessedRequestsAcrossACrash() {
        // given a request processed, then a crash and a restart
        MemoryStorage st = new MemoryStorage();
        new DurableDedupTable(st).applyOnce("r1", addOne());
        st.crash();
        DurableDedupTable afterRestart = new DurableDedupTable(st);
        // then the new life knows r1 and does not apply its retry
        assertThat(afterRestart.alreadyProcessed("r1")).as("r1 must be in durable storage after the crash").isTrue();
        assertThat(afterRestart.applyOnce("r1", addOne())).as("the retry after the restart is a duplicate").isFalse();
        assertThat(balance(st)).as("balance after crash and retry").isEqualTo(1);
    }

    @Test
    void shouldLoseNeitherOrBothWhenTheCrashComesInsideTheEffect() {
        // given a crash after the effect wrote but before anything was synced
        MemoryStorage st = new MemoryStorage();
        DurableDedupTable table = new DurableDedupTable(st);
        assertThatThrownBy(() -> table.applyOnce("r1", addOne().andThen(s -> {
            throw new IllegalStateException("crash inside the handler");
        }))).as("applyOnce must let the effect's exception (the crash) propagate").hasMessageContaining("crash inside the handler");
        st.crash();
        // when the retry arrives at the restarted process
        DurableDedupTable afterRestart = new DurableDedupTable(st);
        assertThat(afterRestart.alreadyProcessed("r1")).as("nothing was synced, so r1 is not processed").isFalse();
        assertThat(afterRestart.applyOnce("r1", addOne())).as("the retry runs the effect: the crashed attempt left nothing durable").isTrue();
        // then the effect is applied exactly once
        assertThat(balance(st)).as("the lost attempt's unsynced write is gone; the retry's counts once").isEqualTo(1);
        st.crash();
        assertThat(balance(st)).as("the effect and the record were synced together").isEqualTo(1);
        assertThat(new DurableDedupTable(st).alreadyProcessed("r1")).as("the record was synced with the effect").isTrue();
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
            assertThat(balance(st)).as("%s, then the retry, then a crash: the effect of r1 must be durable exactly once", where).isEqualTo(1);
        }
    }

    @Test
    void shouldKeepWhatItReturnedForAcrossACrash() {
        MemoryStorage st = new MemoryStorage();
        new DurableDedupTable(st).applyOnce("r1", addOne());
        st.crash();
        assertThat(balance(st)).as("applyOnce returned true, then the process crashed: the effect must have survived").isEqualTo(1);
    }
}
