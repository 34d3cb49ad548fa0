package dev.dbinternals.ch08.harness.fallacies;

import dev.dbinternals.ch08.harness.lang.Columns;
import static dev.dbinternals.ch08.harness.lang.Lang.t;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.harness.Node;
import dev.dbinternals.ch08.harness.codec.Codec;
import dev.dbinternals.ch08.harness.sim.LinkFaults;
import dev.dbinternals.ch08.harness.sim.Simulation;
import dev.dbinternals.ch08.harness.sim.Trace;
import dev.dbinternals.ch08.harness.sim.TraceEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Fallacy 7, "Transport cost is zero": every message is serialised and framed before it goes on
 * the wire, and each frame carries its own type tag and checksum (and, on a real network, IP
 * and UDP headers). A sender that ships small messages one per frame pays that overhead per
 * message; batching k messages per frame pays it once per k (each message inside a batch still
 * carries about a byte of codec overhead of its own: the "overhead/msg" column).
 *
 * <p>Book: Chapter 8, "Fallacies of Distributed Computing" (분산 컴퓨팅의 오류), and "Local and
 * Remote Execution" (로컬 실행과 원격 실행): a remote call adds a network round trip and
 * serialisation and deserialisation, which a local call does not pay.
 *
 * <p>What it shows, counted from the run: frames and bytes on the wire per message for k = 1, 8
 * and 64 messages per frame (the harness {@link Codec} with its CRC32C), the same plus 28 bytes
 * of IPv4 (20) and UDP (8) headers per frame as a real UDP network would add, and the time to
 * send them over a 100 kB/s link. The CPU side (encode + decode time per message) is a JMH
 * benchmark, {@code bench.TransportCostBench}, since simulated time has no CPU cost. Stateless
 * and thread-safe.
 */
public final class F7TransportCostIsZero implements Fallacy {

    /** One small message: a key and a value. */
    public record Put(long key, long value) {
    }

    /** k messages in one frame. */
    public record Batch(List<Put> puts) {
    }

    /** The codec both senders use: CRC32C on every frame, as on a real link. */
    public static final Codec CODEC = Codec.builder().register(1, Put.class).register(2, Batch.class).withChecksum().build();
    /** IPv4 header without options (20 bytes) plus UDP header (8 bytes), per datagram. */
    public static final int IP_UDP_HEADER_BYTES = 28;
    static final long BANDWIDTH = 100_000;
    static final int[] BATCH_SIZES = {1, 8, 64};
    /** The verdict's line: a plan that is off by this factor or more has failed. */
    static final double OFF_BY = 1.5;

    /**
     * What one run counted. {@code dataBytes} is the encoded fields alone (what the naive sender
     * thinks it pays), {@code wireBytes} the frames A sent as the network carried them.
     */
    public record Result(int batchSize, int messages, int frames, long dataBytes, long wireBytes, long finishedNanos) {
        public double wireBytesPerMessage() {
            return (double) wireBytes / messages;
        }

        public double overheadBytesPerMessage() {
            return (double) (wireBytes - dataBytes) / messages;
        }

        /** Per message, with an IPv4 + UDP header on every frame. */
        public double withHeadersPerMessage() {
            return (double) (wireBytes + (long) frames * IP_UDP_HEADER_BYTES) / messages;
        }

        public double dataBytesPerMessage() {
            return (double) dataBytes / messages;
        }

        /** Wire bytes over data bytes: how far off the plan "only the fields cost" is. */
        public double costFactor() {
            return (double) wireBytes / dataBytes;
        }

        public double costFactorWithHeaders() {
            return withHeadersPerMessage() / dataBytesPerMessage();
        }
    }

    @Override
    public int number() {
        return 7;
    }

    @Override
    public String fallacy() {
        return t("Transport cost is zero", "전송 비용은 0이다");
    }

    /** The encoded size of a message's fields alone: a frame of one Put minus its type id and checksum. */
    static int dataBytes(Put p) {
        return CODEC.encode(p).length - 1 - 4;
    }

    /** Sends the messages in frames of {@code k}; k = 1 sends each as a bare {@link Put}. */
    static final class Sender implements Node {
        final Address to;
        final List<Put> messages;
        final int k;

        Sender(Address to, List<Put> messages, int k) {
            this.to = to;
            this.messages = messages;
            this.k = k;
        }

        @Override
        public void onStart(Context ctx) {
            for (int i = 0; i < messages.size(); i += k) {
                List<Put> slice = messages.subList(i, Math.min(messages.size(), i + k));
                ctx.send(to, k == 1 ? CODEC.encode(slice.get(0)) : CODEC.encode(new Batch(List.copyOf(slice))));
            }
        }

        @Override
        public void onMessage(Context ctx, Address from, byte[] message) {
        }
    }

    /** Counts the messages that arrive, whichever way they were framed. */
    static final class Receiver implements Node {
        int received;

        @Override
        public void onMessage(Context ctx, Address from, byte[] message) {
            Object m = CODEC.decode(message);
            received += m instanceof Batch b ? b.puts().size() : 1;
        }
    }

