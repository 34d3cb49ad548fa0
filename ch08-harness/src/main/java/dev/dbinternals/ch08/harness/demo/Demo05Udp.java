package dev.dbinternals.ch08.harness.demo;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.udp.UdpCluster;
import java.time.Duration;
import java.util.Map;
import java.util.Random;

/**
 * Demo 5: the same {@link PingPong} nodes as demo 1, now over real UDP sockets with the real
 * clock. By default both nodes run in this JVM on loopback; with {@code --node A} or
 * {@code --node B} this process runs one node and talks to the other process.
 *
 * <p>Book: Chapter 8, "Fallacies of Distributed Computing" (분산 컴퓨팅의 오류) and "Links"
 * (링크): UDP gives what the fair-loss link models (loss, duplication, reordering) and no
 * more; the simulation only makes those failures frequent and replayable.
 *
 * <p>A program with a {@code main}; not meant to be shared between threads.
 *
 * <p>Two processes, two terminals (from the repository root, after {@code mvn -q -o -pl ch08-harness compile}):
 * <pre>
 *   ./ch08 demo ch08-harness udp --node B --a 127.0.0.1:9001 --b 127.0.0.1:9002
 *   ./ch08 demo ch08-harness udp --node A --a 127.0.0.1:9001 --b 127.0.0.1:9002
 * </pre>
 * or with plain java: {@code java -cp ch08-harness/target/classes dev.dbinternals.ch08.harness.demo.Demo05Udp --node B}
 * (and {@code --node A} in the second terminal). On two machines, give each its real address.
 */
public final class Demo05Udp {

    private Demo05Udp() {
    }

    public static void main(String[] argv) throws InterruptedException {
        DemoArgs args = DemoArgs.forDemo("udp", "ping-pong over real UDP sockets, in one JVM or one node per process")
                .choiceOption("node", "both", "which node this process runs", "A", "B", "both")
                .hostPortOption("a", "127.0.0.1:9001", "where A listens when run as separate processes")
                .hostPortOption("b", "127.0.0.1:9002", "where B listens when run as separate processes")
                .intOption("pings", 20, 1, 100_000, "how many pings A completes")
                .longOption("seconds", 30, 1, 3600, "how long a single-node process runs at most")
                .writesNoFiles()
                .parse(argv);
        String role = args.get("node");
        int pings = args.intValue("pings");
        long seconds = args.longValue("seconds");
        if (args.quick()) {
            seconds = Math.min(seconds, 3);
        }
        Address b = Address.of("B");
        int count = pings;
        if (role.equals("both")) {
            runBoth(count, b);
            return;
        }
        UdpCluster.Builder builder = UdpCluster.builder().log(System.out).seed(args.seed());
        if (role.equals("A")) {
            builder.node("A", args.get("a"), () -> new PingPong.Pinger(b, count, Duration.ofMillis(100))).peer("B", args.get("b"));
        } else {
            builder.node("B", args.get("b"), PingPong.Ponger::new).peer("A", args.get("a"));
        }
        try (UdpCluster cluster = builder.build().start()) {
            DemoArgs.heading(System.out, "This process runs node " + role + ": " + cluster);
            long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
            Address self = Address.of(role);
            while (System.nanoTime() < deadline) {
                if (role.equals("A") && cluster.inspect(self, PingPong.Pinger.class, PingPong.Pinger::done)) {
                    break;
                }
                Thread.sleep(200); // a demo's progress report, not a correctness wait
            }
            if (role.equals("A")) {
                var p = cluster.node(self, PingPong.Pinger.class);
                System.out.printf("A: %d of %d pongs, %d pings sent (%s)%n", cluster.inspect(self, PingPong.Pinger.class, PingPong.Pinger::pongs),
                        count, cluster.inspect(self, PingPong.Pinger.class, PingPong.Pinger::sent),
                        p.done() ? "done" : "is B running? start it with --node B");
            } else {
                System.out.printf("B answered %d pings; %d malformed datagrams dropped%n",
                        cluster.inspect(self, PingPong.Ponger.class, PingPong.Ponger::pings), cluster.malformedCount());
            }
        }
    }

    private static void runBoth(int pings, Address b) throws InterruptedException {
        Address a = Address.of("A");
        try (UdpCluster cluster = UdpCluster.onLoopback(Map.of(
                "A", () -> new PingPong.Pinger(b, pings, Duration.ofMillis(100)),
                "B", PingPong.Ponger::new)).start()) {
            DemoArgs.heading(System.out, "Both nodes in this JVM on loopback: " + cluster);
            long t0 = System.nanoTime();
            Random garbage = new Random(1);
            for (int i = 0; i < 5; i++) {
                byte[] g = new byte[1 + garbage.nextInt(30)];
                garbage.nextBytes(g);
                cluster.sendRaw(b, g); // a stray datagram: must be counted and dropped, not crash B
            }
            while (!cluster.inspect(a, PingPong.Pinger.class, PingPong.Pinger::done)
                    && System.nanoTime() - t0 < Duration.ofSeconds(20).toNanos()) {
                Thread.sleep(5);
            }
            long micros = (System.nanoTime() - t0) / 1000;
            System.out.printf("A: %d pongs for %d pings sent in %.1f ms of real time (%.0f us per round trip)%n",
                    cluster.inspect(a, PingPong.Pinger.class, PingPong.Pinger::pongs),
                    cluster.inspect(a, PingPong.Pinger.class, PingPong.Pinger::sent), micros / 1000.0, micros / (double) pings);
            System.out.printf("B: answered %d pings; %d garbage datagrams were counted and dropped%n",
                    cluster.inspect(b, PingPong.Ponger.class, PingPong.Ponger::pings), cluster.malformedCount());
            System.out.println("Same node classes as the simulation; no seed can replay this run: real time, real sockets.");
        }
    }
}
