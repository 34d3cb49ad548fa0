// Wrong solution for links-8: what suffices for the perfect link of Cachin, Guerraoui and Rodrigues (deliver a new message as it arrives) suffices here; but this link also promises FIFO order (the book's Message order).
package dev.dbinternals.ch08.links.exercise;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.harness.Node;
import dev.dbinternals.ch08.harness.codec.Codec;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * Exercise links-8, a wrong solution (see the first line): the receiver delivers each new number at once, as it arrives, so a message that
 * overtook an earlier one is delivered before it; dedup still uses {@code n_consecutive}.
 */
public final class PerfectLinkNode implements Node {

    public record Data(long seq, String payload) {
    }

    public record Ack(long seq) {
    }

    public static final Codec CODEC = Codec.builder().register(1, Data.class).register(2, Ack.class).withChecksum().build();

    public interface Upper {
        void deliver(Context ctx, Address from, String payload);
    }

    private static final Duration PERIOD = Duration.ofMillis(20);
    private static final String TICK = "perfect-link-retransmit";

    private static final class Outgoing {
        long nextSeq = 1;
        final TreeMap<Long, String> unacked = new TreeMap<>();
    }

    private static final class Incoming {
        long nConsecutive; // every message up to it has arrived
        long nProcessed;   // every message up to it has been delivered
        final TreeMap<Long, String> held = new TreeMap<>(); // arrived above n_consecutive + 1, not yet delivered
    }

    private final Upper upper;
    private final Map<Address, Outgoing> outgoing = new TreeMap<>();
    private final Map<Address, Incoming> incoming = new TreeMap<>();
    private boolean armed;

    public PerfectLinkNode(Upper upper) {
        this.upper = upper;
    }

    public void send(Context ctx, Address to, String payload) {
        Outgoing out = outgoing.computeIfAbsent(to, a -> new Outgoing());
        long seq = out.nextSeq++;
        out.unacked.put(seq, payload);
        ctx.send(to, CODEC.encode(new Data(seq, payload)));
        arm(ctx);
    }

    private void arm(Context ctx) {
        if (!armed) {
            ctx.setTimer(PERIOD, TICK);
            armed = true;
        }
    }

    @Override
    public void onMessage(Context ctx, Address from, byte[] message) {
        Object m = CODEC.receive(ctx, message).orElse(null);
        if (m instanceof Data d) {
            onData(ctx, from, d);
        } else if (m instanceof Ack a && outgoing.containsKey(from)) {
            outgoing.get(from).unacked.remove(a.seq());
        }
    }

    private void onData(Context ctx, Address from, Data d) {
        Incoming in = incoming.computeIfAbsent(from, a -> new Incoming());
        if (d.seq() > in.nConsecutive && !in.held.containsKey(d.seq())) {
            in.held.put(d.seq(), d.payload());
            upper.deliver(ctx, from, d.payload());
            while (in.held.containsKey(in.nConsecutive + 1)) {
                in.held.remove(++in.nConsecutive);
            }
        }
        ctx.send(from, CODEC.encode(new Ack(d.seq()))); // every copy: the ack of an earlier one may be lost
    }

    @Override
    public void onTimer(Context ctx, Object tag) {
        if (!TICK.equals(tag)) {
            return;
        }
        armed = false;
        outgoing.forEach((to, out) -> out.unacked.forEach((seq, p) -> ctx.send(to, CODEC.encode(new Data(seq, p)))));
        if (unacknowledged() > 0) {
            arm(ctx); // nothing left to resend: stop, and let the run go quiet
        }
    }

    public long nConsecutive(Address from) {
        Incoming in = incoming.get(from);
        return in == null ? 0 : in.nConsecutive;
    }

    public int remembered(Address from) {
        Incoming in = incoming.get(from);
        return in == null ? 0 : in.held.size();
    }

    public int unacknowledged() {
        return outgoing.values().stream().mapToInt(o -> o.unacked.size()).sum();
    }
}
