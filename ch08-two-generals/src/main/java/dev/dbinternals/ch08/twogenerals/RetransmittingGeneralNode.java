package dev.dbinternals.ch08.twogenerals;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.harness.Node;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A general talking over a link with retransmission, TCP-style: A retransmits the order until it
 * is acknowledged, B acknowledges every copy it receives. Both decide at dawn.
 *
 * <p>Book: Chapter 8, "Two Generals' Problem" (두 장군 문제) and "Links" (링크). In Cachin,
 * Guerraoui and Rodrigues' terms a <em>stubborn link</em> (스터번 링크) retransmits every message
 * forever and has no acknowledgements (stubborn delivery: a message a correct process sends once to
 * a correct process is delivered infinitely often); a <em>perfect link</em> (퍼펙트 링크) adds a
 * record of what was delivered (reliable delivery, no duplication, no creation, between correct
 * processes). Retransmitting <em>until acknowledged</em>, as here and as TCP does, is the
 * engineering refinement that lets the sender stop. Over a fair-loss link between two correct
 * processes the order is eventually delivered and an acknowledgement eventually comes back.
 * That is all it promises: it does not tell the sender <em>by any deadline</em> that the message
 * arrived, and it does not give the two sides common knowledge; so A, not yet acknowledged at
 * dawn, retreats while B attacks. Not thread-safe (runs on its runtime's thread).
 */
public final class RetransmittingGeneralNode implements Node {

    static final String ORDER = "attack at dawn";
    static final String ACK = "ack";

    private final General self;
    private final Duration dawn;
    private final Duration retransmitEvery;
    private boolean heardOrder;
    private boolean acknowledged;
    private long acknowledgedAtNanos = -1;
    private int sent;
    private Decision decision = Decision.UNDECIDED;

    public RetransmittingGeneralNode(General self, Duration dawn, Duration retransmitEvery) {
        this.self = self;
        this.dawn = dawn;
        this.retransmitEvery = retransmitEvery;
    }

    @Override
    public void onStart(Context ctx) {
        ctx.setTimer(dawn, "dawn");
        if (self == General.A) {
            transmit(ctx);
        }
    }

    @Override
    public void onMessage(Context ctx, Address from, byte[] message) {
        String text = new String(message, StandardCharsets.UTF_8);
        if (self == General.B && text.equals(ORDER)) {
            heardOrder = true;
            send(ctx, ACK);
        } else if (self == General.A && text.equals(ACK) && !acknowledged) {
            acknowledged = true;
            acknowledgedAtNanos = ctx.clock().monotonicNanos();
            ctx.note("A: order acknowledged");
        }
    }

    @Override
    public void onTimer(Context ctx, Object tag) {
        if ("dawn".equals(tag)) {
            boolean attacks = self == General.A ? acknowledged : heardOrder;
            decision = Decision.of(attacks);
            ctx.note(self + " decides " + decision);
        } else if (!acknowledged) {
            // the link layer knows nothing about dawn: it keeps its promise of eventual delivery
            transmit(ctx);
        }
    }

    private void transmit(Context ctx) {
        send(ctx, ORDER);
        ctx.setTimer(retransmitEvery, "retransmit");
    }

    private void send(Context ctx, String text) {
        Address other = ctx.nodes().stream().filter(a -> !a.equals(ctx.self())).findFirst().orElseThrow();
        ctx.send(other, text.getBytes(StandardCharsets.UTF_8));
        sent++;
    }

    public Decision decision() {
        return decision;
    }

    /** A: whether the order was acknowledged (at any time, also after dawn). */
    public boolean acknowledged() {
        return acknowledged;
    }

    /** B: whether the order arrived. */
    public boolean heardOrder() {
        return heardOrder;
    }

    /** Messages this general sent (copies of the order, or acknowledgements). */
    public int sent() {
        return sent;
    }
}
