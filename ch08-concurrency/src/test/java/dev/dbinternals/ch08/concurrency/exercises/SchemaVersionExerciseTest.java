package dev.dbinternals.ch08.concurrency.exercises;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbinternals.ch08.concurrency.replication.Schema;
import dev.dbinternals.ch08.concurrency.replication.SchemaFrame;
import dev.dbinternals.ch08.concurrency.replication.SchemaScenario;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Exercise conc-7: the reader's versioned frame, on its own and inside the schema scenario.
 *
 * <p>Wrong solutions this catches (kept in {@code src/wrong/conc-7--*}):
 * <ul>
 *   <li>{@code refuse-only-newer}: refuses a frame from a newer schema but decodes one from an older schema;</li>
 *   <li>{@code no-check}: writes the version but never compares it;</li>
 *   <li>{@code little-endian}: writes the version in little-endian byte order, not the frame format's big-endian.</li>
 * </ul>
 */
@Tag("exercise")
@DisplayName("conc-7: a schema version in every frame")
class SchemaVersionExerciseTest {

    @Test
    void shouldRoundTripARowWithTheSameSchema() {
        byte[] row = Schema.V2.encode(SchemaScenario.ROW);

        byte[] frame = SchemaVersionedFrame.wrap(Schema.V2, row);

        assertThat(frame).hasSize(row.length + 4);
        assertThat(SchemaVersionedFrame.unwrap(Schema.V2, frame)).as(t("the row bytes back", "행의 바이트가 그대로 돌아와야 해요")).isEqualTo(row);
    }

    @Test
    void shouldRejectAFrameFromAnotherSchemaVersion() {
        byte[] frame = SchemaVersionedFrame.wrap(Schema.V2, Schema.V2.encode(SchemaScenario.ROW));

        assertThatThrownBy(() -> SchemaVersionedFrame.unwrap(Schema.V1, frame))
                .as(t("a v1 node must refuse a v2 frame", "v1 노드는 v2 프레임을 거부해야 해요")).isInstanceOf(SchemaFrame.SchemaMismatchException.class);
    }

    @Test
    void shouldRejectAFrameFromAnOlderSchemaVersionToo() {
        byte[] frame = SchemaVersionedFrame.wrap(Schema.V1, Schema.V1.encode(SchemaScenario.ROW));

        assertThatThrownBy(() -> SchemaVersionedFrame.unwrap(Schema.V2, frame))
                .as(t("a v2 node must refuse a v1 frame as well: decoding it with v2's columns misreads it just the same", "v2 노드도 v1 프레임을 거부해야 해요: v2의 열로 디코딩하면 똑같이 잘못 읽어요"))
                .isInstanceOf(SchemaFrame.SchemaMismatchException.class);
    }

    @Test
    void shouldPutTheVersionFirstAsABigEndianInt() {
        byte[] row = Schema.V2.encode(SchemaScenario.ROW);

        byte[] frame = SchemaVersionedFrame.wrap(Schema.V2, row);

        assertThat(java.nio.ByteBuffer.wrap(frame).getInt()).as(t("the first 4 bytes, read as a big-endian int (the format other"
                + " nodes read)", "처음 4바이트를 빅 엔디언 int로 읽은 값이어야 해요 (다른 노드가"
                + " 읽는 형식)")).isEqualTo(Schema.V2.version());
        assertThat(java.util.Arrays.copyOfRange(frame, 4, frame.length)).as(t("then the row bytes unchanged", "그 뒤에는 행의 바이트가 바뀌지 않고 와야 해요")).isEqualTo(row);
    }

    @Test
    void shouldStoreTheRowIntactInTheSimulation() {
        var outcome = new SchemaScenario(true, SchemaVersionedFrame::unwrap).run(1);

        assertThat(outcome.stored()).hasSize(1);
        assertThat(outcome.stored().get(0)).as(t("balance and owner as written", "balance와 owner가 쓴 그대로여야 해요")).containsEntry("balance", 100L).containsEntry("owner", "kim");
    }
}
