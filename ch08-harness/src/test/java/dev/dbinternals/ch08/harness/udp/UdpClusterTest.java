package dev.dbinternals.ch08.harness.udp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.demo.PingPong;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class UdpClusterTest {

    static final Address A = Address.of("A");
    static final Address B = Address.of("B");

    @Test
    void shouldDeliverBetweenTwoNodesOnLoopback() {
        try (UdpCluster cluster = UdpCluster.onLoopback(Map.of(
                "A", () -> new PingPong.Pinger(B, 50, Duration.ofMillis(200)),
                "B", PingPong.Ponger::new)).start()) {

            await().atMost(Duration.ofSeconds(10))
                    .until(() -> cluster.inspect(A, PingPong.Pinger.class, PingPong.Pinger::done));

            assertThat(cluster.inspect(A, PingPong.Pinger.class, PingPong.Pinger::pongs)).isEqualTo(50);
            assertThat(cluster.deliveredCount(B)).isGreaterThanOrEqualTo(50);
            assertThat(cluster.malformedCount()).isZero();
        }
    }

    @Test
    void shouldCountAndDropGarbageDatagramsAndKeepWorking() {
        try (UdpCluster cluster = UdpCluster.onLoopback(Map.of(
                "A", () -> new PingPong.Pinger(B, 20, Duration.ofMillis(200)),
                "B", PingPong.Ponger::new)).start()) {

            Random r = new Random(1);
            int garbage = 200;
            for (int i = 0; i < garbage; i++) {
                byte[] g = new byte[r.nextInt(40)];
                r.nextBytes(g);
                if (i % 4 == 0 && g.length > 8) {
                    g[0] = 'D'; // a header that starts right but does not parse
                    g[1] = '8';
                    g[2] = 1;
                }
                cluster.sendRaw(B, g);
            }
            cluster.sendRaw(B, Frame.encode("Mallory", new byte[] {1})); // well-formed, unknown sender

            await().atMost(Duration.ofSeconds(10)).until(() -> cluster.malformedCount() == garbage + 1);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> cluster.inspect(A, PingPong.Pinger.class, PingPong.Pinger::done));
            assertThat(cluster.handlerErrors(B)).isZero();
        }
    }

    /** Sets three timers, cancels one; records the tags that fire. */
    static final class Timers implements dev.dbinternals.ch08.harness.Node {
        final java.util.List<Object> fired = new java.util.ArrayList<>();

        @Override
        public void onStart(dev.dbinternals.ch08.harness.Context ctx) {
            ctx.setTimer(Duration.ofMillis(30), "first");
            var cancelled = ctx.setTimer(Duration.ofMillis(40), "cancelled");
            ctx.setTimer(Duration.ofMillis(60), null);
            ctx.cancelTimer(cancelled);
        }

        @Override
        public void onMessage(dev.dbinternals.ch08.harness.Context ctx, Address from, byte[] message) {
        }

        @Override
        public void onTimer(dev.dbinternals.ch08.harness.Context ctx, Object tag) {
            fired.add(tag == null ? "null tag" : tag);
        }
    }

    @Test
    void shouldFireTimersInOrderOnTheNodesThreadAndHonourCancel() {
        try (UdpCluster cluster = UdpCluster.onLoopback(Map.of("A", Timers::new)).start()) {
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> cluster.inspect(A, Timers.class, t -> t.fired.size()) == 2);

            java.util.List<Object> fired = cluster.inspect(A, Timers.class, t -> java.util.List.copyOf(t.fired));
            assertThat(fired).containsExactly("first", "null tag");
        }
    }

    @Test
    void shouldRejectBadAddressesClearly() {
        assertThatThrownBy(() -> UdpCluster.parse("localhost")).hasMessageContaining("host:port");
        assertThatThrownBy(() -> UdpCluster.parse("127.0.0.1:99999")).hasMessageContaining("0..65535");
        assertThatThrownBy(() -> UdpCluster.builder().peer("B", "127.0.0.1:0")).hasMessageContaining("explicit port");
    }
}
