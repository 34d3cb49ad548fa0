package dev.dbinternals.ch08.harness.bench;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.harness.Node;
import dev.dbinternals.ch08.harness.udp.UdpCluster;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Round trips per second between two nodes over UDP on loopback: the harness's UDP runtime
 * (frame header, event-loop hand-off, node API) beside a raw {@link DatagramSocket} echo loop
 * doing the same ping-pong, in the same run. One message is in flight at a time, so this is a
 * latency benchmark: messages per second = 2 x round trips per second.
 *
 * <p>Book: Chapter 8, "Fallacies of Distributed Computing" (분산 컴퓨팅의 오류): latency is not
 * zero even on loopback; "Local and Remote Execution" (로컬 실행과 원격 실행): compare with a
 * method call.
 *
 * <p>A JMH state; JMH gives each benchmark thread what it needs (not thread-safe otherwise).
 *
 * <p>Run: {@code java -jar ch08-harness/target/benchmarks.jar UdpBench -f 1 -wi 2 -i 3 -r 1s}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class UdpBench {

    static final int ROUND_TRIPS = 500;
    static final Address A = Address.of("A");
    static final Address B = Address.of("B");

    /** Sends a ping, waits for the pong, repeats {@code n} times, then completes a future. */
    public static final class Client implements Node {
        private Context ctx;
        private int left;
        private CompletableFuture<Integer> done;

        @Override
        public void onStart(Context ctx) {
            this.ctx = ctx;
        }

        CompletableFuture<Integer> begin(int n) {
            done = new CompletableFuture<>();
            left = n;
            ctx.send(B, new byte[16]);
            return done;
        }

        @Override
        public void onMessage(Context ctx, Address from, byte[] message) {
            if (--left > 0) {
                ctx.send(B, message);
            } else {
                done.complete(0);
            }
        }
    }

    private UdpCluster cluster;
    private DatagramSocket rawClient;
    private DatagramSocket rawEcho;
    private Thread echo;

    @Setup(Level.Trial)
    public void setUp() throws SocketException {
        cluster = UdpCluster.builder().log(null)
                .node("A", "127.0.0.1:0", Client::new)
                .node("B", "127.0.0.1:0", () -> (ctx, from, m) -> ctx.send(from, m))
                .build().start();
        rawEcho = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        rawClient = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        rawClient.connect(rawEcho.getLocalSocketAddress());
        echo = new Thread(() -> {
            byte[] buf = new byte[2048];
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            while (!rawEcho.isClosed()) {
                try {
                    p.setLength(buf.length);
                    rawEcho.receive(p);
                    rawEcho.send(new DatagramPacket(p.getData(), p.getLength(), p.getSocketAddress()));
                } catch (IOException e) {
                    return;
                }
            }
        }, "raw-echo");
        echo.setDaemon(true);
        echo.start();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        cluster.close();
        rawClient.close();
        rawEcho.close();
    }

    @Benchmark
    @OperationsPerInvocation(ROUND_TRIPS)
    public int harnessRoundTrips() throws Exception {
        return cluster.inspect(A, Client.class, c -> c.begin(ROUND_TRIPS)).get(10, TimeUnit.SECONDS);
    }

    @Benchmark
    @OperationsPerInvocation(ROUND_TRIPS)
    public int rawSocketRoundTrips() throws IOException {
        byte[] out = new byte[16 + 7]; // the same bytes on the wire as the harness frame (16 + header)
        byte[] in = new byte[2048];
        DatagramPacket send = new DatagramPacket(out, out.length);
        DatagramPacket recv = new DatagramPacket(in, in.length);
        for (int i = 0; i < ROUND_TRIPS; i++) {
            rawClient.send(send);
            recv.setLength(in.length);
            rawClient.receive(recv);
        }
        return recv.getLength();
    }

}
