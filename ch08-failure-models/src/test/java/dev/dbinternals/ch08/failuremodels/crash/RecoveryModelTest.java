package dev.dbinternals.ch08.failuremodels.crash;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbinternals.ch08.failuremodels.crash.RecoveryModel.State;
import dev.dbinternals.ch08.harness.explore.Explorer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Crash-recovery (충돌-복구): every recoverable state, explored exhaustively")
class RecoveryModelTest {

    @Test
    void shouldNeverLoseAnAcknowledgedWriteInAnyReachableStateWhenSyncingBeforeAcking() {
        // given 3 writes, any losses, up to 3 crashes between any two steps of the handler
        Explorer.Result<State> r = RecoveryModel.explore(Durability.SYNC_THEN_ACK, 3, 3);
        // then the whole space was explored and the invariant holds everywhere
        assertThat(r.isComplete()).as("exploration finished").isTrue();
        assertThat(r.violations()).as("states that lost an acknowledged write").isEmpty();
        // and the run can finish: some terminal state has every write acknowledged
        assertThat(r.anyReachable(s -> s.maxAcked() == 3 && s.crashes() == 3)).as("all 3 written despite 3 crashes").isTrue();
    }

    @Test
    void shouldFindTheShortestLosingRunForEveryOtherMode() {
        for (Durability d : new Durability[] {Durability.MEMORY_ONLY, Durability.WRITE_NO_SYNC, Durability.ACK_THEN_SYNC}) {
            Explorer.Result<State> r = RecoveryModel.explore(d, 2, 1);
            assertThat(r.violations()).as("states of %s that lost an acknowledged write", d).isNotEmpty();
            assertThat(r.violations().get(0).path()).as("shortest losing run of %s", d)
                    .contains("client receives ack 1")
                    .last().asString().startsWith("replica CRASHES");
        }
    }
}
