package dev.dbinternals.ch08.harness.bench;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.harness.Node;
import dev.dbinternals.ch08.harness.sim.Delay;
import dev.dbinternals.ch08.harness.sim.LinkFaults;
import dev.dbinternals.ch08.harness.sim.Simulation;
import java.time.Duration;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Simulated message deliveries per second: the harness beside a bare priority-queue event loop
 * doing the same work (copy the payload on send, draw the same faults, schedule by
 * (time, sequence), call the receiving node), in the same run.
 *
 * <p>Book: Chapter 8, "Network Partitions and Partial Failures" (네트워크 파티션과 부분 장애): a
 * harness is only used if it is fast enough to run thousands of seeds. Each invocation runs one
 * fresh simulation until {@value #DELIVERIES} messages were delivered; the score is deliveries
 * per second. The harness runs with its trace off (the trace is for reading, and costs memory)
 * and with zero handler time, like the baseline.
 *
 * <p>Workloads: {@code twoNodes} = one message bouncing between 2 nodes; {@code allToAll16} =
 * 16 nodes, each starts by sending to all 15 others and forwards every message it receives to
 * the next node in turn (240 in flight). Faults on = loss 5%, duplication 5%, corruption 1%,
 * delay uniform 0.5..2 ms; a 1 ms timer per node re-injects a message so losses do not drain
 * the system (the baseline does the same).
 *
 * <p>A JMH state; JMH gives each benchmark thread what it needs (not thread-safe otherwise).
 *
 * <p>Run: {@code java -jar ch08-harness/target/benchmarks.jar SimulationBench -f 1 -wi 2 -i 3 -r 1s}.
 * Expect the harness at about a quarter of the bare loop for two nodes with faults off (the
 * cheapest workload, where its fixed costs per delivery dominate: the node API, typed events,
 * crash and pause checks, the network's checks) and at about two thirds with more messages in
 * flight or with faults on; figures in the harness README.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class SimulationBench {

    static final int DELIVERIES = 100_000;

    @Param({"false", "true"})
    public boolean faults;

    // ------------------------------------------------------------------ harness

    /** Forwards each message to the next node in turn; counts deliveries in a shared counter. */
    static final class Forwarder implements Node {
        final long[] delivered;
        final boolean refill;
        int next;

        Forwarder(long[] delivered, boolean refill) {
            this.delivered = delivered;
            this.refill = refill;
        }

        @Override
        public void onStart(Context ctx) {
            List<Address> all = ctx.nodes();
            for (Address a : all) {
                if (!a.equals(ctx.self())) {
                    ctx.send(a, new byte[16]);
                }
            }
            if (refill) {
                ctx.setTimer(Duration.ofMillis(1), "refill");
            }
        }

        @Override
        public void onMessage(Context ctx, Address from, byte[] message) {
            delivered[0]++;
            ctx.send(pick(ctx), message);
        }

        @Override
        public void onTimer(Context ctx, Object tag) {
            ctx.send(pick(ctx), new byte[16]);
            ctx.setTimer(Duration.ofMillis(1), "refill");
        }

        private int self = -1;

        private Address pick(Context ctx) {
            List<Address> all = ctx.nodes();
            if (self < 0) {
                self = all.indexOf(ctx.self()); // like the bare loop, which knows its index
            }
            int i;
            do {
                i = next++ % all.size();
            } while (i == self);
            return all.get(i);
        }
    }

    private long harness(int nodes) {
        long[] delivered = new long[1];
        Simulation sim = new Simulation(42);
        sim.trace().setEnabled(false);
        // the bare loop has no processing time; with the default 10 us per handler, messages that
        // arrive at a busy node wait in its inbox, extra work the baseline would not do
        sim.setHandlerTime(Duration.ZERO);
        for (int i = 0; i < nodes; i++) {
            sim.addNode("n" + i, () -> new Forwarder(delivered, faults));
        }
        if (faults) {
            sim.network().setDefaults(FAULTY);
        }
        sim.runUntil(() -> delivered[0] >= DELIVERIES, Duration.ofDays(1));
        return delivered[0];
    }

    static final LinkFaults FAULTY = LinkFaults.none().withLoss(0.05).withDuplication(0.05).withCorruption(0.01)
            .withDelay(Delay.uniform(Duration.ofNanos(500_000), Duration.ofMillis(2)));

    @Benchmark
    @OperationsPerInvocation(DELIVERIES)
    public long twoNodesHarness() {
        return harness(2);
    }

    @Benchmark
    @OperationsPerInvocation(DELIVERIES)
    public long allToAll16Harness() {
        return harness(16);
    }

    // ------------------------------------------------------------------ the bare baseline

    /** The bare loop's event: no node API, no trace, no crash or pause state. */
    static final class Ev {
        final long time;
        final long seq;
        final int to;
        final int kind; // 0 message, 1 timer
        final byte[] payload;

        Ev(long time, long seq, int to, int kind, byte[] payload) {
            this.time = time;
            this.seq = seq;
            this.to = to;
            this.kind = kind;
            this.payload = payload;
        }
    }

    /** A priority queue of events and the same forwarding nodes, written as plainly as possible. */
    static final class Bare {
        final PriorityQueue<Ev> queue = new PriorityQueue<>((a, b) -> a.time != b.time
                ? Long.compare(a.time, b.time) : Long.compare(a.seq, b.seq));
        final SplittableRandom[][] links;
        final int[] next;
        final int n;
        final boolean faults;
        long now;
        long seq;
        long delivered;

        Bare(int n, boolean faults) {
            this.n = n;
            this.faults = faults;
            this.next = new int[n];
            this.links = new SplittableRandom[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    links[i][j] = new SplittableRandom(i * 1000L + j);
                }
            }
        }

        void send(int from, int to, byte[] payload) {
            byte[] copy = payload.clone();
            if (!faults) {
                queue.add(new Ev(now + 1_000_000, seq++, to, 0, copy));
                return;
            }
            SplittableRandom r = links[from][to];
            if (r.nextDouble() < 0.05) {
                return;
            }
            int copies = 1;
            while (copies <= 8 && r.nextDouble() < 0.05) {
                copies++;
            }
            for (int c = 0; c < copies; c++) {
                byte[] p = c == 0 ? copy : copy.clone();
                if (r.nextDouble() < 0.01) {
                    p = p.clone();
                    int bit = r.nextInt(p.length * 8);
                    p[bit >>> 3] ^= (byte) (1 << (bit & 7));
                }
                queue.add(new Ev(now + 500_000 + r.nextLong(1_500_001), seq++, to, 0, p));
            }
        }

        int pick(int self) {
            int a;
            do {
                a = next[self]++ % n;
            } while (a == self);
            return a;
        }

        long run() {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    if (i != j) {
                        send(i, j, new byte[16]);
                    }
                }
                if (faults) {
                    queue.add(new Ev(now + 1_000_000, seq++, i, 1, null));
                }
            }
            while (delivered < DELIVERIES) {
                Ev e = queue.poll();
                now = e.time;
                if (e.kind == 0) {
                    delivered++;
                    send(e.to, pick(e.to), e.payload);
                } else {
                    send(e.to, pick(e.to), new byte[16]);
                    queue.add(new Ev(now + 1_000_000, seq++, e.to, 1, null));
                }
            }
            return delivered;
        }
    }

    @Benchmark
    @OperationsPerInvocation(DELIVERIES)
    public long twoNodesBare() {
        return new Bare(2, faults).run();
    }

    @Benchmark
    @OperationsPerInvocation(DELIVERIES)
    public long allToAll16Bare() {
        return new Bare(16, faults).run();
    }

    /**
     * A benchmark main for a busy machine: runs harness and bare loop <em>alternately</em>, about
     * 50 ms each, many rounds, and reports for each the median and the best round (on a machine
     * shared with other work, the best round is the closest to an uncontended core), and the
     * ratios, so a burst of load from other processes hits both sides alike.
     * {@code java -cp ch08-harness/target/benchmarks.jar dev.dbinternals.ch08.harness.bench.SimulationBench [rounds]}
     */
    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 21;
        SimulationBench b = new SimulationBench();
        System.out.printf(t("Figures: millions of simulated deliveries per second of wall time in one ~50 ms round; med = median,"
                + " best = fastest of %d rounds after 5 warm-up rounds; ratio = harness / bare (1.00 = as fast as the bare loop)%n",
                "수치: ~50 ms 라운드 하나에서 벽시계 시간 1초당 시뮬레이션 전달 수(백만); med = 중앙값,"
                + " best = 예열 라운드 5개 뒤 라운드 %d개 중 가장 빠른 것; ratio = 하네스 / 맨 루프 (1.00 = 맨 루프만큼 빠름)%n"), rounds);
        System.out.printf("%-22s %12s %12s %7s | %12s %12s %7s%n", "workload (M deliv/s)", "harness med", "bare med",
                "ratio", "harness best", "bare best", "ratio");
        for (int nodes : new int[] {2, 16}) {
            for (boolean f : new boolean[] {false, true}) {
                b.faults = f;
                double[] h = new double[rounds];
                double[] r = new double[rounds];
                for (int w = 0; w < 5; w++) { // warm-up
                    run(b, nodes, true);
                    run(b, nodes, false);
                }
                for (int i = 0; i < rounds; i++) {
                    h[i] = run(b, nodes, true);
                    r[i] = run(b, nodes, false);
                }
                java.util.Arrays.sort(h);
                java.util.Arrays.sort(r);
                double hm = h[rounds / 2];
                double rm = r[rounds / 2];
                double hb = h[rounds - 1];
                double rb = r[rounds - 1];
                System.out.printf("%-22s %12.2f %12.2f %7.2f | %12.2f %12.2f %7.2f%n", nodes + " nodes, faults " + (f ? "on" : "off"),
                        hm, rm, hm / rm, hb, rb, hb / rb);
            }
        }
    }

    /** Millions of deliveries per second over about 50 ms of repeated invocations. */
    private static double run(SimulationBench b, int nodes, boolean harness) {
        long t0 = System.nanoTime();
        long n = 0;
        do {
            if (nodes == 2) {
                if (harness) b.twoNodesHarness(); else b.twoNodesBare();
            } else {
                if (harness) b.allToAll16Harness(); else b.allToAll16Bare();
            }
            n += DELIVERIES;
        } while (System.nanoTime() - t0 < 50_000_000L);
        return n * 1e3 / (System.nanoTime() - t0);
    }
}
