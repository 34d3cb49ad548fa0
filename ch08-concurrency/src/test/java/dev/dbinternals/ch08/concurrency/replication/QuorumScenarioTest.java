package dev.dbinternals.ch08.concurrency.replication;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbinternals.ch08.harness.check.Verdict;
import dev.dbinternals.ch08.harness.sim.Seeds;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("상태 일관성: quorum reads, stale reads and read repair")
class QuorumScenarioTest {

    @Test
    void shouldReturnAStaleValueWhenReadAndWriteQuorumsNeedNotOverlap() {
        // given N=3, R=1, W=1: B's read may be answered by r3 alone, which the write never reached
        var outcome = new QuorumScenario(new Quorums(3, 1, 1), false).run(1);

        // then B reads nothing although A's write of 1 had completed, and the history is not linearizable
        assertThat(outcome.firstRead()).as("B's first read").isNull();
        assertThat(outcome.check().verdict()).isEqualTo(Verdict.VIOLATED);
    }

    @Test
    void shouldReturnTheLatestWriteWhenReadAndWriteQuorumsOverlap() {
        Seeds.check("quorum R+W>N never reads stale", 20, seed -> {
            var outcome = new QuorumScenario(new Quorums(3, 2, 2), false).run(seed);

            assertThat(outcome.firstRead()).as("B's first read").isEqualTo(1L);
            assertThat(outcome.check().verdict()).isEqualTo(Verdict.OK);
        });
    }

    @Test
    void shouldLeaveAReplicaStaleForeverWithoutReadRepair() {
        var outcome = new QuorumScenario(new Quorums(3, 2, 2), false).run(1);

        assertThat(outcome.replicasAtEnd().get(2)).as("r3 never got the write").isEqualTo(Versioned.NONE);
        assertThat(outcome.replicasConverged()).isFalse();
    }

    @Test
    void shouldConvergeEveryReplicaWithReadRepair() {
        for (Quorums q : new Quorums[] {new Quorums(3, 1, 1), new Quorums(3, 2, 2)}) {
            var outcome = new QuorumScenario(q, true).run(1);

            assertThat(outcome.replicasConverged()).as("replicas after reads with repair, %s: %s", q, outcome.replicasAtEnd()).isTrue();
            assertThat(outcome.replicasAtEnd().get(0).value()).isEqualTo(1);
        }
    }

    @Test
    void shouldCallOnlyIntersectingQuorumsOverlapping() {
        assertThat(new Quorums(3, 2, 2).overlapping()).as("2 + 2 > 3").isTrue();
        assertThat(new Quorums(4, 3, 2).overlapping()).as("3 + 2 > 4").isTrue();
        assertThat(new Quorums(5, 2, 3).overlapping()).as("2 + 3 = 5").isFalse();
    }
}
