package dev.dbinternals.ch08.links;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.demo.DemoArgs;
import dev.dbinternals.ch08.harness.lang.Lang;
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
        DemoArgs args = DemoArgs.forDemo("udp", "A perfect link between two JVM processes over UDP with injected loss",
                        "손실을 주입한 UDP 위에서 두 JVM 프로세스 사이의 퍼펙트 링크")
                .choiceOption("role", "both", List.of("both", "sender", "receiver"),
                        "which side this process runs (both: this JVM sends, a second one receives)",
                        "이 프로세스가 맡을 쪽 (both: 이 JVM이 전송하고 두 번째 JVM이 수신)")
                .longOption("messages", 5000, 1, 10_000_000, "messages A sends to B (--quick: 1000 unless given)",
                        "A가 B에게 전송할 메시지 수 (--quick이면 따로 주지 않는 한 1000)")
                .doubleOption("loss", 0.2, 0, 0.9, "probability each datagram is dropped before it leaves (both sides)",
                        "각 데이터그램이 나가기 전에 버려질 확률 (양쪽 모두)")
                .hostPortOption("sender", "127.0.0.1:0", "A's address (port 0: pick a free one)", "A의 주소 (포트 0: 빈 포트를 고른다)")
                .hostPortOption("receiver", "127.0.0.1:0", "B's address (port 0: pick a free one)", "B의 주소 (포트 0: 빈 포트를 고른다)")
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
                DemoArgs.heading(System.out, t("Demo 09 · perfect link over UDP between two processes (링크)", "데모 09 · 두 프로세스 사이 UDP 위의 퍼펙트 링크"));
                System.out.printf(t("A (this JVM, %s) sends m1..m%d to B (a second JVM, %s); each side drops %.0f %% of its datagrams.%n",
                        "A(이 JVM, %1$s)가 B(두 번째 JVM, %3$s)에게 m1부터 m%2$d까지 전송한다. 양쪽 모두 자기 데이터그램의 %4$.0f %%를 버린다.%n"),
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
                System.out.println(ok ? t("Both processes agree: every message delivered once, in order, despite the loss.",
                        "두 프로세스의 결과가 같다: 손실에도 모든 메시지가 순서대로 한 번씩 전달됐다.")
                        : t("FAILED: see the lines above.", "실패: 위의 줄들을 보세요."));
                System.exit(ok ? 0 : 1);
            }
            default -> {
                System.err.println(t("udp: --role must be both, sender or receiver, got '" + role + "'",
                        "udp: --role 은 both, sender, receiver 중 하나여야 합니다. 받은 값: '" + role + "'"));
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
                    System.out.println(t("[A] gave up after 60 s: is the receiver running?", "[A] 60초 뒤 포기했다: 수신자가 실행 중인가요?"));
                    return false;
                }
                LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            LinkStats s = cluster.inspect(a, LossyNode.class, n -> n.inner(LinkNode.class).link().stats());
            long dropped = cluster.inspect(a, LossyNode.class, LossyNode::dropped);
            System.out.printf(t("[A] all %d messages acknowledged in %.2f s: %d data frames sent (%d retransmissions; %.2f frames per message),"
                    + " %d of its datagrams dropped on purpose%n",
                    "[A] 메시지 %d개 모두 %.2f초 만에 확인 응답받음: 데이터 프레임 %d개 전송 (재전송 %d번, 메시지당 프레임 %.2f개),"
                    + " 일부러 버린 자기 데이터그램 %d개%n"), messages, seconds, s.transmissions, s.retransmissions,
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
            System.out.println(t("[B] listening on ", "[B] 수신 대기: ") + cluster.addresses().get(b));
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
            System.out.printf(t("[B] delivered %d of %d (%d distinct), %d out of order or repeated; %d duplicates ignored, "
                    + "%d held out of order, %d malformed datagrams%n",
                    "[B] %2$d개 중 %1$d개 전달 (서로 다른 것 %3$d개), 순서가 어긋나거나 반복된 것 %4$d개. 무시한 중복 %5$d개, "
                    + "순서가 어긋나 잡아 둔 것 %6$d개, 형식이 잘못된 데이터그램 %7$d개%n"), delivered, messages, distinct, gaps,
                    s.duplicatesDropped, s.heldOutOfOrder, cluster.malformedCount());
            return node != null && delivered == messages && distinct == messages && gaps == 0;
        }
    }

    private static Process startReceiverProcess(long seed, long messages, double loss, String sender, String receiver) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                Demo09UdpPerfectLink.class.getName(), "--role", "receiver", "--seed", Long.toString(seed),
                "--messages", Long.toString(messages), "--loss", Double.toString(loss), "--lang", Lang.current().code(),
                "--sender", sender, "--receiver", receiver));
        try {
            return new ProcessBuilder(cmd).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException(t("cannot start the receiver JVM", "수신자 JVM을 시작할 수 없습니다"), e);
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
