package dev.dbinternals.ch08.links;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

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
            return t((chargesApplied == 2 ? "DOUBLE CHARGE" : chargesApplied + " CHARGES") + " over " + sessions
                    + " TCP sessions: TCP's sequence numbers dedup only within one session",
                    "TCP 세션 " + sessions + "개에 걸쳐 " + (chargesApplied == 2 ? "이중 청구" : chargesApplied + "번 청구")
                    + ": TCP의 시퀀스 번호는 한 세션 안에서만 중복을 제거한다");
        }
        if (chargesApplied == 0) {
            return t("not charged at all", "전혀 청구되지 않았다");
        }
        if (sessions < 2) {
            return t("charged once, in a single session: there was no retry to recognise", "세션 하나에서 한 번 청구됐다: 알아볼 재시도가 없었다");
        }
        return idempotencyKey ? t("charged once over " + sessions + " sessions: the key made the retry recognisable across sessions",
                "세션 " + sessions + "개에 걸쳐 한 번 청구됐다: 키 덕분에 세션을 넘어 재시도를 알아볼 수 있었다")
                : t("charged once over " + sessions + " sessions, without a key: the retry did not reach the charge",
                "키 없이 세션 " + sessions + "개에 걸쳐 한 번 청구됐다: 재시도가 청구까지 가지 않았다");
    }

    public static void main(String[] argv) {
        DemoArgs args = DemoArgs.forDemo("tcp-sessions", "TCP dedups within a session, not across: a retry double-charges without an idempotency key",
                "TCP는 세션 안에서만 중복을 제거한다: 멱등 키가 없으면 재시도가 이중 청구한다")
                .writesNoFiles().parse(argv);
        DemoArgs.heading(System.out, t("Demo 07 · TCP across sessions (정확히 한 번만 전달)", "데모 07 · 세션을 넘나드는 TCP (정확히 한 번 전달)"));
        System.out.println(t("Server: real TCP on 127.0.0.1. Fault: after applying the next charge it closes the connection",
                "서버: 127.0.0.1의 실제 TCP. 장애: 다음 청구를 적용한 뒤 응답을 쓰기 전에 연결을 닫는다."));
        System.out.println(t("before writing the reply. Client: on a closed connection without a reply, retry on a new one.",
                "클라이언트: 응답 없이 연결이 닫히면 새 연결로 재시도한다."));
        for (boolean key : new boolean[] {false, true}) {
            try (TcpPaymentServer server = new TcpPaymentServer()) {
                server.dropConnectionAfterNextCharge();
                TcpPaymentClient client = new TcpPaymentClient(server.address(), key, 3);
                System.out.printf(t("%n%s (server %s):%n", "%n%s (서버 %s):%n"), key ? t("WITH an idempotency key", "멱등 키 있음")
                        : t("WITHOUT an idempotency key", "멱등 키 없음"), server.address());
                String reply = client.charge("alice", 500);
                System.out.printf(t("  client: charge(alice, 500) -> '%s' after %d connection attempt(s)%n",
                        "  클라이언트: charge(alice, 500) -> '%s', 연결 시도 %d번%n"), reply, client.attempts());
                System.out.printf(t("  server: %d TCP sessions, %d charge(s) applied, alice charged %d%n",
                        "  서버: TCP 세션 %d개, 적용된 청구 %d건, alice 청구액 %d%n"),
                        server.sessions(), server.chargesApplied(), server.chargedTo("alice"));
                System.out.println("  -> " + verdict(key, server.sessions(), server.chargesApplied()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        System.out.println();
        System.out.println(t("Inside one connection TCP numbers every byte, retransmits and drops duplicates, so the server reads a",
                "연결 하나 안에서 TCP는 모든 바이트에 번호를 매기고, 재전송하고, 중복을 버리므로 서버는 요청의 바이트를"));
        System.out.println(t("request's bytes once. That is not exactly-once processing even there: a TCP ack means the server's kernel",
                "한 번 읽는다. 그래도 거기서조차 정확히 한 번 처리는 아니다: TCP 확인 응답은 서버의 커널이 바이트를 받았다는 뜻이지"));
        System.out.println(t("has the bytes, not that the server acted on them, and a server that crashed before acting would lose the",
                "서버가 그에 따라 행동했다는 뜻이 아니며, 행동하기 전에 충돌한 서버는 클라이언트의 TCP가 바이트의 확인 응답을"));
        System.out.println(t("request although the client's TCP had seen its bytes acknowledged. The second connection is a new session",
                "받았는데도 요청을 잃는다. 두 번째 연결은 새 시퀀스 번호를 쓰는 새 세션이다: 둘에 걸치는 것은"));
        System.out.println(t("with new sequence numbers: only an identifier chosen by the application, sent with every attempt, spans both.",
                "애플리케이션이 정해 시도마다 함께 보내는 식별자뿐이다."));
    }
}
