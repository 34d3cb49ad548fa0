package dev.dbinternals.ch08.links.ladder;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import java.time.Duration;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The perfect link as the book builds it: sequence numbers, acknowledgements, retransmission
 * until acknowledged, and a receiver that keeps {@code n_consecutive} and {@code n_processed}
 * with a reorder buffer, so it drops duplicates and delivers in order.
 *
 * <p>Book: Chapter 8, Links → Message order (메시지 순서), the perfect (퍼펙트) link. Between
 * correct processes it guarantees <b>reliable delivery</b> (신뢰성 있는 전달: every message sent is
 * eventually delivered, once the network lets frames through again), <b>no duplication</b>
 * (중복 없음), <b>no creation</b> (생성 없음: a frame whose CRC32C fails is dropped as
 * lost) and, from the sequence numbers, <b>FIFO order</b>.
 *
 * <p>The abstraction (Cachin, Guerraoui and Rodrigues) is a {@link StubbornLink} plus a record
 * of what was delivered. Acknowledgements let the sender stop: the receiver answers every copy
 * with its number and its {@code n_consecutive} (every message up to it has arrived), and every
 * period {@code T} the sender resends what is still unacknowledged. {@code n_consecutive} is
 * also the dedup table: a message numbered at most that, or already held, is a duplicate.
 *
 * <p>Left out on purpose ({@link WindowedPerfectLink} adds each): bounded memory (the sender
 * keeps every unacknowledged message, the receiver every message held behind a gap, and
 * {@code send} never refuses: no backpressure); a timeout adapted to the measured round trip,
 * with backoff ({@code T} is fixed); and restarts (numbers and {@code n_processed} live in
 * memory: a restarted sender numbers from 1 again and its new messages are dropped as
 * duplicates; a restarted receiver waits for numbers the sender saw acknowledged long ago).
 * The properties hold between correct processes, and a process that restarts is not one.
 *
 * <p>Not thread-safe: use from the owning node's handlers.
 */
public final class PerfectLink implements Link {

    /** My messages to one peer: the next number to give, and every message not yet acknowledged. */
    private static final class Outgoing {
        long nextSeq = 1;
        final NavigableMap<Long, byte[]> unacked = new TreeMap<>();
    }

    /** One peer's messages to me. Always n_processed <= n_consecutive. */
    private static final class Incoming {
        long nConsecutive; // every message up to it has arrived
        long nProcessed;   // every message up to it has been delivered, in order
        final NavigableMap<Long, byte[]> reorderBuffer = new TreeMap<>(); // arrived, not yet delivered
    }

    private static final String TICK = "perfect-link-retransmit";

    private final Duration period;
    private final LinkListener listener;
    private final LinkStats stats = new LinkStats();
    private final Map<Address, Outgoing> outgoing = new TreeMap<>();
    private final Map<Address, Incoming> incoming = new TreeMap<>();
    private boolean armed;

    public PerfectLink(Duration retransmitPeriod, LinkListener listener) {
        if (retransmitPeriod.isNegative() || retransmitPeriod.isZero()) {
            throw new IllegalArgumentException("the retransmission period must be positive, got " + retransmitPeriod);
        }
        this.period = retransmitPeriod;
        this.listener = listener;
    }

    @Override
    public boolean send(Context ctx, Address to, byte[] payload) {
        Outgoing out = outgoing.computeIfAbsent(to, a -> new Outgoing());
        long seq = out.nextSeq++;
        out.unacked.put(seq, payload);
        stats.sent++;
        transmit(ctx, to, seq, payload);
        arm(ctx);
        return true; // never refuses: every unacknowledged message is kept
    }

    private void arm(Context ctx) {
        if (!armed) { // one timer for the whole link, not one per message
            ctx.setTimer(period, TICK);
            armed = true;
        }
    }

    @Override
    public boolean onTimer(Context ctx, Object tag) {
        if (!TICK.equals(tag)) {
            return false;
        }
        armed = false;
        outgoing.forEach((to, out) -> out.unacked.forEach((seq, payload) -> {
            transmit(ctx, to, seq, payload); // lost, or its ack was: send it again
            stats.retransmissions++;
        }));
        if (!allAcknowledged()) {
            arm(ctx);
        }
        return true;
    }

    @Override
    public void onFrame(Context ctx, Address from, byte[] bytes) {
        Frame f = Received.frame(bytes, stats); // null if the CRC32C fails: counted, and treated as lost
        if (f != null && f.kind() == Frame.Kind.DATA) {
            onData(ctx, from, f);
        } else if (f != null) {
            onAck(from, f);
        }
    }

    private void onData(Context ctx, Address from, Frame f) {
        Incoming in = incoming.computeIfAbsent(from, a -> new Incoming());
        if (f.seq() <= in.nConsecutive || in.reorderBuffer.containsKey(f.seq())) {
            stats.duplicatesDropped++; // seen before: do not deliver it again, but do ack it again
        } else {
            in.reorderBuffer.put(f.seq(), f.payload());
            if (f.seq() != in.nConsecutive + 1) {
                stats.heldOutOfOrder++; // a gap below it: it waits
            }
            while (in.reorderBuffer.containsKey(in.nConsecutive + 1)) {
                in.nConsecutive++;
            }
            while (in.nProcessed < in.nConsecutive) {
                byte[] next = in.reorderBuffer.remove(++in.nProcessed);
                stats.delivered++;
                listener.delivered(ctx, from, next);
            }
        }
        ctx.send(from, Frame.ack(0, f.seq(), in.nConsecutive).encode());
        stats.acksSent++;
    }

    private void onAck(Address from, Frame f) {
        Outgoing out = outgoing.get(from);
        // An ack naming a number never sent was forged, or corrupted past the CRC32C: taking its
        // n_consecutive would stop the retransmission of messages that were lost.
        if (out == null || f.seq() >= out.nextSeq || f.upTo() >= out.nextSeq) {
            stats.implausibleAcksDropped++;
            return;
        }
        boolean fresh = out.unacked.remove(f.seq()) != null;
        NavigableMap<Long, byte[]> covered = out.unacked.headMap(f.upTo(), true);
        fresh |= !covered.isEmpty();
        covered.clear(); // everything up to n_consecutive has arrived
        if (fresh) {
            stats.acksReceived++;
        }
    }

    private void transmit(Context ctx, Address to, long seq, byte[] payload) {
        ctx.send(to, Frame.data(0, seq, 0, payload).encode());
        stats.transmissions++;
    }

    /** True if every message sent to every peer has been acknowledged. */
    public boolean allAcknowledged() {
        return outgoing.values().stream().allMatch(o -> o.unacked.isEmpty());
    }

    /** What the receiver keeps for one peer's messages: {@code n_consecutive}, {@code n_processed}, how many wait. */
    public record ReceiverState(long nConsecutive, long nProcessed, int buffered) {
    }

    /** The receiver's state for messages from {@code peer}, now. */
    public ReceiverState receiverState(Address peer) {
        Incoming in = incoming.getOrDefault(peer, new Incoming());
        return new ReceiverState(in.nConsecutive, in.nProcessed, in.reorderBuffer.size());
    }

    @Override
    public LinkStats stats() {
        return stats;
    }
}
