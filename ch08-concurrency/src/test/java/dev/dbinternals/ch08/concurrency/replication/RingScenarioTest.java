package dev.dbinternals.ch08.concurrency.replication;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbinternals.ch08.harness.check.Verdict;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("상태 일관성: a divergent ring view loses data from sight, ring epochs fix it")
class RingScenarioTest {

    @Test
    void shouldMoveTheChosenKeyToTheJoiningNode() {
        String key = RingScenario.movedKey();

        assertThat(RingScenario.NEW.owner(key)).isEqualTo("s4");
        assertThat(RingScenario.OLD.owner(key)).isNotEqualTo("s4");
    }

    @Test
    void shouldReadNothingWhenTheReaderRoutesWithAStaleRing() {
        // given A writes with the new ring (to s4) and B reads with the old ring, without epoch checks
        var outcome = new RingScenario(false).run(1, false);

        // then B's read returns nothing although s4 holds the value
        assertThat(outcome.readByB()).isNull();
        assertThat(outcome.dataByNode().get("s4")).containsValue(42L);
        assertThat(outcome.check().verdict()).isEqualTo(Verdict.VIOLATED);
    }

    @Test
    void shouldStoreTheWriteOnTheWrongNodeWhenTheWriterRoutesWithAStaleRing() {
        var outcome = new RingScenario(false).run(1, true);

        assertThat(outcome.dataByNode().get("s4")).as("the new owner never got the write").isEmpty();
        assertThat(outcome.readByB()).isNull();
        assertThat(outcome.check().verdict()).isEqualTo(Verdict.VIOLATED);
    }

    @Test
    void shouldRerouteAndFindTheValueWhenEveryRequestCarriesTheRingEpoch() {
        for (boolean staleWriter : new boolean[] {false, true}) {
            var outcome = new RingScenario(true).run(1, staleWriter);

            assertThat(outcome.readByB()).as("stale writer: %s", staleWriter).isEqualTo(42L);
            assertThat(outcome.reroutes()).isEqualTo(1);
            assertThat(outcome.dataByNode().get("s4")).containsValue(42L);
            assertThat(outcome.check().verdict()).isEqualTo(Verdict.OK);
        }
    }
}
