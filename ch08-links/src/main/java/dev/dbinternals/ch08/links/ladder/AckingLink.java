package dev.dbinternals.ch08.links.ladder;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A fair-loss link plus acknowledgements: each message carries a sequence number and the
 * receiver answers every copy with an ACK naming it. Nothing is retransmitted.
 *
 * <p>Book: Chapter 8, Links → Message acknowledgements (메시지 확인 응답). The sequence number
 * (a monotonically increasing identifier, 시퀀스 번호) lets the sender tell which message an
 * acknowledgement is for. Acknowledgements travel over the same unreliable network, so they can
 * be lost too: the sender's view of a message ({@link SenderView}) is either
 * {@code ACKNOWLEDGED} (certainly delivered) or {@code AWAITING_ACK}, which still hides three
 * different truths: the message is in flight, was lost, or was delivered and its ack was lost
 * (or is in flight). Properties: those of {@link FairLossLink}; the gain is knowledge, not
 * delivery.
 *
 * <p>Not thread-safe: use from the owning node's handlers.
 */
public final class AckingLink implements Link {

    /** What the sender knows about a message it sent. */
    public enum SenderView {
        /** No acknowledgement yet: not yet delivered, lost, or delivered with the ack lost or late. The sender cannot tell. */
        AWAITING_ACK,
        /** An acknowledgement arrived: the receiver certainly got the message. */
        ACKNOWLEDGED
    }

    private final LinkListener listener;
    private final LinkStats stats = new LinkStats();
    private final SortedMap<Long, SenderView> view = new TreeMap<>();
    private long nextSeq = 1;

    public AckingLink(LinkListener listener) {
        this.listener = listener;
    }

    @Override
    public boolean send(Context ctx, Address to, byte[] payload) {
        long seq = nextSeq++;
        byte[] frame = Frame.data(0, seq, 0, payload).encode();
        view.put(seq, SenderView.AWAITING_ACK);
        ctx.send(to, frame);
        stats.sent++;
        stats.transmissions++;
        stats.bytesOnWire += frame.length;
        return true;
    }

    @Override
    public void onFrame(Context ctx, Address from, byte[] bytes) {
        Frame frame = Received.frame(bytes, stats);
        if (frame == null) {
            return;
        }
        if (frame.kind() == Frame.Kind.DATA) {
            stats.delivered++;
            listener.delivered(ctx, from, frame.payload());
            byte[] ack = Frame.ack(0, frame.seq(), 0).encode();
            ctx.send(from, ack);
            stats.acksSent++;
            stats.bytesOnWire += ack.length;
        } else if (view.replace(frame.seq(), SenderView.AWAITING_ACK, SenderView.ACKNOWLEDGED)) {
            stats.acksReceived++;
        }
    }

    /** The sender's view of every message it sent, by sequence number. */
    public SortedMap<Long, SenderView> senderView() {
        return Collections.unmodifiableSortedMap(view);
    }

    @Override
    public LinkStats stats() {
        return stats;
    }
}
