package dev.dbinternals.ch08.failuremodels.crash;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbinternals.ch08.failuremodels.crash.FixedMembership.Case;
import dev.dbinternals.ch08.failuremodels.crash.FixedMembership.Outcome;
import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.sim.Seeds;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Crash-stop is not crash-recovery (충돌-정지 ≠ 충돌-복구) for a fixed process list")
class FixedMembershipTest {

    @Test
    void shouldBlockRatherThanLieWhenACrashStoppedMemberIsFollowedByASecondFailure() {
        Seeds.check("fixed-membership/crash-stop", 20, seed -> {
            Outcome o = FixedMembership.run(Case.CRASH_STOP, seed);
            assertThat(o.write().completed()).as("the write is acknowledged by a majority").isTrue();
            assertThat(o.read().completed()).as("with C stopped and A cut off, no majority can answer").isFalse();
        });
    }

    @Test
    void shouldReadTheAcknowledgedWriteWhenTheCrashedMemberRecoversItsDisk() {
        Seeds.check("fixed-membership/crash-recovery", 20, seed -> {
            Outcome o = FixedMembership.run(Case.CRASH_RECOVERY, seed);
            assertThat(o.read().completed()).as("B and the recovered C form a majority").isTrue();
            assertThat(o.read().found()).as("the recovered C still holds x").isTrue();
            assertThat(o.read().value()).as("the value read").isEqualTo(42);
        });
    }

    @Test
    void shouldLoseTheAcknowledgedWriteWhenABlankProcessIsReAddedUnderTheOldName() {
        Seeds.check("fixed-membership/re-added-blank", 20, seed -> {
            Outcome o = FixedMembership.run(Case.RE_ADDED_BLANK, seed);
            assertThat(o.lostAcknowledgedWrite())
                    .as("a blank C counted as a member lets a read miss an acknowledged write: %s", o.read()).isTrue();
        });
    }

    @Test
    void shouldIgnoreAProcessThatIsNotInTheList() {
        Seeds.check("fixed-membership/new-process", 20, seed -> {
            Outcome o = FixedMembership.run(Case.NEW_PROCESS, seed);
            assertThat(o.ignored()).as("answers that did not count").containsExactly(Address.of("D"));
            assertThat(o.read().completed()).as("D's answers cannot make a majority of {A, B, C}").isFalse();
        });
    }
}