    /** The messages of a run: keys 1..n, values drawn from the seed (so varints have realistic sizes). */
    static List<Put> messages(long seed, int n) {
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        List<Put> out = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            out.add(new Put(i, r.nextLong(1_000_000)));
        }
        return out;
    }

    /** Sends {@code n} messages in frames of {@code k} over a 100 kB/s link and counts what crossed it. */
    public static Result run(long seed, int n, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + k);
        }
        List<Put> msgs = messages(seed, n);
        Simulation sim = new Simulation(seed);
        sim.network().setDefaults(LinkFaults.none().withBandwidth(BANDWIDTH));
        Address b = sim.addNode("B", Receiver::new);
        Address a = sim.addNode("A", () -> new Sender(b, msgs, k));
        sim.runUntilQuiet(Duration.ofMinutes(10));
        if (sim.node(b, Receiver.class).received != n) {
            throw new IllegalStateException("B received " + sim.node(b, Receiver.class).received + " of " + n);
        }
        int frames = 0;
        long wire = 0;
        long finished = 0;
        for (TraceEvent e : sim.trace().events()) {
            if (e.kind() == TraceEvent.Kind.SEND && a.equals(e.node())) {
                frames++;
                wire += e.payloadLength();
            } else if (e.kind() == TraceEvent.Kind.DELIVER) {
                finished = e.timeNanos();
            }
        }
        long data = msgs.stream().mapToLong(F7TransportCostIsZero::dataBytes).sum();
        return new Result(k, n, frames, data, wire, finished);
    }

    @Override
    public Outcome run(long seed, boolean quick) {
        int n = quick ? 512 : 4096;
        List<Result> rs = new ArrayList<>();
        for (int k : BATCH_SIZES) {
            rs.add(run(seed, n, k));
        }
        Result naive = rs.get(0);
        Result best = rs.get(rs.size() - 1);
        List<String> table = new ArrayList<>();
        // right-aligned by display width (a Hangul syllable takes two columns), so the Korean header lines up too
        table.add(String.join(" ", Columns.right("k", 4), Columns.right(t("frames", "프레임"), 7), Columns.right(t("wire bytes", "전선 바이트"), 11),
                Columns.right(t("bytes/msg", "바이트/msg"), 10), Columns.right(t("overhead/msg", "오버헤드/msg"), 13), Columns.right("+IPv4/UDP/msg", 15),
                Columns.right(t("time @100kB/s", "시간 @100kB/s"), 14)));
        for (Result r : rs) {
            table.add(String.format("%4d %7d %11d %10.2f %13.2f %15.2f %14s", r.batchSize(), r.frames(), r.wireBytes(),
                    r.wireBytesPerMessage(), r.overheadBytesPerMessage(), r.withHeadersPerMessage(),
                    Trace.formatNanos(r.finishedNanos())));
        }
        List<String> naiveLines = new ArrayList<>();
        naiveLines.add(String.format(t("one message per frame: its plan (\"only the fields cost\") expects %.2f bytes per message;",
                "프레임마다 메시지 하나: 계획 (\"필드만 비용이 든다\")은 메시지당 %.2f 바이트를 예상한다;"),
                naive.dataBytesPerMessage()));
        naiveLines.add(String.format(t("the wire carried %.2f (%.2f with IPv4/UDP headers): off by %.2fx (%.2fx).",
                "전선은 %.2f 바이트를 실었다 (IPv4/UDP 헤더를 더하면 %.2f): %.2f배 (%.2f배) 빗나갔다."),
                naive.wireBytesPerMessage(), naive.withHeadersPerMessage(), naive.costFactor(), naive.costFactorWithHeaders()));
        List<String> fixLines = new ArrayList<>(table);
        fixLines.add(String.format(t("batching %d per frame: %.2f bytes per message, off by %.2fx (%.2fx with headers); %.1fx less time on the link than k = 1.",
                "프레임마다 %d개씩 배치: 메시지당 %.2f 바이트, %.2f배 빗나감 (헤더 포함 %.2f배); 링크 위 시간은 k = 1보다 %.1f배 짧다."),
                best.batchSize(), best.wireBytesPerMessage(), best.costFactor(), best.costFactorWithHeaders(),
                (double) naive.finishedNanos() / best.finishedNanos()));
        fixLines.add(t("CPU per message (encode + decode), k = 1 vs 8 vs 64: the JMH benchmark TransportCostBench (see the README).",
                "메시지당 CPU (인코드 + 디코드), k = 1 대 8 대 64: JMH 벤치마크 TransportCostBench (README 참고)."));
        return new Outcome(
                List.of(String.format(t("A sends %d small messages (a key and a value) to B over a %d kB/s link, with the harness codec (CRC32C on).",
                                "A가 작은 메시지 (키 하나와 값 하나) %d개를 %d kB/s 링크로 B에게 보낸다. 하네스 코덱 사용 (CRC32C 켬)."),
                                n, BANDWIDTH / 1000),
                        String.format(t("A plan that counts only the fields is called off when the wire carries %.1fx or more of them.",
                                "필드만 세는 계획은 전선이 그 %.1f배 이상을 실으면 빗나간 것으로 본다."), OFF_BY)),
                naiveLines,
                fixLines,
                naive.costFactor() >= OFF_BY,
                best.costFactor() < OFF_BY && best.finishedNanos() < naive.finishedNanos(),
                t("one small message per frame", "프레임마다 작은 메시지 하나"),
                t("batch k messages per frame", "프레임마다 메시지 k개를 배치"));
    }
}
