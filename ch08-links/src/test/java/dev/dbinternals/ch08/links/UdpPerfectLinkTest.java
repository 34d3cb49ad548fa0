package dev.dbinternals.ch08.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.udp.UdpCluster;
import dev.dbinternals.ch08.links.check.CheckResult;
import dev.dbinternals.ch08.links.check.LinkChecks;
import dev.dbinternals.ch08.links.check.LinkLog;
import dev.dbinternals.ch08.links.check.LinkNode;
import dev.dbinternals.ch08.links.check.LossyNode;
import dev.dbinternals.ch08.links.ladder.WindowedPerfectLink;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The perfect link over the harness's real UDP runtime, with loss injected on both sides. */
class UdpPerfectLinkTest {

    @Test
    void shouldDeliverEveryMessageOnceInOrderOverLossyUdpInOneJvm() {
        // given A and B on loopback UDP, each dropping 20 % of what it sends
        LinkLog log = new LinkLog();
        Address b = Address.of("B");
        WindowedPerfectLink.Config cfg = WindowedPerfectLink.Config.defaults().withWindow(64).withRetransmitTimeout(Duration.ofMillis(5));
        try (UdpCluster cluster = UdpCluster.onLoopback(Map.of(
                "A", () -> new LossyNode(new LinkNode(l -> new WindowedPerfectLink(cfg, l), LinkNode.Workload.burst(b, 2000), log), 0.2),
                "B", () -> new LossyNode(new LinkNode(l -> new WindowedPerfectLink(cfg, l), LinkNode.Workload.none(), log), 0.2)))) {
            // when A sends 2,000 messages
            cluster.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> log.deliverCount() >= 2000);
            // then B delivered each exactly once, in order, and nothing it never got
            LinkChecks.perfectLink(log.events()).forEach(CheckResult::orThrow);
            long dropped = cluster.inspect(Address.of("A"), LossyNode.class, LossyNode::dropped);
            assertThat(dropped).as("loss really injected").isPositive();
            long gaps = cluster.inspect(b, LossyNode.class, n -> n.inner(LinkNode.class).gapsOrRepeats());
            assertThat(gaps).isZero();
        }
    }

    @Test
    void shouldDeliverEveryMessageOnceInOrderBetweenTwoJvmProcesses() throws Exception {
        // given B in a second JVM and A in this one, each dropping 20 % of what it sends
        int ports = 2;
        String[] addr = new String[ports];
        for (int i = 0; i < ports; i++) {
            try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
                addr[i] = "127.0.0.1:" + s.getLocalPort();
            }
        }
        String javaBin = ProcessHandle.current().info().command().orElse("java");
        Process receiver = new ProcessBuilder(List.of(javaBin, "-cp", System.getProperty("java.class.path"),
                Demo09UdpPerfectLink.class.getName(), "--role", "receiver", "--messages", "1000", "--loss", "0.2",
                "--sender", addr[0], "--receiver", addr[1])).redirectErrorStream(true).start();
        try {
            // when A sends 1,000 messages
            boolean senderDone = Demo09UdpPerfectLink.runSender(7, 1000, 0.2, addr[0], addr[1]);
            // then both sides report success: the receiver exits 0 only if it delivered all, once, in order
            assertThat(senderDone).as("every message acknowledged").isTrue();
            assertThat(receiver.waitFor(30, TimeUnit.SECONDS)).as("receiver process finished").isTrue();
            String out = new String(receiver.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(receiver.exitValue()).as("receiver process said:%n%s", out).isZero();
            assertThat(out).contains("delivered 1000 of 1000 (1000 distinct), 0 out of order or repeated");
        } finally {
            receiver.destroyForcibly();
        }
    }

}
