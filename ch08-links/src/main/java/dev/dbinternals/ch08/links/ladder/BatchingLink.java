package dev.dbinternals.ch08.links.ladder;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Packs many small application messages into one message of the link below (typically a
 * {@link WindowedPerfectLink} on real UDP), so one datagram, one acknowledgement and one retransmission serve a
 * whole batch.
 *
 * <p>Book: Chapter 8, Links, and "Fallacies of distributed computing" (분산 컴퓨팅의 오류):
 * bandwidth is not infinite and every round trip costs, so real protocols amortise the
 * per-packet cost (TCP coalesces small writes into segments for the same reason). Batching
 * keeps every property of the link below: batches are delivered once, in order and only if
 * sent, and the messages inside a batch keep their order, so the messages do too.
 *
 * <p>Messages sent during one handler run go out together: the first one arms a zero-delay
 * timer, and the batch is flushed when it fires or when it would exceed {@code maxBatchBytes}.
 * Backpressure passes through: when the link below refuses a full batch, {@link #send}
 * refuses too until the link below is writable again. Not thread-safe.
 */
public final class BatchingLink implements Link, LinkListener {

    private final int maxBatchBytes;
    private final Link inner;
    private final LinkListener app;
    private final LinkStats stats = new LinkStats();
    private final Map<Address, Pending> pending = new TreeMap<>();

    private static final class Pending {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final Object flushTag = new Object() {
            @Override
            public String toString() {
                return "batch-flush";
            }
        };
        int count;
        boolean flushArmed;
        boolean refused;
    }

    public BatchingLink(int maxBatchBytes, Function<LinkListener, Link> inner, LinkListener app) {
        if (maxBatchBytes < 16 || maxBatchBytes > Frame.MAX_PAYLOAD) {
            throw new IllegalArgumentException("batch size must be 16.." + Frame.MAX_PAYLOAD + " bytes, got " + maxBatchBytes);
        }
        this.maxBatchBytes = maxBatchBytes;
        this.app = app;
        this.inner = inner.apply(this);
    }

    /** The link that carries the batches. */
    public Link inner() {
        return inner;
    }

    @Override
    public void onStart(Context ctx) {
        inner.onStart(ctx);
    }

    @Override
    public boolean send(Context ctx, Address to, byte[] payload) {
        if (payload.length + 4 > maxBatchBytes) {
            throw new IllegalArgumentException("a message of " + payload.length + " bytes does not fit a batch of " + maxBatchBytes);
        }
        Pending p = pending.computeIfAbsent(to, a -> new Pending());
        if (p.bytes.size() + 4 + payload.length > maxBatchBytes && !flush(ctx, to, p)) {
            p.refused = true;
            stats.refused++;
            return false;
        }
        p.bytes.writeBytes(ByteBuffer.allocate(4).putInt(payload.length).array());
        p.bytes.writeBytes(payload);
        p.count++;
        stats.sent++;
        if (!p.flushArmed) {
            ctx.setTimer(Duration.ZERO, p.flushTag);
            p.flushArmed = true;
        }
        return true;
    }

    private boolean flush(Context ctx, Address to, Pending p) {
        if (p.count == 0) {
            return true;
        }
        if (!inner.send(ctx, to, p.bytes.toByteArray())) {
            return false;
        }
        p.bytes.reset();
        p.count = 0;
        return true;
    }

    @Override
    public boolean onTimer(Context ctx, Object tag) {
        for (Map.Entry<Address, Pending> e : pending.entrySet()) {
            Pending p = e.getValue();
            if (tag == p.flushTag) {
                p.flushArmed = false;
                flush(ctx, e.getKey(), p); // if refused, writable() flushes it later
                return true;
            }
        }
        return inner.onTimer(ctx, tag);
    }

    @Override
    public void onFrame(Context ctx, Address from, byte[] frame) {
        inner.onFrame(ctx, from, frame);
    }

    @Override
    public void delivered(Context ctx, Address from, byte[] batch) {
        List<byte[]> messages = Received.message(ctx, "batch", batch, BatchingLink::unbatch);
        if (messages == null) {
            return;
        }
        for (byte[] m : messages) {
            stats.delivered++;
            app.delivered(ctx, from, m);
        }
    }

    /** The messages of a batch: each a 4-byte length and its bytes. */
    private static List<byte[]> unbatch(byte[] batch) {
        ByteBuffer b = ByteBuffer.wrap(batch);
        List<byte[]> messages = new ArrayList<>();
        while (b.remaining() >= 4) {
            int len = b.getInt();
            if (len < 0 || len > b.remaining()) {
                throw new IllegalArgumentException("a length of " + len + " with " + b.remaining() + " bytes left");
            }
            byte[] m = new byte[len];
            b.get(m);
            messages.add(m);
        }
        return messages;
    }

    @Override
    public void writable(Context ctx, Address peer) {
        Pending p = pending.get(peer);
        if (p != null && flush(ctx, peer, p) && p.refused) {
            p.refused = false;
            app.writable(ctx, peer);
        }
    }

    /** Application-level counters (messages, not batches); the link below keeps its own. */
    @Override
    public LinkStats stats() {
        return stats;
    }
}
