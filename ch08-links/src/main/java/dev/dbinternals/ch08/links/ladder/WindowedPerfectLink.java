package dev.dbinternals.ch08.links.ladder;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.links.exactlyonce.EffectReceiver;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * Going further than the book's {@link PerfectLink}: the same perfect link (sequence numbers,
 * acknowledgements, retransmission, {@code n_consecutive} / {@code n_processed} and a reorder
 * buffer), plus what a link that carries real traffic needs and the book leaves out: memory
 * bounded by a window, with backpressure; a retransmission timeout fitted to the measured round
 * trip, with backoff; and incarnations, so that processes may crash and restart. Read
 * {@link PerfectLink} first. The mechanisms are TCP's (a sliding window, cumulative and selective
 * acknowledgements, the RFC 6298 retransmission timer), not TCP itself: messages, not a byte
 * stream, and no congestion control.
 *
 * <p>Book: Chapter 8, Links → Message order (메시지 순서), the perfect (퍼펙트) link. Between
 * correct processes it guarantees what {@link PerfectLink} does:
 * <ul>
 *   <li><b>reliable delivery</b> (신뢰성 있는 전달): every message a correct process sends to a
 *       correct process is eventually delivered (once the network lets frames through again:
 *       liveness needs the faults to heal);</li>
 *   <li><b>no duplication</b> (중복 없음): no message is delivered more than once;</li>
 *   <li><b>no creation</b> (생성 없음): only messages that were actually sent are delivered;
 *       a frame whose CRC32C fails is dropped as lost;</li>
 *   <li><b>FIFO order</b>: messages from one sender are delivered in the order sent.</li>
 * </ul>
 *
 * <p>How: the sender numbers messages 1, 2, 3, … and keeps each in a bounded
 * {@link SendWindow} until acknowledged, retransmitting any that waited longer than the
 * retransmission timeout (adapted to the measured round-trip time, never below the configured
 * one, doubled after each timeout until an acknowledgement shows progress); a full window
 * refuses new messages (backpressure) and calls {@link LinkListener#writable} when room frees
 * up. A message leaves the window only when a cumulative acknowledgement covers it; an
 * acknowledgement naming a sequence number the sender never sent is dropped (it can only be
 * forged or corrupted). The receiver keeps the book's
 * {@code n_consecutive} and {@code n_processed} in a {@link ReorderBuffer}, holds out-of-order
 * messages until the gap fills, drops anything at or below {@code n_consecutive} as a duplicate,
 * and acknowledges every data frame with its sequence number plus {@code n_consecutive}
 * (cumulative). Memory is bounded by the window on both sides.
 *
 * <p>Crashes (crash-recovery). The book's properties are promised between <em>correct</em>
 * processes; across a crash this link promises exactly this much. Each life of a link has an
 * incarnation number kept in durable storage ({@link Config#persistIncarnation()}, on by
 * default; without it a restart is not safe). A restarted sender numbers its messages afresh in
 * a new incarnation, which the receiver tells apart from the old one (stragglers of the old one
 * are dropped); the messages the dead sender had not yet got acknowledged are lost with it,
 * unless its application sends them again. A restarted receiver stamps its acks with its new
 * incarnation; the sender then forgets the selective acks of the old life (whose reorder buffer
 * died with it) and sends those messages again. So, when the receiver crashes and restarts:
 * <ul>
 *   <li>nothing is lost and nothing is created: every message sent is delivered by some life;</li>
 *   <li>each life delivers an increasing run of sequence numbers (no duplicate, no reordering
 *       within a life), and first deliveries over all lives are in FIFO order;</li>
 *   <li>but a new life does not know the old life's {@code n_processed}. It learns the sender's
 *       acknowledged prefix from the {@code upTo} of the data frames it receives, and until then
 *       delivers again whatever arrives: a message the old life delivered whose ack was lost, and
 *       even one the sender had already seen acknowledged, when a delayed or duplicated copy
 *       (carrying an older {@code upTo}) was still in the network. It then jumps over what
 *       earlier lives processed, so one life's run can have gaps that an earlier life filled.</li>
 * </ul>
 * No duplication therefore does not survive a receiver crash. Exactly-once <em>processing</em>
 * across crashes needs the dedup state ({@code n_processed}) in durable storage, synced with the
 * effect ({@link EffectReceiver}).
 *
 * <p>Not thread-safe: use from the owning node's handlers.
 */
public final class WindowedPerfectLink implements Link {

    /**
     * Settings of a perfect link. Immutable.
     *
     * @param window             messages in flight per peer (sender) and buffered per peer (receiver)
     * @param retransmitTimeout  how long an unacknowledged message waits before it is sent again
     * @param persistIncarnation keep a life counter in durable storage so a restarted sender (or
     *                           receiver) is told apart; turn it off only for processes that never
     *                           restart, or a restarted sender's new messages are taken for duplicates
     */
    public record Config(int window, Duration retransmitTimeout, boolean persistIncarnation) {
        public Config {
            if (window < 1 || window > 1 << 20) {
                throw new IllegalArgumentException("window must be 1..2^20, got " + window);
            }
            if (retransmitTimeout.isNegative() || retransmitTimeout.isZero()) {
                throw new IllegalArgumentException("retransmit timeout must be positive, got " + retransmitTimeout);
            }
        }

        /** Window 64, retransmission timeout 20 ms, incarnation kept in durable storage. */
        public static Config defaults() {
            return new Config(64, Duration.ofMillis(20), true);
        }

        public Config withWindow(int w) {
            return new Config(w, retransmitTimeout, persistIncarnation);
        }

        public Config withRetransmitTimeout(Duration d) {
            return new Config(window, d, persistIncarnation);
        }

        public Config withPersistIncarnation(boolean p) {
            return new Config(window, retransmitTimeout, p);
        }
    }

    static final String INCARNATION_KEY = "perfect-link/incarnation";
    /**
     * The longest wait before a retransmission. RFC 6298 (section 2.5) lets an implementation
     * cap the RTO provided the cap is at least 60 s; we take that minimum. Linux uses 120 s
     * ({@code TCP_RTO_MAX}).
     */
    private static final long MAX_RTO_NANOS = Duration.ofSeconds(60).toNanos();

    private final Config config;
    private final LinkListener listener;
    private final LinkStats stats = new LinkStats();
    private final Map<Address, Outbound> outbound = new TreeMap<>();
    private final Map<Address, Inbound> inbound = new TreeMap<>();
    private final long rtoNanos;
    private final Object tick = new Object() {
        @Override
        public String toString() {
            return "perfect-link-retransmit";
        }
    };
    private int incarnation;
    private boolean armed;
    private long srttNanos = -1;
    private long rttvarNanos;
    private long currentRtoNanos;

    private static final class Outbound {
        final SendWindow window;
        boolean refused;
        int receiverLife = -1;
        int backoff;

        Outbound(int capacity) {
            window = new SendWindow(capacity);
        }
    }

    private static final class Inbound {
        final int incarnation;
        final ReorderBuffer buffer;

        Inbound(int incarnation, int capacity) {
            this.incarnation = incarnation;
            this.buffer = new ReorderBuffer(capacity);
        }
    }

    public WindowedPerfectLink(Config config, LinkListener listener) {
        this.config = config;
        this.listener = listener;
        this.rtoNanos = config.retransmitTimeout().toNanos();
        this.currentRtoNanos = rtoNanos;
    }

    @Override
    public void onStart(Context ctx) {
        if (config.persistIncarnation()) {
            int previous = ctx.storage().get(INCARNATION_KEY).map(b -> ByteBuffer.wrap(b).getInt()).orElse(0);
            incarnation = previous + 1;
            ctx.storage().put(INCARNATION_KEY, ByteBuffer.allocate(4).putInt(incarnation).array());
            ctx.storage().sync();
        }
    }

    @Override
    public boolean send(Context ctx, Address to, byte[] payload) {
        Outbound out = outbound.computeIfAbsent(to, a -> new Outbound(config.window()));
        if (!out.window.hasRoom()) {
            out.refused = true;
            stats.refused++;
            return false;
        }
        long now = ctx.clock().monotonicNanos();
        long seq = out.window.add(payload, now);
        stats.sent++;
        stats.maxInFlight = Math.max(stats.maxInFlight, out.window.inFlight());
        transmit(ctx, to, out.window, seq);
        arm(ctx);
        return true;
    }

    private void transmit(Context ctx, Address to, SendWindow w, long seq) {
        byte[] frame = Frame.data(incarnation, seq, w.base() - 1, w.payload(seq)).encode();
        ctx.send(to, frame);
        stats.transmissions++;
        stats.bytesOnWire += frame.length;
    }

    private void arm(Context ctx) {
        if (!armed) {
            // Ticking at half the timeout bounds the wait before a retransmission to 1.5 x RTO
            // with a single timer per link, instead of one timer per message.
            ctx.setTimer(Duration.ofNanos(Math.max(1, currentRtoNanos / 2)), tick);
            armed = true;
        }
    }

    @Override
    public boolean onTimer(Context ctx, Object tag) {
        if (tag != tick) {
            return false;
        }
        armed = false;
        long now = ctx.clock().monotonicNanos();
        boolean outstanding = false;
        for (Map.Entry<Address, Outbound> e : outbound.entrySet()) {
            Outbound out = e.getValue();
            SendWindow w = out.window;
            // Exponential backoff, as TCP does (RFC 6298 5.5): each timeout doubles the wait (up to
            // 64 x RTO, and never beyond MAX_RTO_NANOS, 60 s, the smallest cap RFC 6298 allows;
            // Linux caps at 120 s) until an acknowledgement shows
            // progress again, so a dead or partitioned peer is not flooded, and a live one is not
            // starved once it answers: after a partition heals, the next try is at most a minute away.
            long wait = Math.min(currentRtoNanos << out.backoff, MAX_RTO_NANOS);
            boolean timedOut = false;
            for (long s = w.base(); s < w.next(); s++) {
                // The base is resent even if selectively acknowledged: a probe that makes the
                // receiver repeat its cumulative ack (n_consecutive), in case that ack was lost.
                if (w.isOutstanding(s) || s == w.base()) {
                    outstanding = true;
                    if (now - w.lastSentNanos(s) >= wait) {
                        w.resent(s, now);
                        transmit(ctx, e.getKey(), w, s);
                        stats.retransmissions++;
                        timedOut = true;
                    }
                }
            }
            if (timedOut) {
                out.backoff = Math.min(out.backoff + 1, 6);
            }
        }
        if (outstanding) {
            arm(ctx);
        }
        return true;
    }

    @Override
    public void onFrame(Context ctx, Address from, byte[] bytes) {
        Frame frame = Received.frame(bytes, stats);
        if (frame == null) {
            return;
        }
        if (frame.kind() == Frame.Kind.DATA) {
            onData(ctx, from, frame);
        } else {
            onAck(ctx, from, frame);
        }
    }

    private void onData(Context ctx, Address from, Frame f) {
        Inbound in = inbound.get(from);
        if (in == null || f.incarnation() > in.incarnation) {
            in = new Inbound(f.incarnation(), config.window());
            inbound.put(from, in);
        } else if (f.incarnation() < in.incarnation) {
            stats.duplicatesDropped++; // a straggler from the sender's previous life
            return;
        }
        ReorderBuffer b = in.buffer;
        // A receiver that restarted learns from the sender what an earlier life of it already acknowledged.
        for (byte[] earlier : b.skipTo(f.upTo())) {
            stats.delivered++;
            listener.delivered(ctx, from, earlier);
        }
        ReorderBuffer.Outcome outcome = b.receive(f.seq(), f.payload());
        switch (outcome) {
            case DUPLICATE -> stats.duplicatesDropped++;
            case BEYOND_WINDOW -> {
                return; // no ack: a correct sender never sends it; it will retransmit once the window has moved
            }
            case HELD_OUT_OF_ORDER -> {
                stats.heldOutOfOrder++;
                stats.maxBuffered = Math.max(stats.maxBuffered, b.buffered());
            }
            case ACCEPTED_IN_ORDER -> stats.maxBuffered = Math.max(stats.maxBuffered, b.buffered());
        }
        while (b.hasNext()) {
            byte[] payload = b.next();
            stats.delivered++;
            listener.delivered(ctx, from, payload);
        }
        byte[] ack = Frame.ack(f.incarnation(), f.seq(), b.nConsecutive(), incarnation).encode();
        ctx.send(from, ack);
        stats.acksSent++;
        stats.bytesOnWire += ack.length;
    }

    private void onAck(Context ctx, Address from, Frame f) {
        Outbound out = outbound.get(from);
        if (out == null || f.incarnation() != incarnation) {
            return;
        }
        // A header must not override state without proof: an ack naming a number this sender
        // never sent (forged, or corrupted in a way the CRC32C missed) would otherwise slide the
        // window over messages that were lost, and they would never be resent. This check stops
        // only implausible numbers; an attacker who reads the traffic can forge plausible ones,
        // which only authentication stops (FrameAuthenticator, Demo 12).
        if (f.seq() < 1 || f.seq() >= out.window.next() || f.upTo() >= out.window.next()) {
            stats.implausibleAcksDropped++;
            return;
        }
        int life = f.receiverLife();
        if (life < out.receiverLife) {
            return; // a straggler from the receiver's previous life: its selective acks are void
        }
        if (life > out.receiverLife) {
            if (out.receiverLife >= 0) {
                out.window.renege(); // the receiver restarted: what it held above n_consecutive is gone
            }
            out.receiverLife = life;
        }
        if (f.seq() >= out.window.base() && f.seq() < out.window.next() && out.window.sends(f.seq()) == 1
                && !out.window.isSelectivelyAcked(f.seq())) {
            sampleRtt(ctx.clock().monotonicNanos() - out.window.lastSentNanos(f.seq()));
        }
        boolean fresh = out.window.ackUpTo(f.upTo());
        fresh |= out.window.ack(f.seq());
        if (fresh) {
            stats.acksReceived++;
            out.backoff = 0;
        }
        if (out.refused && out.window.hasRoom()) {
            out.refused = false;
            listener.writable(ctx, from);
        }
    }

    /**
     * Jacobson/Karels: smoothed round-trip time and its variation, sampled only from messages
     * sent once (Karn's rule: an ack for a retransmitted message is ambiguous). The timeout
     * never goes below the configured one, so a fast path cannot make it trigger-happy.
     */
    private void sampleRtt(long sample) {
        if (srttNanos < 0) {
            srttNanos = sample;
            rttvarNanos = sample / 2;
        } else {
            rttvarNanos = (3 * rttvarNanos + Math.abs(srttNanos - sample)) / 4;
            srttNanos = (7 * srttNanos + sample) / 8;
        }
        currentRtoNanos = Math.min(Math.max(rtoNanos, srttNanos + 4 * rttvarNanos), MAX_RTO_NANOS);
    }

    /** The retransmission timeout in use now: adapted from measured round trips, at least the configured one. */
    public Duration currentRetransmitTimeout() {
        return Duration.ofNanos(currentRtoNanos);
    }

    /** Messages to {@code peer} sent and not yet slid out of the window (at most the window size). */
    public int inFlight(Address peer) {
        Outbound out = outbound.get(peer);
        return out == null ? 0 : out.window.inFlight();
    }

    /** True if every message sent to every peer has been acknowledged. */
    public boolean allAcknowledged() {
        return outbound.values().stream().allMatch(o -> o.window.inFlight() == 0);
    }

    public int incarnation() {
        return incarnation;
    }

    @Override
    public LinkStats stats() {
        return stats;
    }
}
