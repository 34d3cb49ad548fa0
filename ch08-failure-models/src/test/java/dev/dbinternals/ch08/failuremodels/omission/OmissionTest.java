package dev.dbinternals.ch08.failuremodels.omission;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbinternals.ch08.failuremodels.omission.OmissionRun.Outcome;
import dev.dbinternals.ch08.failuremodels.omission.OmissionRun.Scenario;
import dev.dbinternals.ch08.harness.sim.DropReason;
import dev.dbinternals.ch08.harness.sim.Seeds;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Omission faults (누락): the sender believes, the trace knows")
class OmissionTest {

    @Test
    void shouldApplyEveryUpdateWhenNothingIsOmitted() {
        Outcome o = OmissionRun.run(Scenario.NONE, 1);
        assertThat(o.applied()).as("updates applied by the backup").isEqualTo(OmissionRun.UPDATES);
    }

    @Test
    void shouldBelieveEverythingWasReplicatedWhateverTheOmission() {
        for (Scenario s : Scenario.values()) {
            Outcome o = OmissionRun.run(s, 2);
            assertThat(o.believedReplicated()).as("the primary's belief under %s", s).isEqualTo(OmissionRun.UPDATES);
        }
    }

    @Test
    void shouldAccountForEveryMissingUpdateByTheKindOfOmission() {
        Seeds.check("omissions/accounting", 10, seed -> {
            // given each fault; when the run ends; then the missing updates are exactly the omissions of that kind
            assertThat(OmissionRun.run(Scenario.LOSS, seed).missing())
                    .isEqualTo(OmissionRun.run(Scenario.LOSS, seed).networkDrops().getOrDefault(DropReason.LOSS, 0L));
            Outcome partition = OmissionRun.run(Scenario.PARTITION, seed);
            assertThat(partition.missing()).as("missing under a partition").isPositive()
                    .isEqualTo(partition.networkDrops().get(DropReason.PARTITION));
            Outcome sendQueue = OmissionRun.run(Scenario.FULL_SEND_QUEUE, seed);
            assertThat(sendQueue.missing()).as("missing with a full send queue").isPositive()
                    .isEqualTo(sendQueue.networkDrops().get(DropReason.QUEUE_FULL));
            Outcome receive = OmissionRun.run(Scenario.FULL_RECEIVE_BUFFER, seed);
            assertThat(receive.networkDrops()).as("the network dropped nothing").isEmpty();
            assertThat(receive.missing()).as("missing with a full receive buffer").isPositive()
                    .isEqualTo(receive.receiveOmissions());
        });
    }
}
