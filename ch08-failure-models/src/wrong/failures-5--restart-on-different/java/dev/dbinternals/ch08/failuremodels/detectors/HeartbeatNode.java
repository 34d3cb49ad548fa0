// Wrong solution for failures-5: any incarnation number different from the last one seen is taken for a restart, so a late or duplicated heartbeat of the old life counts as another.
package dev.dbinternals.ch08.failuremodels.detectors;

import dev.dbinternals.ch08.failuremodels.Messages;
import dev.dbinternals.ch08.failuremodels.Messages.Heartbeat;
import dev.dbinternals.ch08.failuremodels.omission.Incarnation;
import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.harness.Node;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** A wrong solution of exercise failures-5: the first line says what it gets wrong. */
public final class HeartbeatNode implements Node {

    /** Told of every change of mind about a peer, and of every restart of a peer noticed. */
    public interface Listener {
        void suspected(Address peer, boolean suspected);

        void restarted(Address peer);
    }

    private final Duration period;
    private final Duration timeout;
    private final Listener listener;
    private final Set<Address> suspected = new TreeSet<>();
    private final Map<Address, Long> lastHeard = new TreeMap<>();
    private final Map<Address, Long> incarnationSeen = new TreeMap<>();
    private long incarnation;
    private long seq;

    public HeartbeatNode(Duration period, Duration timeout, Listener listener) {
        this.period = Objects.requireNonNull(period, "period");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    @Override
    public void onStart(Context ctx) {
        incarnation = Incarnation.next(ctx.storage());
        long now = ctx.clock().monotonicNanos();
        for (Address a : ctx.nodes()) {
            if (!a.equals(ctx.self())) {
                lastHeard.put(a, now); // as if each had just sent a heartbeat
            }
        }
        tick(ctx);
    }

    @Override
    public void onMessage(Context ctx, Address from, byte[] message) {
        if (!(Messages.CODEC.receive(ctx, message).orElse(null) instanceof Heartbeat hb)) {
            return;
        }
        lastHeard.put(from, ctx.clock().monotonicNanos());
        Long seen = incarnationSeen.get(from);
        if (seen == null || hb.incarnation() != seen) { // any other number: a restart
            incarnationSeen.put(from, hb.incarnation());
            if (seen != null) {
                reportRestart(ctx, from);
            }
        }
        setSuspected(ctx, from, false);
    }

    @Override
    public void onTimer(Context ctx, Object tag) {
        tick(ctx);
    }

    private void tick(Context ctx) {
        byte[] hb = Messages.encode(new Heartbeat(incarnation, ++seq));
        long now = ctx.clock().monotonicNanos();
        for (Map.Entry<Address, Long> e : lastHeard.entrySet()) {
            ctx.send(e.getKey(), hb);
            if (now - e.getValue() > timeout.toNanos()) {
                setSuspected(ctx, e.getKey(), true);
            }
        }
        ctx.setTimer(period, "tick");
    }

    /** Whom this node suspects now. */
    public Set<Address> suspected() {
        return Collections.unmodifiableSet(suspected);
    }

    private void setSuspected(Context ctx, Address peer, boolean s) {
        if (s ? suspected.add(peer) : suspected.remove(peer)) {
            ctx.note((s ? "suspects " : "trusts again ") + peer);
            listener.suspected(peer, s);
        }
    }

    /** Tells the test that {@code peer} restarted (call it once per restart you notice). */
    private void reportRestart(Context ctx, Address peer) {
        ctx.note(peer + " restarted");
        listener.restarted(peer);
    }
}
