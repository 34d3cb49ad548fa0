package dev.dbinternals.ch08.harness.demo;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.udp.UdpCluster;
import static dev.dbinternals.ch08.harness.lang.Lang.t;

import java.time.Duration;
import java.util.List;
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
        DemoArgs args = DemoArgs.forDemo("udp", "ping-pong over real UDP sockets, in one JVM or one node per process",
                        "실제 UDP 소켓 위의 핑퐁, JVM 하나에서 또는 프로세스마다 노드 하나")
                .choiceOption("node", "both", List.of("A", "B", "both"), "which node this process runs",
                        "이 프로세스가 실행할 노드")
                .hostPortOption("a", "127.0.0.1:9001", "where A listens when run as separate processes",
                        "따로 실행할 때 A가 수신 대기하는 주소")
                .hostPortOption("b", "127.0.0.1:9002", "where B listens when run as separate processes",
                        "따로 실행할 때 B가 수신 대기하는 주소")
                .intOption("pings", 20, 1, 100_000, "how many pings A completes", "A가 완료할 핑의 수")
                .longOption("seconds", 30, 1, 3600, "how long a single-node process runs at most",
                        "노드 하나짜리 프로세스가 최대 몇 초 동안 실행되는지")
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
            DemoArgs.heading(System.out, t("This process runs node " + role + ": " + cluster, "이 프로세스는 노드 " + role + "를 실행한다: " + cluster));
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
                System.out.printf(t("A: %d of %d pongs, %d pings sent (%s)%n", "A: 퐁 %2$d개 중 %1$d개, 보낸 핑 %3$d개 (%4$s)%n"), cluster.inspect(self, PingPong.Pinger.class, PingPong.Pinger::pongs),
                        count, cluster.inspect(self, PingPong.Pinger.class, PingPong.Pinger::sent),
                        p.done() ? t("done", "완료") : t("is B running? start it with --node B", "B가 실행 중인가요? --node B로 시작하세요"));
            } else {
                System.out.printf(t("B answered %d pings; %d malformed datagrams dropped%n", "B가 핑 %d개에 답했다; 형식이 잘못된 데이터그램 %d개를 버렸다%n"),
                        cluster.inspect(self, PingPong.Ponger.class, PingPong.Ponger::pings), cluster.malformedCount());
            }
        }
    }

    private static void runBoth(int pings, Address b) throws InterruptedException {
        Address a = Address.of("A");
        try (UdpCluster cluster = UdpCluster.onLoopback(Map.of(
                "A", () -> new PingPong.Pinger(b, pings, Duration.ofMillis(100)),
                "B", PingPong.Ponger::new)).start()) {
            DemoArgs.heading(System.out, t("Both nodes in this JVM on loopback: " + cluster, "두 노드 모두 이 JVM 안, 루프백 위: " + cluster));
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
            System.out.printf(t("A: %d pongs for %d pings sent in %.1f ms of real time (%.0f us per round trip)%n",
                    "A: 보낸 핑 %2$d개에 퐁 %1$d개, 실제 시간 %3$.1f ms (왕복당 %4$.0f us)%n"),
                    cluster.inspect(a, PingPong.Pinger.class, PingPong.Pinger::pongs),
                    cluster.inspect(a, PingPong.Pinger.class, PingPong.Pinger::sent), micros / 1000.0, micros / (double) pings);
            System.out.printf(t("B: answered %d pings; %d garbage datagrams were counted and dropped%n", "B: 핑 %d개에 답했다; 쓰레기 데이터그램 %d개를 세고 버렸다%n"),
                    cluster.inspect(b, PingPong.Ponger.class, PingPong.Ponger::pings), cluster.malformedCount());
            System.out.println(t("Same node classes as the simulation; no seed can replay this run: real time, real sockets.",
                    "시뮬레이션과 같은 노드 클래스다; 어떤 시드로도 이 실행은 재현할 수 없다: 실제 시간, 실제 소켓이다."));
        }
    }
}
