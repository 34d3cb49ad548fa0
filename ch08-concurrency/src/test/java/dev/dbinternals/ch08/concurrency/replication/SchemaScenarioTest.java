package dev.dbinternals.ch08.concurrency.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("상태 일관성: schema disagreement corrupts rows silently, a schema version in every frame stops it")
class SchemaScenarioTest {

    @Test
    void shouldSilentlyCorruptARowDecodedWithAnOlderSchema() {
        // given a coordinator on schema v2 and a replica still on v1, frames without versions
        var outcome = new SchemaScenario(false).run(1);

        // then the write is acknowledged and stored, with the wrong balance and no owner
        assertThat(outcome.acknowledged()).isTrue();
        assertThat(outcome.rejections()).isEmpty();
        assertThat(outcome.stored()).hasSize(1);
        assertThat(outcome.stored().get(0).get("balance")).as("balance read from the 'created' column").isEqualTo(1_700_000_000L);
        assertThat(outcome.stored().get(0).get("owner")).isEqualTo("");
    }

    @Test
    void shouldRejectMismatchedFramesUntilTheSchemaAgreesThenStoreTheRowIntact() {
        var outcome = new SchemaScenario(true).run(1);

        assertThat(outcome.rejections()).isNotEmpty().allMatch(r -> r.contains("schema version 2, this node has version 1"));
        assertThat(outcome.acknowledged()).isTrue();
        assertThat(outcome.stored()).hasSize(1);
        assertThat(outcome.stored().get(0)).containsEntry("balance", 100L).containsEntry("owner", "kim").containsEntry("created", 1_700_000_000L);
    }

    @Test
    void shouldRoundTripARowWithTheSameSchema() {
        byte[] frame = SchemaFrame.wrap(Schema.V2, Schema.V2.encode(SchemaScenario.ROW));

        assertThat(Schema.V2.decode(SchemaFrame.unwrap(Schema.V2, frame))).isEqualTo(SchemaScenario.ROW);
        assertThatThrownBy(() -> SchemaFrame.unwrap(Schema.V1, frame)).isInstanceOf(SchemaFrame.SchemaMismatchException.class);
    }
}
