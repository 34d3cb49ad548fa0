package dev.dbinternals.ch08.links;

import dev.dbinternals.ch08.harness.demo.DemoArgs;
import dev.dbinternals.ch08.links.exactlyonce.TcpPaymentClient;
import dev.dbinternals.ch08.links.exactlyonce.TcpPaymentServer;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Demo 07: TCP resembles a perfect link only within a session (one connection: bytes in order,
 * no duplicates, for as long as the connection lasts), and even there it dedups bytes, not effects.
 *
 * <p>Book: Chapter 8, Links → Exactly-once delivery (정확히 한 번만 전달). Real TCP on loopback.
 * The server is told to drop the connection right after applying the next charge and before
 * writing the reply (a flag, not a timing trick). The client sees the connection close
 * without a reply, cannot know whether the charge happened, and retries on a new connection.
 * Without an idempotency key the retry charges again; with one, the server recognises it.
 */
public final class Demo07TcpAcrossSessions {

    private Demo07TcpAcrossSessions() {
    }

    /** The line under each run, from the server's counts: how many TCP sessions and charges there were. */
    static String verdict(boolean idempotencyKey, long sessions, long chargesApplied) {
        if (chargesApplied > 1) {
            return (chargesApplied == 2 ? "DOUBLE CHARGE" : chargesApplied + " CHARGES") + " over " + sessions
                    + " TCP sessions: TCP's sequence numbers dedup only within one session";
        }
        if (chargesApplied == 0) {
            return "not charged at all";
        }
        if (sessions < 2) {
            return "charged once, in a single session: there was no retry to recognise";
        }
        return idempotencyKey ? "charged once over " + sessions + " sessions: the key made the retry recognisable across sessions"
                : "charged once over " + sessions + " sessions, without a key: the retry did not reach the charge";
    }

    public static void main(String[] argv) {
        DemoArgs args = DemoArgs.forDemo("tcp-sessions", "TCP dedups within a session, not across: a retry double-charges without an idempotency key")
                .writesNoFiles().parse(argv);
        DemoArgs.heading(System.out, "Demo 07 · TCP across sessions (정확히 한 번만 전달)");
        System.out.println("Server: real TCP on 127.0.0.1. Fault: after applying the next charge it closes the connection");
        System.out.println("before writing the reply. Client: on a closed connection without a reply, retry on a new one.");
        for (boolean key : new boolean[] {false, true}) {
            try (TcpPaymentServer server = new TcpPaymentServer()) {
                server.dropConnectionAfterNextCharge();
                TcpPaymentClient client = new TcpPaymentClient(server.address(), key, 3);
                System.out.printf("%n%s (server %s):%n", key ? "WITH an idempotency key" : "WITHOUT an idempotency key", server.address());
                String reply = client.charge("alice", 500);
                System.out.printf("  client: charge(alice, 500) -> '%s' after %d connection attempt(s)%n", reply, client.attempts());
                System.out.printf("  server: %d TCP sessions, %d charge(s) applied, alice charged %d%n",
                        server.sessions(), server.chargesApplied(), server.chargedTo("alice"));
                System.out.println("  -> " + verdict(key, server.sessions(), server.chargesApplied()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        System.out.println();
        System.out.println("Inside one connection TCP numbers every byte, retransmits and drops duplicates, so the server reads a");
        System.out.println("request's bytes once. That is not exactly-once processing even there: a TCP ack means the server's kernel");
        System.out.println("has the bytes, not that the server acted on them, and a server that crashed before acting would lose the");
        System.out.println("request although the client's TCP had seen its bytes acknowledged. The second connection is a new session");
        System.out.println("with new sequence numbers: only an identifier chosen by the application, sent with every attempt, spans both.");
    }
}
