package dev.dbinternals.ch08.failuremodels.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbinternals.ch08.failuremodels.crash.CrashRecoveryRun;
import dev.dbinternals.ch08.failuremodels.crash.Durability;
import dev.dbinternals.ch08.failuremodels.crash.FixedMembership;
import dev.dbinternals.ch08.failuremodels.omission.OmissionRun;
import dev.dbinternals.ch08.failuremodels.crash.FixedMembership.Case;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Every scenario replays from its seed")
class DeterminismTest {

    @Test
    void shouldProduceTheSameTraceForTheSameSeed() {
        assertThat(CrashRecoveryRun.run(7, Durability.ACK_THEN_SYNC, "acked", 2, 5).sim().trace().hash())
                .isEqualTo(CrashRecoveryRun.run(7, Durability.ACK_THEN_SYNC, "acked", 2, 5).sim().trace().hash());
        assertThat(FixedMembership.run(Case.RE_ADDED_BLANK, 9).sim().trace().hash())
                .isEqualTo(FixedMembership.run(Case.RE_ADDED_BLANK, 9).sim().trace().hash());
        assertThat(OmissionRun.run(OmissionRun.Scenario.LOSS, 3).sim().trace().hash())
                .as("a different seed gives a different run")
                .isNotEqualTo(OmissionRun.run(OmissionRun.Scenario.LOSS, 4).sim().trace().hash());
    }
}
