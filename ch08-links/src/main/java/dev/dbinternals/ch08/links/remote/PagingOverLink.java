package dev.dbinternals.ch08.links.remote;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.harness.Node;
import dev.dbinternals.ch08.links.ladder.Link;
import dev.dbinternals.ch08.links.ladder.LinkListener;
import dev.dbinternals.ch08.links.ladder.Received;
import dev.dbinternals.ch08.links.ladder.WindowedPerfectLink;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Remote iteration in the simulator: a client node pages through a server node's sorted map
 * over a {@link WindowedPerfectLink}, one page request outstanding at a time, in virtual time. The
 * windowed link, because the server queues its replies while the link's window is full and sends
 * them on {@link LinkListener#writable} (backpressure): {@link LinkPageSource} runs the same
 * server over real UDP.
 *
 * <p>Book: Chapter 8, Local and Remote Execution (로컬 실행과 원격 실행). The simulation makes
 * the costs exact and tunable: every page costs one round trip of the configured network, so
 * the latency per element is about {@code RTT / pageSize}, against zero for a local map; a lost
 * page request or reply is retransmitted by the link (the iteration just takes a timeout
 * longer); and the server's data may change between two pages (a key cursor never repeats an
 * element but misses entries inserted behind it). Not thread-safe (simulation nodes).
 */
public final class PagingOverLink {

    private PagingOverLink() {
    }

    /** Serves pages of {@code data} (which a test or fault plan may change between pages). */
    public static final class Server implements Node, LinkListener {
        private final NavigableMap<String, String> data;
        private final LocalPageSource local;
        private final Link link;
        private final Map<Address, ArrayDeque<byte[]>> replies = new TreeMap<>();

        public Server(NavigableMap<String, String> data, WindowedPerfectLink.Config config) {
            this.data = data;
            this.local = new LocalPageSource(data);
            this.link = new WindowedPerfectLink(config, this);
        }

        public NavigableMap<String, String> data() {
            return data;
        }

        /** The server's end of the link (for its counters). */
        public Link link() {
            return link;
        }

        @Override
        public void onStart(Context ctx) {
            link.onStart(ctx);
        }

        @Override
        public void onMessage(Context ctx, Address from, byte[] message) {
            link.onFrame(ctx, from, message);
        }

        @Override
        public void onTimer(Context ctx, Object tag) {
            link.onTimer(ctx, tag);
        }

        @Override
        public void delivered(Context ctx, Address from, byte[] request) {
            byte[] reply = Received.message(ctx, "page request", request, r -> UdpPageServer.answer(local, r));
            if (reply == null) {
                return;
            }
            replies.computeIfAbsent(from, a -> new ArrayDeque<>()).add(reply);
            flush(ctx, from);
        }

        @Override
        public void writable(Context ctx, Address peer) {
            flush(ctx, peer);
        }

        /** Sends queued replies while the link has room: a full window pushes back, nothing is dropped. */
        private void flush(Context ctx, Address to) {
            ArrayDeque<byte[]> q = replies.get(to);
            while (q != null && !q.isEmpty() && link.send(ctx, to, q.peek())) {
                q.poll();
            }
        }
    }

    /** Iterates the server's data page by page with a key cursor, recording what it cost. */
    public static final class Client implements Node, LinkListener {
        private final Address server;
        private final int pageSize;
        private final Link link;
        private final List<String> keys = new ArrayList<>();
        private String lastKey = "";
        private long pages;
        private long bytesReceived;
        private long bytesSent;
        private long startNanos = -1;
        private long doneNanos = -1;
        private byte[] refused;

        public Client(Address server, int pageSize, WindowedPerfectLink.Config config) {
            this.server = server;
            this.pageSize = pageSize;
            this.link = new WindowedPerfectLink(config, this);
        }

        @Override
        public void onStart(Context ctx) {
            link.onStart(ctx);
            startNanos = ctx.clock().monotonicNanos();
            request(ctx);
        }

        private void request(Context ctx) {
            byte[] request = UdpPageServer.request(pages + 1, 'K', lastKey, 0, pageSize);
            bytesSent += request.length;
            if (!link.send(ctx, server, request)) {
                refused = request; // the window is full of unacknowledged requests: wait for room
            }
        }

        @Override
        public void onMessage(Context ctx, Address from, byte[] message) {
            link.onFrame(ctx, from, message);
        }

        @Override
        public void onTimer(Context ctx, Object tag) {
            link.onTimer(ctx, tag);
        }

        @Override
        public void delivered(Context ctx, Address from, byte[] reply) {
            PageSource.Page page = Received.message(ctx, "page", reply, r -> UdpPageServer.decodeReply(r).getValue());
            if (page == null) {
                return;
            }
            for (Map.Entry<String, String> e : page.entries()) {
                keys.add(e.getKey());
                lastKey = e.getKey();
            }
            pages++;
            bytesReceived += reply.length;
            if (page.more()) {
                request(ctx);
            } else {
                doneNanos = ctx.clock().monotonicNanos();
            }
        }

        @Override
        public void writable(Context ctx, Address peer) {
            if (refused != null && link.send(ctx, server, refused)) {
                refused = null;
            }
        }

        public boolean done() {
            return doneNanos >= 0;
        }

        /** Keys seen, in the order the iteration returned them. */
        public List<String> keys() {
            return List.copyOf(keys);
        }

        /** Pages fetched: one round trip each. */
        public long pages() {
            return pages;
        }

        /** Application bytes: page requests sent plus pages received (frames add their headers and the acks). */
        public long bytes() {
            return bytesSent + bytesReceived;
        }

        /** Data frames the client's link sent (requests, retransmissions included). */
        public long requestTransmissions() {
            return link.stats().transmissions;
        }

        /** Virtual time from the first request to the last page. */
        public long elapsedNanos() {
            return doneNanos - startNanos;
        }
    }
}
