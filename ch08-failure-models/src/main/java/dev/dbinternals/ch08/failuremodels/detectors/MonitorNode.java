package dev.dbinternals.ch08.failuremodels.detectors;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.harness.Node;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The receiving half of a heartbeat protocol: feeds heartbeats to a {@link FailureDetector},
 * asks it every {@code checkEvery} whom it suspects, and reports every change of mind.
 *
 * <p>Book: Chapter 8, "Need to Handle Failures" (장애 처리: 하트비트 프로토콜, 장애 검출기).
 * Not thread-safe.
 */
public final class MonitorNode implements Node {

    /** Told of every change of suspicion; tests and experiments read true time here. */
    @FunctionalInterface
    public interface Listener {
        void changed(Address peer, boolean suspected);
    }

    private final FailureDetector detector;
    private final Duration checkEvery;
    private final Listener listener;
    private final Map<Address, Boolean> suspected = new TreeMap<>();

    public MonitorNode(FailureDetector detector, Duration checkEvery, Listener listener) {
        this.detector = Objects.requireNonNull(detector, "detector");
        this.checkEvery = checkEvery;
        this.listener = listener == null ? (p, s) -> { } : listener;
    }

    /** A factory for a monitor whose detector is built fresh with each instance. */
    public static Supplier<MonitorNode> with(Supplier<? extends FailureDetector> detector, Duration checkEvery, Listener listener) {
        return () -> new MonitorNode(detector.get(), checkEvery, listener);
    }

    @Override
    public void onStart(Context ctx) {
        List<Address> peers = new ArrayList<>();
        for (Address a : ctx.nodes()) {
            if (!a.equals(ctx.self())) {
                peers.add(a);
                suspected.put(a, false);
            }
        }
        detector.start(peers, ctx.clock());
        ctx.setTimer(checkEvery, "check");
    }

    @Override
    public void onMessage(Context ctx, Address from, byte[] message) {
        if (!suspected.containsKey(from)) {
            suspected.put(from, false); // a node added after we started
        }
        detector.heartbeat(from, ctx.clock());
        update(ctx, from);
    }

    @Override
    public void onTimer(Context ctx, Object tag) {
        for (Address peer : suspected.keySet()) {
            update(ctx, peer);
        }
        ctx.setTimer(checkEvery, "check");
    }

    private void update(Context ctx, Address peer) {
        boolean now = detector.suspects(peer, ctx.clock());
        if (now != suspected.get(peer)) {
            suspected.put(peer, now);
            ctx.note((now ? "suspects " : "trusts again ") + peer);
            listener.changed(peer, now);
        }
    }
}
