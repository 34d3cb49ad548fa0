package dev.dbinternals.ch08.links.exactlyonce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbinternals.ch08.links.ladder.MemoryStorage;
import java.nio.ByteBuffer;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

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

    @Test
    void shouldMakeTheEffectAndTheRecordDurableInOneSync() {
        MemoryStorage st = new MemoryStorage();
        DurableDedupTable table = new DurableDedupTable(st);
        int before = st.syncs();
        table.applyOnce("r1", addOne());
        assertThat(st.syncs() - before).as("one sync per applied request (two would leave a window for a crash between them)").isEqualTo(1);
        table.applyOnce("r1", addOne());
        assertThat(st.syncs() - before).as("a duplicate needs no sync").isEqualTo(1);
    }
}
