package dev.dbinternals.ch08.links;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Node;
import dev.dbinternals.ch08.harness.udp.UdpCluster;
import dev.dbinternals.ch08.links.check.LinkLog;
import dev.dbinternals.ch08.links.check.LinkNode;
import dev.dbinternals.ch08.links.check.LossyNode;
import dev.dbinternals.ch08.links.ladder.BatchingLink;
import dev.dbinternals.ch08.links.ladder.Link;
import dev.dbinternals.ch08.links.ladder.LinkListener;
import dev.dbinternals.ch08.links.ladder.Payloads;
import dev.dbinternals.ch08.links.ladder.WindowedPerfectLink;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Measurements over real loopback sockets shared by the goodput benchmark main and JMH:
 * the perfect link over the harness UDP runtime, and a plain TCP socket moving the same bytes.
 */
final class UdpVsTcp {

    private UdpVsTcp() {
    }

    /** The result of one run: bytes moved, seconds taken, data frames sent. */
    record Run(long bytes, double seconds, long transmissions, long messages) {
        double mbPerSecond() {
            return bytes / seconds / 1e6;
        }
    }

    /** Sends {@code messages} messages of {@code size} bytes from A to B over a perfect link on the UDP runtime, with {@code loss} injected on both sides. */
    static Run perfectLinkOverUdp(int messages, int size, int window, Duration rto, double loss, long seed) {
        return perfectLinkOverUdp(messages, size, window, rto, loss, seed, 0);
    }

    /** As above; with {@code batchBytes > 0} the messages travel in batches of up to that many bytes ({@link BatchingLink}). */
    static Run perfectLinkOverUdp(int messages, int size, int window, Duration rto, double loss, long seed, int batchBytes) {
        LinkLog log = new LinkLog(false);
        WindowedPerfectLink.Config cfg = WindowedPerfectLink.Config.defaults().withWindow(window).withRetransmitTimeout(rto);
        Address b = Address.of("B");
        Function<LinkListener, Link> link = batchBytes > 0
                ? l -> new BatchingLink(batchBytes, x -> new WindowedPerfectLink(cfg, x), l)
                : l -> new WindowedPerfectLink(cfg, l);
        Map<String, Supplier<Node>> nodes = new TreeMap<>();
        nodes.put("A", () -> new LossyNode(new LinkNode(link,
                new LinkNode.Workload(b, messages, size, Duration.ZERO), log), loss));
        nodes.put("B", () -> new LossyNode(new LinkNode(link, LinkNode.Workload.none(), log), loss));
        UdpCluster cluster = UdpCluster.builder().seed(seed).node("A", "127.0.0.1:0", nodes.get("A"))
                .node("B", "127.0.0.1:0", nodes.get("B")).build();
        try {
            long start = System.nanoTime();
            cluster.start();
            long deadline = start + Duration.ofSeconds(120).toNanos();
            while (log.deliverCount() < messages) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("only " + log.deliverCount() + " of " + messages + " delivered in 120 s");
                }
                LockSupport.parkNanos(200_000);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long tx = cluster.inspect(Address.of("A"), LossyNode.class, n -> {
                Link l = n.inner(LinkNode.class).link();
                return (l instanceof BatchingLink bl ? bl.inner() : l).stats().transmissions;
            });
            long gaps = cluster.inspect(b, LossyNode.class, n -> n.inner(LinkNode.class).gapsOrRepeats());
            if (gaps != 0) {
                throw new IllegalStateException(gaps + " deliveries out of order or repeated");
            }
            return new Run((long) messages * size, seconds, tx, messages);
        } finally {
            cluster.close();
        }
    }

    /** Moves {@code messages * size} bytes over one loopback TCP connection in writes of {@code size} bytes. */
    static Run tcp(int messages, int size) {
        return tcp(messages, size, false);
    }

    /** As above; with {@code buffered} the writes go through a 64 KiB buffer (the application batches, as TCP's best case). */
    static Run tcp(int messages, int size, boolean buffered) {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            long total = (long) messages * size;
            Thread writer = new Thread(() -> {
                try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
                    s.setTcpNoDelay(true);
                    OutputStream out = buffered ? new BufferedOutputStream(s.getOutputStream(), 64 * 1024)
                            : s.getOutputStream();
                    byte[] msg = Payloads.numbered(1, size);
                    for (int i = 0; i < messages; i++) {
                        out.write(msg);
                    }
                    out.flush();
                    s.shutdownOutput();
                    s.getInputStream().read(); // wait for the reader to close
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, "tcp-writer");
            long start = System.nanoTime();
            writer.start();
            long read = 0;
            try (Socket s = server.accept()) {
                InputStream in = s.getInputStream();
                byte[] buf = new byte[64 * 1024];
                int n;
                while (read < total && (n = in.read(buf)) > 0) {
                    read += n;
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            writer.join(10_000);
            return new Run(read, seconds, messages, messages);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
