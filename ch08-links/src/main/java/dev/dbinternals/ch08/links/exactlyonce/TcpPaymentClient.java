package dev.dbinternals.ch08.links.exactlyonce;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A client of {@link TcpPaymentServer} that retries a charge on a fresh TCP connection when the
 * previous one breaks before the reply arrives.
 *
 * <p>Book: Chapter 8, Links → Exactly-once delivery (정확히 한 번만 전달): TCP's dedup (of bytes,
 * by sequence number) is a per-connection property. With {@code useIdempotencyKey} off, a retry is a brand-new request and
 * a charge can be applied twice; with it on, the key generated once for the logical operation
 * travels with every attempt, in every session. Thread-safe if not shared (one call at a time).
 */
public final class TcpPaymentClient {

    private final InetSocketAddress server;
    private final boolean useIdempotencyKey;
    private final int maxAttempts;
    private int attempts;

    public TcpPaymentClient(InetSocketAddress server, boolean useIdempotencyKey, int maxAttempts) {
        this.server = server;
        this.useIdempotencyKey = useIdempotencyKey;
        this.maxAttempts = maxAttempts;
    }

    /** Charges {@code cents} to {@code account}, retrying on new connections; returns the server's reply. */
    public String charge(String account, long cents) throws IOException {
        String key = useIdempotencyKey ? UUID.randomUUID().toString() : "-";
        return charge(key, account, cents);
    }

    /** Charges with a caller-chosen idempotency key ({@code "-"} for none). */
    public String charge(String key, String account, long cents) throws IOException {
        IOException last = null;
        for (int i = 0; i < maxAttempts; i++) {
            attempts++;
            try (Socket s = new Socket()) {
                s.connect(server, 5_000);
                s.setSoTimeout(5_000);
                OutputStream out = s.getOutputStream();
                out.write(("CHARGE " + key + " " + account + " " + cents + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                String reply = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8)).readLine();
                if (reply != null) {
                    return reply;
                }
                last = new IOException("connection closed before the reply (attempt " + (i + 1) + ")");
            } catch (IOException e) {
                last = e;
            }
        }
        throw last;
    }

    /** Connection attempts made so far (each is one TCP session). */
    public int attempts() {
        return attempts;
    }
}
