package dev.dbinternals.ch08.links.remote;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.harness.Node;
import dev.dbinternals.ch08.harness.udp.UdpCluster;
import dev.dbinternals.ch08.links.check.LossyNode;
import dev.dbinternals.ch08.links.ladder.LinkListener;
import dev.dbinternals.ch08.links.ladder.LinkStats;
import dev.dbinternals.ch08.links.ladder.Received;
import dev.dbinternals.ch08.links.ladder.WindowedPerfectLink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Pages of a remote dataset fetched over a {@link WindowedPerfectLink} on real UDP: a {@link PageSource}
 * whose every page is one request message and one reply message of the link, so a plain
 * {@link PagingIterator} iterates a remote dataset through the link.
 *
 * <p>Book: Chapter 8, Local and Remote Execution (로컬 실행과 원격 실행), on top of Links → the
 * perfect link (퍼펙트 링크). Two nodes of a {@link UdpCluster} on loopback: a {@code store}
 * serving the map ({@link PagingOverLink.Server}) and a {@code pager} owning the client end of
 * the link. The iterating thread hands each request to the pager's event loop and waits for the
 * reply; a lost request or reply is the link's business (it retransmits after its timeout), so
 * the iterator sees a slow {@code next()}, never a missing page. Loss is injected on both nodes'
 * sends ({@link LossyNode}): at random with {@code loss}, or scripted with
 * {@link #dropNextRequest()}. The map is read on the store's thread while the caller may change
 * it: use a {@code ConcurrentSkipListMap}.
 *
 * <p>Not thread-safe: iterate from one thread (the nodes run on their own event-loop threads).
 */
public final class LinkPageSource implements PageSource, AutoCloseable {

    /** The link settings of Demo 08, its test and its benchmark: a small window, a 20 ms floor on the retransmission timeout. */
    public static final WindowedPerfectLink.Config DEMO_LINK = WindowedPerfectLink.Config.defaults().withWindow(4).withRetransmitTimeout(Duration.ofMillis(20));

    private static final Address STORE = Address.of("store");
    private static final Address PAGER = Address.of("pager");
    private static final Duration GIVE_UP = Duration.ofSeconds(30);

    private final UdpCluster cluster;
    private long nextRequestId = 1;
    private long pages;

    /**
     * Starts the store and the pager on loopback (ports chosen by the OS).
     *
     * @param data   the remote dataset (the store reads it on its own thread)
     * @param config the perfect link's settings, on both ends
     * @param loss   probability each datagram either node sends is dropped, in [0, 1)
     * @param seed   seeds the random loss
     */
    public LinkPageSource(NavigableMap<String, String> data, WindowedPerfectLink.Config config, double loss, long seed) {
        cluster = UdpCluster.builder().seed(seed)
                .node(STORE.name(), "127.0.0.1:0", () -> new LossyNode(new PagingOverLink.Server(data, config), loss))
                .node(PAGER.name(), "127.0.0.1:0", () -> new LossyNode(new Pager(config), loss))
                .build();
        cluster.start();
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
        CompletableFuture<byte[]> reply = new CompletableFuture<>();
        cluster.inspect(PAGER, LossyNode.class, n -> {
            n.inner(Pager.class).ask(id, request, reply);
            return null;
        });
        try {
            Page page = UdpPageServer.decodeReply(reply.get(GIVE_UP.toMillis(), TimeUnit.MILLISECONDS)).getValue();
            pages++;
            return page;
        } catch (TimeoutException e) {
            throw new UncheckedIOException(new IOException("no page after " + GIVE_UP.toSeconds() + " s: is the link partitioned?"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a page", e);
        } catch (ExecutionException | IOException e) {
            throw new IllegalStateException("a perfect link delivered a page it never sent", e);
        }
    }

    /** Drops the next page request on its first transmission, as if lost on the wire: the link must resend it. */
    public void dropNextRequest() {
        cluster.inspect(PAGER, LossyNode.class, n -> {
            n.dropNext(1);
            return null;
        });
    }

    /** Pages fetched: one round trip of the link each. */
    public long pages() {
        return pages;
    }

    /** Bytes of frames both ends put on the wire: requests, pages, acknowledgements, headers and checksums, retransmissions included. */
    public long bytesOnWire() {
        return stats(PAGER).bytesOnWire + stats(STORE).bytesOnWire;
    }

    /** Data frames sent again after a retransmission timeout, by both ends. */
    public long retransmissions() {
        return stats(PAGER).retransmissions + stats(STORE).retransmissions;
    }

    /** Datagrams dropped on purpose (random loss and {@link #dropNextRequest()}), by both ends. */
    public long dropped() {
        return cluster.inspect(PAGER, LossyNode.class, LossyNode::dropped) + cluster.inspect(STORE, LossyNode.class, LossyNode::dropped);
    }

    /** The pager's current retransmission timeout (adapted to the measured round trip, at least the configured one). */
    public Duration retransmitTimeout() {
        return cluster.inspect(PAGER, LossyNode.class, n -> n.inner(Pager.class).link.currentRetransmitTimeout());
    }

    private LinkStats stats(Address a) {
        return cluster.inspect(a, LossyNode.class, n -> {
            LinkStats s = n.inner() instanceof Pager p ? p.link.stats() : n.inner(PagingOverLink.Server.class).link().stats();
            LinkStats copy = new LinkStats();
            copy.bytesOnWire = s.bytesOnWire;
            copy.retransmissions = s.retransmissions;
            return copy;
        });
    }

    @Override
    public void close() {
        cluster.close();
    }

    /**
     * The client end of the link, on the pager's event loop. Requests come from the iterating
     * thread through {@link UdpCluster#inspect}, which runs them on this loop; the context kept
     * from {@code onStart} is the node's host, valid for its whole life in the UDP runtime.
     */
    static final class Pager implements Node, LinkListener {
        final WindowedPerfectLink link;
        private final Map<Long, CompletableFuture<byte[]>> waiting = new TreeMap<>();
        private final ArrayDeque<byte[]> refused = new ArrayDeque<>();
        private Context ctx;

        Pager(WindowedPerfectLink.Config config) {
            link = new WindowedPerfectLink(config, this);
        }

        @Override
        public void onStart(Context c) {
            ctx = c;
            link.onStart(c);
        }

        void ask(long id, byte[] request, CompletableFuture<byte[]> reply) {
            waiting.put(id, reply);
            if (!refused.isEmpty() || !link.send(ctx, STORE, request)) {
                refused.add(request); // the window is full of requests whose acks are late: wait for room
            }
        }

        @Override
        public void writable(Context c, Address peer) {
            while (!refused.isEmpty() && link.send(c, peer, refused.peek())) {
                refused.poll();
            }
        }

        @Override
        public void delivered(Context c, Address from, byte[] reply) {
            Long id = Received.message(c, "page", reply, r -> UdpPageServer.decodeReply(r).getKey());
            CompletableFuture<byte[]> f = id == null ? null : waiting.remove(id);
            if (f != null) {
                f.complete(reply);
            }
        }

        @Override
        public void onMessage(Context c, Address from, byte[] message) {
            link.onFrame(c, from, message);
        }

        @Override
        public void onTimer(Context c, Object tag) {
            link.onTimer(c, tag);
        }
    }
}
