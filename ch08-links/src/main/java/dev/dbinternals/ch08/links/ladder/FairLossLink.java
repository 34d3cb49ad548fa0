package dev.dbinternals.ch08.links.ladder;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.links.check.LinkChecks;

/**
 * A fair-loss link: send each message once and hope.
 *
 * <p>Book: Chapter 8, Links → Fair-loss link (공정 손실 링크). This is what a
 * datagram network gives you, and it guarantees three properties (checked by
 * {@link LinkChecks}):
 * <ul>
 *   <li><b>fair loss</b> (공정 손실): if a correct process sends a message to a correct
 *       process infinitely often, the receiver delivers it infinitely often (so a message sent
 *       again and again is eventually delivered);</li>
 *   <li><b>finite duplication</b> (유한 중복): a message sent a finite number of times is not
 *       delivered infinitely often;</li>
 *   <li><b>no creation</b> (생성 없음): the link delivers <em>only</em> messages that were actually
 *       sent (the study notes say the opposite; that is a mistake). A frame whose checksum
 *       fails is dropped, so bit corruption becomes loss rather than creation.</li>
 * </ul>
 * It guarantees nothing else: once a message is handed over, the sender cannot tell whether it
 * is still in flight, lost, or delivered (Demo01FairLoss shows the three cases side by side).
 * Every copy that arrives is delivered, duplicates included.
 *
 * <p>Not thread-safe: use from the owning node's handlers.
 */
public final class FairLossLink implements Link {

    private final LinkListener listener;
    private final LinkStats stats = new LinkStats();
    private long nextSeq = 1;

    public FairLossLink(LinkListener listener) {
        this.listener = listener;
    }

    @Override
    public boolean send(Context ctx, Address to, byte[] payload) {
        byte[] frame = Frame.data(0, nextSeq++, 0, payload).encode();
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
        }
    }

    @Override
    public LinkStats stats() {
        return stats;
    }
}
