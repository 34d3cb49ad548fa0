package dev.dbinternals.ch08.links.exactlyonce;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * TCP is not a perfect link across sessions: real sockets on loopback, with the connection
 * dropped deterministically after the server applied the charge and before it wrote the reply.
 */
class TcpAcrossSessionsTest {

    @Test
    void shouldChargeOnceWhenNothingGoesWrong() throws Exception {
        try (TcpPaymentServer server = new TcpPaymentServer()) {
            String reply = new TcpPaymentClient(server.address(), false, 3).charge("alice", 500);
            assertThat(reply).startsWith("OK");
            assertThat(server.chargedTo("alice")).isEqualTo(500);
        }
    }

    @Test
    void shouldChargeTwiceWhenARetryOnANewConnectionCarriesNoKey() throws Exception {
        try (TcpPaymentServer server = new TcpPaymentServer()) {
            // given a server that will drop the connection after applying the next charge
            server.dropConnectionAfterNextCharge();
            TcpPaymentClient client = new TcpPaymentClient(server.address(), false, 3);
            // when the client, seeing the connection close without a reply, retries on a new connection
            String reply = client.charge("alice", 500);
            // then the retry is a new request to the server: alice is charged twice
            assertThat(reply).startsWith("OK");
            assertThat(client.attempts()).as("two TCP sessions").isEqualTo(2);
            assertThat(server.chargesApplied()).as("each session's request applied once, twice in all").isEqualTo(2);
            assertThat(server.chargedTo("alice")).isEqualTo(1000);
        }
    }

    @Test
    void shouldChargeOnceWhenTheRetryCarriesTheSameIdempotencyKey() throws Exception {
        try (TcpPaymentServer server = new TcpPaymentServer()) {
            server.dropConnectionAfterNextCharge();
            TcpPaymentClient client = new TcpPaymentClient(server.address(), true, 3);
            String reply = client.charge("alice", 500);
            assertThat(reply).as("the retry gets the stored reply of the first attempt").isEqualTo("OK txn1");
            assertThat(client.attempts()).isEqualTo(2);
            assertThat(server.sessions()).isEqualTo(2);
            assertThat(server.chargesApplied()).as("one charge across two sessions").isEqualTo(1);
            assertThat(server.chargedTo("alice")).isEqualTo(500);
        }
    }
}
