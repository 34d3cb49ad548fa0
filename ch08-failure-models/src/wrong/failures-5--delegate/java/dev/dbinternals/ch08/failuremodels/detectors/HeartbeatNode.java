// Wrong solution for failures-5: the module's own HeartbeatSender, MonitorNode and TimeoutDetector glued together, which know nothing of restarts.
package dev.dbinternals.ch08.failuremodels.detectors;

import dev.dbinternals.ch08.failuremodels.clocks.TimeSource;
import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.harness.Node;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** A wrong solution of exercise failures-5: the first line says what it gets wrong. */
public final class HeartbeatNode implements Node {

    /** Told of every change of mind about a peer, and of every restart of a peer noticed. */
    public interface Listener {
        void suspected(Address peer, boolean suspected);

        void restarted(Address peer);
    }

    private final Duration period;
    private final Set<Address> suspected = new TreeSet<>();
    private final MonitorNode monitor;
    private HeartbeatSender sender;

    public HeartbeatNode(Duration period, Duration timeout, Listener listener) {
        this.period = period;
        this.monitor = new MonitorNode(new TimeoutDetector(timeout, TimeSource.MONOTONIC), period, (peer, s) -> {
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

    public Set<Address> suspected() {
        return suspected;
    }
}
