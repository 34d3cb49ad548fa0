package dev.dbinternals.ch08.links.ladder;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A stubborn link: every message is retransmitted every period {@code T}, forever.
 *
 * <p>Book: Chapter 8, Links → Message retransmits (메시지 재전송), the stubborn (스터번, "고집이
 * 센") link, as Cachin, Guerraoui and Rodrigues define it. Built on a fair-loss link, it
 * guarantees <b>stubborn delivery</b>: if a correct process sends a message once to a correct
 * process, the receiver delivers it infinitely often (hence at least once, even under heavy
 * loss); and <b>no creation</b>. The abstraction has no acknowledgements: the sender resends
 * every message every T forever, never learning that one arrived. It does not avoid duplicates
 * (they are the point), and it is hopelessly inefficient: it can never stop, so transmissions
 * per message grow linearly with time ({@code elapsed / T}) and the sender's memory grows with
 * every message ever sent. The perfect link abstraction adds only a record of what was already
 * delivered (dedup); {@link WindowedPerfectLink} also adds acknowledgements so the sender can stop
 * resending, the engineering refinement that makes it usable.
 *
 * <p>Not thread-safe: use from the owning node's handlers.
 */
public final class StubbornLink implements Link {

    private record Outgoing(Address to, byte[] frame) {
    }

    private final Duration period;
    private final LinkListener listener;
    private final LinkStats stats = new LinkStats();
    private final List<Outgoing> everySent = new ArrayList<>();
    private final Object tick = new Object() {
        @Override
        public String toString() {
            return "stubborn-retransmit";
        }
    };
    private boolean armed;
    private long nextSeq = 1;

    public StubbornLink(Duration period, LinkListener listener) {
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("the retransmission period must be positive, got " + period);
        }
        this.period = period;
        this.listener = listener;
    }

    @Override
    public boolean send(Context ctx, Address to, byte[] payload) {
        Outgoing o = new Outgoing(to, Frame.data(0, nextSeq++, 0, payload).encode());
        everySent.add(o);
        stats.sent++;
        transmit(ctx, o);
        if (!armed) {
            ctx.setTimer(period, tick);
            armed = true;
        }
        return true;
    }

    private void transmit(Context ctx, Outgoing o) {
        ctx.send(o.to(), o.frame());
        stats.transmissions++;
        stats.bytesOnWire += o.frame().length;
    }

    @Override
    public boolean onTimer(Context ctx, Object tag) {
        if (tag != tick) {
            return false;
        }
        for (Outgoing o : everySent) {
            transmit(ctx, o);
            stats.retransmissions++;
        }
        ctx.setTimer(period, tick);
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

    /** Messages the sender must remember forever. */
    public int remembered() {
        return everySent.size();
    }

    @Override
    public LinkStats stats() {
        return stats;
    }
}
