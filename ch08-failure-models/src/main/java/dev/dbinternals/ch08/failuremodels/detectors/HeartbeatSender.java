package dev.dbinternals.ch08.failuremodels.detectors;

import dev.dbinternals.ch08.failuremodels.Messages;
import dev.dbinternals.ch08.failuremodels.Messages.Heartbeat;
import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.harness.Node;
import java.time.Duration;
import java.util.List;

/**
 * A process that says "I am alive" to its monitors every {@code period}: the sending half of a
 * heartbeat protocol (하트비트 프로토콜).
 *
 * <p>Book: Chapter 8, "Need to Handle Failures" (장애 처리). The heartbeat carries a sequence
 * number so a monitor could tell gaps; a paused sender's timer fires late and its heartbeats
 * simply stop for the length of the pause. Not thread-safe.
 */
public final class HeartbeatSender implements Node {

    private final List<Address> monitors;
    private final Duration period;
    private long seq;

    public HeartbeatSender(List<Address> monitors, Duration period) {
        this.monitors = List.copyOf(monitors);
        this.period = period;
    }

    @Override
    public void onStart(Context ctx) {
        beat(ctx);
    }

    @Override
    public void onMessage(Context ctx, Address from, byte[] message) {
    }

    @Override
    public void onTimer(Context ctx, Object tag) {
        beat(ctx);
    }

    private void beat(Context ctx) {
        byte[] hb = Messages.encode(new Heartbeat(0, ++seq));
        monitors.forEach(m -> ctx.send(m, hb));
        ctx.setTimer(period, "beat");
    }
}
