package dev.dbinternals.ch08.links.exactlyonce;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A payment server over real TCP on loopback, with an injected fault: it can drop the
 * connection right after applying a charge and before writing the reply.
 *
 * <p>Book: Chapter 8, Links → Exactly-once delivery (정확히 한 번만 전달): TCP numbers the
 * <em>bytes</em> of a connection and drops duplicate segments, so within one connection the
 * reading application gets each byte once, in order. That is no duplication of bytes, not
 * exactly-once processing: a TCP acknowledgement only says the peer's kernel has the bytes, so
 * a server that crashes after {@code read()} and before its effect is durable loses the
 * request even inside one connection, and the client cannot tell. And the guarantee ends with
 * the connection. When the connection breaks after the server processed the request and
 * before the client read the reply, the client cannot tell whether the charge happened, and a
 * retry on a new connection is a new request as far as TCP knows. An
 * idempotency key, chosen by the client once per logical operation and sent on every attempt,
 * lets the server recognise the retry across sessions and answer it with the stored reply.
 *
 * <p>Protocol (one line each way): {@code CHARGE <key|-> <account> <cents>} →
 * {@code OK <txn>}; {@code -} means "no idempotency key". The fault is armed with
 * {@link #dropConnectionAfterNextCharge()} and fires on exactly one request, whatever the
 * timing. Thread-safe: one thread accepts, one thread serves each connection, and charges are
 * applied under a lock.
 */
public final class TcpPaymentServer implements AutoCloseable {

    private final ServerSocket socket;
    private final Thread acceptor;
    private final Map<String, Long> chargedByAccount = new TreeMap<>();
    private final Map<String, String> replyByKey = new TreeMap<>();
    private final AtomicInteger sessions = new AtomicInteger();
    private int chargesApplied;
    private long txn;
    private boolean dropArmed;
    private volatile boolean closed;

    /** Binds an ephemeral port on the loopback interface and starts accepting. */
    public TcpPaymentServer() {
        try {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind a loopback TCP port", e);
        }
        acceptor = new Thread(this::acceptLoop, "tcp-payment-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), socket.getLocalPort());
    }

    /** The next charge is applied, then the connection is closed before the reply is written. Fires once. */
    public synchronized void dropConnectionAfterNextCharge() {
        dropArmed = true;
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket s = socket.accept();
                sessions.incrementAndGet();
                Thread t = new Thread(() -> serve(s), "tcp-payment-session-" + sessions.get());
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                if (!closed) {
                    System.err.println(t("tcp payment server: accept failed: ", "tcp 결제 서버: accept 실패: ") + e);
                }
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = s.getOutputStream();
            String line;
            while ((line = in.readLine()) != null) {
                Outcome o = handle(line);
                if (o.dropConnection) {
                    return; // the effect is applied; the reply is never written
                }
                out.write((o.reply + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (IOException e) {
            // the client went away; nothing to clean up
        }
    }

    private record Outcome(String reply, boolean dropConnection) {
    }

    private synchronized Outcome handle(String line) {
        String[] w = line.split(" ");
        if (w.length != 4 || !w[0].equals("CHARGE")) {
            return new Outcome("ERR malformed request", false);
        }
        long cents;
        try {
            cents = Long.parseLong(w[3]);
        } catch (NumberFormatException e) {
            return new Outcome("ERR malformed amount", false);
        }
        String key = w[1];
        if (!key.equals("-") && replyByKey.containsKey(key)) {
            return new Outcome(replyByKey.get(key), false);
        }
        chargedByAccount.merge(w[2], cents, Long::sum);
        chargesApplied++;
        String reply = "OK txn" + (++txn);
        if (!key.equals("-")) {
            replyByKey.put(key, reply);
        }
        boolean drop = dropArmed;
        dropArmed = false;
        return new Outcome(reply, drop);
    }

    public synchronized long chargedTo(String account) {
        return chargedByAccount.getOrDefault(account, 0L);
    }

    public synchronized int chargesApplied() {
        return chargesApplied;
    }

    /** TCP connections accepted so far: each is one session. */
    public int sessions() {
        return sessions.get();
    }

    @Override
    public void close() {
        closed = true;
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
