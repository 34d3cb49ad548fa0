package dev.dbinternals.ch08.links;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.demo.DemoArgs;
import dev.dbinternals.ch08.harness.udp.UdpCluster;
import dev.dbinternals.ch08.links.check.LinkLog;
import dev.dbinternals.ch08.links.check.LinkNode;
import dev.dbinternals.ch08.links.check.LossyNode;
import dev.dbinternals.ch08.links.ladder.LinkStats;
import dev.dbinternals.ch08.links.ladder.WindowedPerfectLink;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Demo 09: a perfect link between two JVM processes over real UDP, with loss injected on both
 * sides. It runs the {@link WindowedPerfectLink}: 5,000 messages sent as fast as the link takes
 * them need its bounded window (backpressure) and a timeout fitted to the measured round trip.
 *
 * <p>Book: Chapter 8, Links (링크): UDP stands in for a fair-loss link (it loses, reorders and
 * may duplicate datagrams; the frames' CRC32C turns corruption into loss); the perfect link on top of it
 * delivers every message exactly once, in order, as long as neither process crashes (its dedup
 * state is in memory). With {@code --role both} (the default) this
 * process runs the sender A and starts a second JVM running the receiver B; {@code --role
 * sender} and {@code --role receiver} run one side each (for two terminals or two machines).
 */
public final class Demo09UdpPerfectLink {

    private Demo09UdpPerfectLink() {
    }

    public static void main(String[] argv) throws Exception {
        DemoArgs args = DemoArgs.forDemo("udp", "A perfect link between two JVM processes over UDP with injected loss")
                .choiceOption("role", "both", "which side this process runs (both: this JVM sends, a second one receives)",
                        "both", "sender", "receiver")
                .longOption("messages", 5000, 1, 10_000_000, "messages A sends to B (--quick: 1000 unless given)")
                .doubleOption("loss", 0.2, 0, 0.9, "probability each datagram is dropped before it leaves (both sides)")
                .hostPortOption("sender", "127.0.0.1:0", "A's address (port 0: pick a free one)")
                .hostPortOption("receiver", "127.0.0.1:0", "B's address (port 0: pick a free one)")
                .writesNoFiles()
                .parse(argv);
        String role = args.get("role");
        long messages = args.longValue("messages");
        if (args.quick() && args.changed("messages").isEmpty()) {
            messages = 1000;
        }
        double loss = args.doubleValue("loss");
        String sender = withPort(args.get("sender"));
        String receiver = withPort(args.get("receiver"));
        switch (role) {
            case "receiver" -> System.exit(runReceiver(args.seed(), messages, loss, sender, receiver) ? 0 : 1);
            case "sender" -> System.exit(runSender(args.seed(), messages, loss, sender, receiver) ? 0 : 1);
            case "both" -> {
                DemoArgs.heading(System.out, "Demo 09 · perfect link over UDP between two processes (링크)");
                System.out.printf("A (this JVM, %s) sends m1..m%d to B (a second JVM, %s); each side drops %.0f %% of its datagrams.%n",
                        sender, messages, receiver, loss * 100);
                Process child = startReceiverProcess(args.seed(), messages, loss, sender, receiver);
                Thread pump = new Thread(() -> copyOutput(child), "child-output");
                pump.start();
                boolean ok = runSender(args.seed(), messages, loss, sender, receiver);
                boolean exited = child.waitFor(60, TimeUnit.SECONDS);
                pump.join(5_000);
                if (!exited) {
                    child.destroy();
                }
                ok &= exited && child.exitValue() == 0;
                System.out.println(ok ? "Both processes agree: every message delivered once, in order, despite the loss."
                        : "FAILED: see the lines above.");
                System.exit(ok ? 0 : 1);
            }
            default -> {
                System.err.println("udp: --role must be both, sender or receiver, got '" + role + "'");
                System.exit(2);
            }
        }
    }

    private static WindowedPerfectLink.Config config() {
        return WindowedPerfectLink.Config.defaults().withWindow(256).withRetransmitTimeout(Duration.ofMillis(2));
    }

    static boolean runSender(long seed, long messages, double loss, String sender, String receiver) {
        Address b = Address.of("B");
        LinkLog log = new LinkLog(false);
        try (UdpCluster cluster = UdpCluster.builder().seed(seed)
                .node("A", sender, () -> new LossyNode(new LinkNode(l -> new WindowedPerfectLink(config(), l),
                        new LinkNode.Workload(b, messages, 0, Duration.ZERO), log), loss))
                .peer("B", receiver).build()) {
            long start = System.nanoTime();
            cluster.start();
            Address a = Address.of("A");
            long deadline = start + Duration.ofSeconds(60).toNanos();
            while (!cluster.inspect(a, LossyNode.class, n -> n.inner(LinkNode.class).doneSending()
                    && n.inner(LinkNode.class).link(WindowedPerfectLink.class).allAcknowledged())) {
                if (System.nanoTime() > deadline) {
                    System.out.println("[A] gave up after 60 s: is the receiver running?");
                    return false;
                }
                LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            LinkStats s = cluster.inspect(a, LossyNode.class, n -> n.inner(LinkNode.class).link().stats());
            long dropped = cluster.inspect(a, LossyNode.class, LossyNode::dropped);
            System.out.printf("[A] all %d messages acknowledged in %.2f s: %d data frames sent (%d retransmissions; %.2f frames per message),"
                    + " %d of its datagrams dropped on purpose%n", messages, seconds, s.transmissions, s.retransmissions,
                    (double) s.transmissions / messages, dropped);
            return true;
        }
    }

    static boolean runReceiver(long seed, long messages, double loss, String sender, String receiver) {
        LinkLog log = new LinkLog(false);
        Address b = Address.of("B");
        try (UdpCluster cluster = UdpCluster.builder().seed(seed + 1)
                .node("B", receiver, () -> new LossyNode(new LinkNode(l -> new WindowedPerfectLink(config(), l),
                        LinkNode.Workload.none(), log), loss))
                .peer("A", sender).build()) {
            cluster.start();
            System.out.println("[B] listening on " + cluster.addresses().get(b));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (log.deliverCount() < messages && System.nanoTime() < deadline) {
                LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
            }
            // stay a little longer: A may still need acks for retransmissions of the last messages
            LockSupport.parkNanos(Duration.ofMillis(500).toNanos());
            LinkNode node = cluster.inspect(b, LossyNode.class, n -> n.inner(LinkNode.class));
            LinkStats s = cluster.inspect(b, LossyNode.class, n -> n.inner(LinkNode.class).link().stats());
            long delivered = cluster.inspect(b, LossyNode.class, n -> n.inner(LinkNode.class).deliveredCount());
            long gaps = cluster.inspect(b, LossyNode.class, n -> n.inner(LinkNode.class).gapsOrRepeats());
            long distinct = cluster.inspect(b, LossyNode.class, n -> n.inner(LinkNode.class).distinctDelivered());
            System.out.printf("[B] delivered %d of %d (%d distinct), %d out of order or repeated; %d duplicates ignored, "
                    + "%d held out of order, %d malformed datagrams%n", delivered, messages, distinct, gaps,
                    s.duplicatesDropped, s.heldOutOfOrder, cluster.malformedCount());
            return node != null && delivered == messages && distinct == messages && gaps == 0;
        }
    }

    private static Process startReceiverProcess(long seed, long messages, double loss, String sender, String receiver) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                Demo09UdpPerfectLink.class.getName(), "--role", "receiver", "--seed", Long.toString(seed),
                "--messages", Long.toString(messages), "--loss", Double.toString(loss),
                "--sender", sender, "--receiver", receiver));
        try {
            return new ProcessBuilder(cmd).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the receiver JVM", e);
        }
    }

    private static void copyOutput(Process child) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                System.out.println(line);
            }
        } catch (IOException e) {
            // the child is gone
        }
    }

    /** Replaces port 0 by a free port, so both processes know both addresses before they start. */
    private static String withPort(String hostPort) {
        InetSocketAddress a = UdpCluster.parse(hostPort);
        if (a.getPort() != 0) {
            return hostPort;
        }
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(a.getHostString()), 0))) {
            return a.getHostString() + ":" + s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
