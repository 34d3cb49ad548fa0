package dev.dbinternals.ch08.links.remote;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Pages fetched from a {@link UdpPageServer}: one request datagram, one reply datagram, and a
 * retry after a timeout when either is lost.
 *
 * <p>Book: Chapter 8, Local and Remote Execution (로컬 실행과 원격 실행). Counts what the local
 * version never pays: round trips, bytes each way, timeouts. Page requests are reads, hence
 * idempotent, so retrying them is safe; a reply to an earlier (timed-out) request is recognised
 * by its request id and ignored. Not thread-safe.
 */
public final class RemotePageSource implements PageSource, AutoCloseable {

    private final DatagramSocket socket;
    private final int timeoutMillis;
    private final int maxAttempts;
    private long nextRequestId = 1;
    private long roundTrips;
    private long requestsSent;
    private long timeouts;
    private long bytesSent;
    private long bytesReceived;

    public RemotePageSource(InetSocketAddress server, Duration timeout, int maxAttempts) {
        try {
            socket = new DatagramSocket();
            socket.connect(server);
            socket.setSoTimeout((int) Math.max(1, timeout.toMillis()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.timeoutMillis = (int) timeout.toMillis();
        this.maxAttempts = maxAttempts;
    }

    @Override
    public Page pageAfterKey(String afterKey, int limit) {
        return fetch('K', afterKey, 0, limit);
    }

    @Override
    public Page pageAtOffset(int offset, int limit) {
        return fetch('O', "", offset, limit);
    }

    private Page fetch(char cursor, String afterKey, int offset, int limit) {
        long id = nextRequestId++;
        byte[] request = UdpPageServer.request(id, cursor, afterKey, offset, limit);
        byte[] buf = new byte[UdpPageServer.MAX_DATAGRAM + 1024];
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            try {
                socket.send(new DatagramPacket(request, request.length));
                requestsSent++;
                bytesSent += request.length;
                while (true) {
                    DatagramPacket p = new DatagramPacket(buf, buf.length);
                    socket.receive(p);
                    bytesReceived += p.getLength();
                    DataInputStream in = new DataInputStream(new ByteArrayInputStream(p.getData(), 0, p.getLength()));
                    if (in.readLong() != id) {
                        continue; // a late reply to a request we already gave up on
                    }
                    boolean more = in.readBoolean();
                    int n = in.readInt();
                    List<Map.Entry<String, String>> entries = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) {
                        entries.add(Map.entry(in.readUTF(), in.readUTF()));
                    }
                    roundTrips++;
                    return new Page(entries, more);
                }
            } catch (SocketTimeoutException e) {
                timeouts++;
            } catch (IOException e) {
                throw new UncheckedIOException("page request failed", e);
            }
        }
        throw new UncheckedIOException(new IOException("no reply after " + maxAttempts + " attempts of " + timeoutMillis + " ms"));
    }

    public long roundTrips() {
        return roundTrips;
    }

    public long requestsSent() {
        return requestsSent;
    }

    public long timeouts() {
        return timeouts;
    }

    public long bytesSent() {
        return bytesSent;
    }

    public long bytesReceived() {
        return bytesReceived;
    }

    @Override
    public void close() {
        socket.close();
    }
}
