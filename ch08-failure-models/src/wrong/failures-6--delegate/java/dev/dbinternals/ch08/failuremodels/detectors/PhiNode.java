// Wrong solution for failures-6: the module's own HeartbeatSender, MonitorNode and PhiAccrualDetector glued together; the monitor feeds every copy of a heartbeat to the detector.
package dev.dbinternals.ch08.failuremodels.detectors;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.harness.Node;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** A wrong solution of exercise failures-6: the first line says what it gets wrong. */
public final class PhiNode implements Node {

    /** Told of every change of mind about a peer. */
    public interface Listener {
        void suspected(Address peer, boolean suspected);
    }

    private final Duration period;
    private final Set<Address> suspected = new TreeSet<>();
    private final MonitorNode monitor;
    private HeartbeatSender sender;

    public PhiNode(Duration period, double threshold, Duration checkEvery, Listener listener) {
        this.period = period;
        this.monitor = new MonitorNode(new PhiAccrualDetector(threshold, 100, period.toNanos(), 1_000_000L), checkEvery, (peer, s) -> {
            if (s ? suspected.add(peer) : suspected.remove(peer)) {
                listener.suspected(peer, s);
            }
        });
    }

    @Override
    public void onStart(Context ctx) {
        List<Address> others = new ArrayList<>(ctx.nodes());
        others.remove(ctx.self());
        sender = new HeartbeatSender(others, period);
        sender.onStart(ctx);
        monitor.onStart(ctx);
    }

    @Override
    public void onMessage(Context ctx, Address from, byte[] message) {
        monitor.onMessage(ctx, from, message);
    }

    @Override
    public void onTimer(Context ctx, Object tag) {
        if ("beat".equals(tag)) {
            sender.onTimer(ctx, tag);
        } else {
            monitor.onTimer(ctx, tag);
        }
    }

    /** Whom this node suspects now. */
    public Set<Address> suspected() {
        return Collections.unmodifiableSet(suspected);
    }
}
