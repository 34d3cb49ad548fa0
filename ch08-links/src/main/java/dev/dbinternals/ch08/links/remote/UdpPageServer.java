package dev.dbinternals.ch08.links.remote;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

import dev.dbinternals.ch08.links.ladder.WindowedPerfectLink;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Serves pages of a sorted map over UDP on loopback, one datagram per request and per reply.
 *
 * <p>Book: Chapter 8, Local and Remote Execution (로컬 실행과 원격 실행): the remote half of the
 * paging experiment. A request is a datagram, so it can really be lost; the fault is injected
 * deterministically with {@link #dropNextRequests(int)}: the server reads the request and
 * ignores it, and the client must time out and ask again. The map may be changed by another
 * thread between pages (use a {@code ConcurrentSkipListMap}). Thread-safe; one serving thread.
 */
public final class UdpPageServer implements AutoCloseable {

    static final int MAX_DATAGRAM = 60_000;

    private final NavigableMap<String, String> data;
    private final LocalPageSource local;
    private final DatagramSocket socket;
    private final Thread thread;
    private final AtomicInteger toDrop = new AtomicInteger();
    private final AtomicInteger served = new AtomicInteger();
    private final AtomicInteger dropped = new AtomicInteger();
    private volatile boolean closed;

    public UdpPageServer(NavigableMap<String, String> data) {
        this.data = data;
        this.local = new LocalPageSource(data);
        try {
            socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        } catch (SocketException e) {
            throw new UncheckedIOException("cannot bind a loopback UDP port", e);
        }
        thread = new Thread(this::serve, "udp-page-server");
        thread.setDaemon(true);
        thread.start();
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), socket.getLocalPort());
    }

    /** The next {@code n} requests are received and ignored, as if lost on the way. */
    public void dropNextRequests(int n) {
        toDrop.set(n);
    }

    public NavigableMap<String, String> data() {
        return data;
    }

    public int served() {
        return served.get();
    }

    public int dropped() {
        return dropped.get();
    }

    private void serve() {
        byte[] buf = new byte[2048];
        while (!closed) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                socket.receive(p);
                if (toDrop.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    dropped.incrementAndGet();
                    continue;
                }
                byte[] reply = answer(local, new DataInputStream(new ByteArrayInputStream(p.getData(), 0, p.getLength())));
                socket.send(new DatagramPacket(reply, reply.length, p.getSocketAddress()));
                served.incrementAndGet();
            } catch (IOException e) {
                if (!closed) {
                    System.err.println(t("udp page server: ", "udp 페이지 서버: ") + e); // a malformed request: ignore it and go on
                }
            }
        }
    }

    /**
     * A page request: request id, cursor ({@code 'K'} after a key, {@code 'O'} at an offset),
     * limit, offset, key. The same bytes travel in one datagram here and as one message of a
     * {@link WindowedPerfectLink} in {@link PagingOverLink} and {@link LinkPageSource}.
     */
    static byte[] request(long requestId, char cursor, String afterKey, int offset, int limit) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeLong(requestId);
            out.writeByte(cursor);
            out.writeInt(limit);
            out.writeInt(offset);
            out.writeUTF(afterKey);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The reply to a {@link #request}: request id, "more follow", the entries (see {@link #encode}). */
    static byte[] answer(LocalPageSource local, byte[] request) throws IOException {
        return answer(local, new DataInputStream(new ByteArrayInputStream(request)));
    }

    /** Decodes a reply made by {@link #encode}: its request id, and the page. */
    static Map.Entry<Long, PageSource.Page> decodeReply(byte[] reply) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(reply));
        long id = in.readLong();
        boolean more = in.readBoolean();
        int n = in.readInt();
        List<Map.Entry<String, String>> entries = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            entries.add(Map.entry(in.readUTF(), in.readUTF()));
        }
        return Map.entry(id, new PageSource.Page(entries, more));
    }

    private static byte[] answer(LocalPageSource local, DataInputStream in) throws IOException {
        long requestId = in.readLong();
        byte cursor = in.readByte();
        int limit = Math.max(1, Math.min(in.readInt(), 10_000));
        int offset = in.readInt();
        String afterKey = in.readUTF();
        PageSource.Page page = cursor == 'K' ? local.pageAfterKey(afterKey, limit) : local.pageAtOffset(offset, limit);
        return encode(requestId, page);
    }

    static byte[] encode(long requestId, PageSource.Page page) throws IOException {
        List<Map.Entry<String, String>> entries = new ArrayList<>(page.entries());
        while (true) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeLong(requestId);
            out.writeBoolean(page.more() || entries.size() < page.entries().size());
            out.writeInt(entries.size());
            for (Map.Entry<String, String> e : entries) {
                out.writeUTF(e.getKey());
                out.writeUTF(e.getValue());
            }
            if (bytes.size() <= MAX_DATAGRAM || entries.size() <= 1) {
                return bytes.toByteArray();
            }
            entries = entries.subList(0, entries.size() / 2); // a page must fit in one datagram
        }
    }

    @Override
    public void close() {
        closed = true;
        socket.close();
    }
}
