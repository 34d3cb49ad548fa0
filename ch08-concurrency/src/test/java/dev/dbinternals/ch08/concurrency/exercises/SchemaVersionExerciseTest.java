package dev.dbinternals.ch08.concurrency.exercises;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbinternals.ch08.concurrency.replication.Schema;
import dev.dbinternals.ch08.concurrency.replication.SchemaFrame;
import dev.dbinternals.ch08.concurrency.replication.SchemaScenario;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("exercise")
@DisplayName("conc-7: a schema version in every frame")
class SchemaVersionExerciseTest {

    @Test
    void shouldRoundTripARowWithTheSameSchema() {
        byte[] row = Schema.V2.encode(SchemaScenario.ROW);

        byte[] frame = SchemaVersionedFrame.wrap(Schema.V2, row);

        assertThat(frame).hasSize(row.length + 4);
        assertThat(SchemaVersionedFrame.unwrap(Schema.V2, frame)).as("the row bytes back").isEqualTo(row);
    }

    @Test
    void shouldRejectAFrameFromAnotherSchemaVersion() {
        byte[] frame = SchemaVersionedFrame.wrap(Schema.V2, Schema.V2.encode(SchemaScenario.ROW));

        assertThatThrownBy(() -> SchemaVersionedFrame.unwrap(Schema.V1, frame))
                .as("a v1 node must refuse a v2 frame").isInstanceOf(SchemaFrame.SchemaMismatchException.class);
    }

    @Test
    void shouldStoreTheRowIntactInTheSimulation() {
        var outcome = new SchemaScenario(true, SchemaVersionedFrame::unwrap).run(1);

        assertThat(outcome.stored()).hasSize(1);
        assertThat(outcome.stored().get(0)).as("balance and owner as written").containsEntry("balance", 100L).containsEntry("owner", "kim");
    }
}
