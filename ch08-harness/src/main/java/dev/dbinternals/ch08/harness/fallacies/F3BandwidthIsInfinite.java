package dev.dbinternals.ch08.harness.fallacies;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.harness.Node;
import dev.dbinternals.ch08.harness.codec.Codec;
import dev.dbinternals.ch08.harness.sim.Delay;
import dev.dbinternals.ch08.harness.sim.DropReason;
import dev.dbinternals.ch08.harness.sim.LinkFaults;
import dev.dbinternals.ch08.harness.sim.Simulation;
import dev.dbinternals.ch08.harness.sim.Trace;
import dev.dbinternals.ch08.harness.sim.TraceEvent;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Fallacy 3, "Bandwidth is infinite": a bulk transfer over a link of limited bandwidth with a
 * bounded queue in front of it. The naive sender hands every chunk to the network at once; the
 * queue fills and the rest are dropped. A sender with flow control keeps at most a window of
 * unacknowledged chunks in flight, fewer than the queue holds, and delivers everything in about
 * size / bandwidth.
 *
 * <p>Book: Chapter 8, "Fallacies of Distributed Computing" (분산 컴퓨팅의 오류): assuming
 * bandwidth is infinite stops being true as the number, rate and size of messages grow; and
 * "Processing" (프로세싱): queues are bounded, and backpressure slows the producer to what the
 * consumer (here, the link) can take.
 *
 * <p>What it shows, counted from the run: chunks delivered and dropped with
 * {@link DropReason#QUEUE_FULL}, and the fix's transfer time beside the ideal
 * (bytes on the wire / bandwidth). Stateless and thread-safe.
 */
public final class F3BandwidthIsInfinite implements Fallacy {

    record Chunk(int seq, byte[] data) {
    }

    record Ack(int seq) {
    }

    static final Codec CODEC = Codec.builder().register(1, Chunk.class).register(2, Ack.class).build();
    static final int CHUNK_BYTES = 1000;
    /** 1 MB/s: a 1000-byte chunk occupies the link for about 1 ms. */
    static final long BANDWIDTH = 1_000_000;
    static final int QUEUE_LIMIT = 16;
    /** Flow control: at most this many chunks unacknowledged; below the queue limit, so it never overflows. */
    static final int WINDOW = 8;

    /** What one run counted; {@code wireBytes} is the sum of the frames A sent, as the network saw them. */
    public record Result(int chunks, int delivered, long droppedQueueFull, long wireBytes, long finishedNanos) {
        /** The ideal transfer time: every byte sent, back to back, at the link's bandwidth. */
        public long idealNanos() {
            return wireBytes * 1_000_000_000L / BANDWIDTH;
        }
    }

    @Override
    public int number() {
        return 3;
    }

    @Override
    public String fallacy() {
        return t("Bandwidth is infinite", "대역폭은 무한하다");
    }

    static final class Receiver implements Node {
        final Set<Integer> got = new TreeSet<>();

        @Override
        public void onMessage(Context ctx, Address from, byte[] message) {
            int seq = CODEC.decode(message, Chunk.class).seq();
            got.add(seq);
            ctx.send(from, CODEC.encode(new Ack(seq)));
        }
    }

    /** Sends chunks; {@code window} = 0 means no flow control: everything at once. */
    static final class Sender implements Node {
        final Address to;
        final int chunks;
        final int window;
        int next = 1;
        int inFlight;

        Sender(Address to, int chunks, int window) {
            this.to = to;
            this.chunks = chunks;
            this.window = window;
        }

        @Override
        public void onStart(Context ctx) {
            fill(ctx);
        }

        @Override
        public void onMessage(Context ctx, Address from, byte[] message) {
            CODEC.decode(message, Ack.class);
            inFlight--;
            fill(ctx); // an ack frees a slot in the window: that is the backpressure
        }

        private void fill(Context ctx) {
            while (next <= chunks && (window == 0 || inFlight < window)) {
                byte[] data = new byte[CHUNK_BYTES];
                ctx.random().nextBytes(data);
                ctx.send(to, CODEC.encode(new Chunk(next++, data)));
                inFlight++;
            }
        }
    }

    /** The naive run: every chunk handed to the network at once. */
    public static Result naive(long seed, int chunks) {
        return run(seed, chunks, 0);
    }

    /** The fix: a window of {@link #WINDOW} unacknowledged chunks. */
    public static Result fix(long seed, int chunks) {
        return run(seed, chunks, WINDOW);
    }

    private static Result run(long seed, int chunks, int window) {
        Simulation sim = new Simulation(seed);
        Address b = sim.addNode("B", Receiver::new);
        Address a = sim.addNode("A", () -> new Sender(b, chunks, window));
        Delay wire = Delay.uniform(Duration.ofMillis(1), Duration.ofMillis(2));
        sim.network().set(a, b, LinkFaults.none().withDelay(wire).withBandwidth(BANDWIDTH).withQueueLimit(QUEUE_LIMIT));
        sim.network().set(b, a, LinkFaults.none().withDelay(wire)); // acks are small: no limit that way
        Receiver r = sim.node(b, Receiver.class);
        sim.runUntilQuiet(Duration.ofMinutes(1));
        // measured from the trace: when the last chunk arrived, what A put on the wire, what the queue dropped
        long finished = 0;
        long wireBytes = 0;
        long queueFull = 0;
        for (TraceEvent e : sim.trace().events()) {
            if (e.node() == null || e.kind() == TraceEvent.Kind.NOTE) {
                continue;
            }
            if (e.kind() == TraceEvent.Kind.SEND && e.node().equals(a)) {
                wireBytes += e.payloadLength();
            } else if (e.kind() == TraceEvent.Kind.DELIVER && e.node().equals(b)) {
                finished = e.timeNanos();
            } else if (e.kind() == TraceEvent.Kind.DROP && e.dropReason() == DropReason.QUEUE_FULL) {
                queueFull++;
            }
        }
        return new Result(chunks, r.got.size(), queueFull, wireBytes, finished);
    }

    @Override
    public Outcome run(long seed, boolean quick) {
        int chunks = quick ? 200 : 1000;
        Result naive = naive(seed, chunks);
        Result fix = fix(seed, chunks);
        return new Outcome(
                List.of(String.format(t("A sends %d chunks of %d bytes to B over a link of %d kB/s with a queue of %d frames.",
                        "A가 %2$d 바이트짜리 청크 %1$d개를 %3$d kB/s, 큐 %4$d 프레임인 링크로 B에게 보낸다."),
                        chunks, CHUNK_BYTES, BANDWIDTH / 1000, QUEUE_LIMIT)),
                List.of(String.format(t("send everything at once: B got %d of %d; %d were dropped at the full queue (QUEUE_FULL).",
                        "모두 한꺼번에 보내기: B는 %2$d개 중 %1$d개를 받았다; %3$d개는 가득 찬 큐에서 버려졌다 (QUEUE_FULL)."),
                        naive.delivered(), chunks, naive.droppedQueueFull())),
                List.of(String.format(t("flow control, at most %d chunks unacknowledged: B got %d of %d, %d dropped,",
                                "흐름 제어, ack 받지 못한 청크는 최대 %1$d개: B는 %3$d개 중 %2$d개를 받았고, %4$d개 버려졌다,"),
                                WINDOW, fix.delivered(), chunks, fix.droppedQueueFull()),
                        String.format(t("in %s; size / bandwidth = %d bytes / %d kB/s = %s (the rest: the last chunk's delay on the wire, and any gap while the window waited).",
                                "걸린 시간 %s; 크기 / 대역폭 = %d 바이트 / %d kB/s = %s (나머지는 마지막 청크의 전선 위 지연과, 윈도가 기다린 틈이다)."),
                                Trace.formatNanos(fix.finishedNanos()), fix.wireBytes(), BANDWIDTH / 1000,
                                Trace.formatNanos(fix.idealNanos()))),
                naive.delivered() < chunks,
                fix.delivered() == chunks && fix.droppedQueueFull() == 0,
                t("send all chunks at once", "모든 청크를 한꺼번에 보내기"),
                t("window of unacked chunks < queue (flow control)", "ack 받지 못한 청크의 윈도 < 큐 (흐름 제어)"));
    }
}
