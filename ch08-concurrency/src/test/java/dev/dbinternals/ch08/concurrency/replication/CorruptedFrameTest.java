package dev.dbinternals.ch08.concurrency.replication;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.harness.Node;
import dev.dbinternals.ch08.harness.sim.Simulation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("상태 일관성: a replica receives frames through Codec.receive, so a corrupted one is counted and ignored")
class CorruptedFrameTest {

    @Test
    void shouldCountACorruptedReadAsDiscardedAndAnswerOnlyTheIntactOne() {
        // given a replica and a client that sends the same read twice; the network corrupts the first copy
        Simulation sim = new Simulation(1);
        Address replica = sim.addNode("r1", Replica::new);
        List<Object> replies = new ArrayList<>();
        Address client = sim.addNode("c", () -> new Node() {
            @Override
            public void onStart(Context ctx) {
                byte[] read = QuorumMessages.CODEC.encode(new QuorumMessages.Read(7, "x"));
                ctx.send(replica, read);
                ctx.send(replica, read);
            }

            @Override
            public void onMessage(Context ctx, Address from, byte[] message) {
                QuorumMessages.CODEC.receive(ctx, message).ifPresent(replies::add);
            }
        });
        sim.network().corruptNext(client, replica);

        // when the run ends
        sim.runFor(Duration.ofSeconds(1));

        // then the replica threw the corrupted frame away, counted, and answered the intact one only
        assertThat(sim.discarded(replica)).as("frames the replica discarded").isEqualTo(1);
        assertThat(replies).as("replies the client got").containsExactly(new QuorumMessages.ReadReply(7, "x", 0, 0));
    }
}
