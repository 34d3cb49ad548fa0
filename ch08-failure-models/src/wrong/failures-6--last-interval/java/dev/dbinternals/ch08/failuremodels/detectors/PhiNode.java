// Wrong solution for failures-6: the last interval taken as the expected one instead of the mean of the recent intervals.
package dev.dbinternals.ch08.failuremodels.detectors;

import dev.dbinternals.ch08.failuremodels.Messages;
import dev.dbinternals.ch08.failuremodels.Messages.Heartbeat;
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

/** A wrong solution of exercise failures-6: the first line says what it gets wrong. */
public final class PhiNode implements Node {

    /** Told of every change of mind about a peer. */
    public interface Listener {
        void suspected(Address peer, boolean suspected);
    }

    /** How many recent intervals each peer's estimate remembers. */
    private static final int WINDOW = 100;
    /** A floor under the fitted spread, only so that one sample (spread 0) gives a finite phi. */
    private static final double MIN_STD_NANOS = 1e6;

    private final Duration period;
    private final double threshold;
    private final Duration checkEvery;
    private final Listener listener;
    private final Set<Address> suspected = new TreeSet<>();
    private final Map<Address, Peer> peers = new TreeMap<>();
    private long seq;

    /** What this node knows of one peer: its newest heartbeat, and the intervals between new ones. */
    private static final class Peer {
        final long[] intervals = new long[WINDOW];
        int size;
        int next;
        double sum;
        double sumSq;
        long newestSeq;
        long lastArrival;

        Peer(long now, long firstSample) {
            lastArrival = now;
            add(firstSample);
        }

        void add(long interval) {
            if (size == intervals.length) {
                sum -= intervals[next];
                sumSq -= (double) intervals[next] * intervals[next];
            } else {
                size++;
            }
            intervals[next] = interval;
            next = (next + 1) % intervals.length;
            sum += interval;
            sumSq += (double) interval * interval;
        }

        /** -log10 of the probability that an interval of the fitted normal distribution is longer than the silence. */
        double phi(long now) {
            double mean = intervals[(next + intervals.length - 1) % intervals.length]; // the last interval is the expected one
            double avg = sum / size;
            double std = Math.max(Math.sqrt(Math.max(0, sumSq / size - avg * avg)), MIN_STD_NANOS);
            return -Math.log10(PhiAccrualDetector.Normal.upperTail((now - lastArrival - mean) / std));
        }
    }

    public PhiNode(Duration period, double threshold, Duration checkEvery, Listener listener) {
        this.period = Objects.requireNonNull(period, "period");
        this.threshold = threshold;
        this.checkEvery = Objects.requireNonNull(checkEvery, "checkEvery");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    @Override
    public void onStart(Context ctx) {
        long now = ctx.clock().monotonicNanos();
        for (Address a : ctx.nodes()) {
            if (!a.equals(ctx.self())) {
                peers.put(a, new Peer(now, period.toNanos()));
            }
        }
        beat(ctx);
        ctx.setTimer(checkEvery, "check");
    }

    @Override
    public void onMessage(Context ctx, Address from, byte[] message) {
        if (!(Messages.CODEC.receive(ctx, message).orElse(null) instanceof Heartbeat hb)) {
            return;
        }
        Peer p = peers.get(from);
        if (p == null || hb.seq() <= p.newestSeq) {
            return; // a copy, or overtaken by a newer heartbeat: not an arrival
        }
        long now = ctx.clock().monotonicNanos();
        if (p.newestSeq > 0) {
            p.add(now - p.lastArrival); // from the start to the first heartbeat is no interval between heartbeats
        }
        p.newestSeq = hb.seq();
        p.lastArrival = now;
        setSuspected(ctx, from, p.phi(now) > threshold);
    }

    @Override
    public void onTimer(Context ctx, Object tag) {
        if ("beat".equals(tag)) {
            beat(ctx);
            return;
        }
        long now = ctx.clock().monotonicNanos();
        peers.forEach((a, p) -> setSuspected(ctx, a, p.phi(now) > threshold));
        ctx.setTimer(checkEvery, "check");
    }

    private void beat(Context ctx) {
        byte[] hb = Messages.encode(new Heartbeat(0, ++seq));
        peers.keySet().forEach(a -> ctx.send(a, hb));
        ctx.setTimer(period, "beat");
    }

    /** Whom this node suspects now. */
    public Set<Address> suspected() {
        return Collections.unmodifiableSet(suspected);
    }

    /** Records a change of mind about {@code peer} and tells the test; does nothing if there is no change. */
    private void setSuspected(Context ctx, Address peer, boolean s) {
        if (s ? suspected.add(peer) : suspected.remove(peer)) {
            ctx.note((s ? "suspects " : "trusts again ") + peer);
            listener.suspected(peer, s);
        }
    }
}
