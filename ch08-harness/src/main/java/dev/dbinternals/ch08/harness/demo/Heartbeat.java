package dev.dbinternals.ch08.harness.demo;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.harness.Node;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * A node that sends a heartbeat to every other node every period and suspects a peer it has
 * not heard from within a timeout, using its monotonic clock.
 *
 * <p>Book: Chapter 8, "Network Partitions and Partial Failures" (네트워크 파티션과 부분 장애) and
 * "Failure Detection" (장애 검출): under a one-way partition the views disagree: B suspects A
 * while A, who still hears B, suspects nobody. Not thread-safe (one handler at a time).
 */
public final class Heartbeat implements Node {
    private final Duration period;
    private final Duration timeout;
    private final Map<Address, Long> lastHeard = new TreeMap<>();
    private final Map<Address, Boolean> suspected = new TreeMap<>();

    public Heartbeat(Duration period, Duration timeout) {
        this.period = period;
        this.timeout = timeout;
    }

    @Override
    public void onStart(Context ctx) {
        long now = ctx.clock().monotonicNanos();
        for (Address a : ctx.nodes()) {
            if (!a.equals(ctx.self())) {
                lastHeard.put(a, now);
                suspected.put(a, false);
            }
        }
        ctx.setTimer(period, "beat");
    }

    @Override
    public void onMessage(Context ctx, Address from, byte[] message) {
        lastHeard.put(from, ctx.clock().monotonicNanos());
        if (Boolean.TRUE.equals(suspected.put(from, false))) {
            ctx.note("trusts " + from + " again");
        }
    }

    @Override
    public void onTimer(Context ctx, Object tag) {
        long now = ctx.clock().monotonicNanos();
        for (Address a : lastHeard.keySet()) {
            ctx.send(a, ("hb " + ctx.self()).getBytes(StandardCharsets.US_ASCII));
            if (!suspected.get(a) && now - lastHeard.get(a) > timeout.toNanos()) {
                suspected.put(a, true);
                ctx.note("suspects " + a);
            }
        }
        ctx.setTimer(period, "beat");
    }

    /** The peers this node suspects now, in name order. */
    public java.util.List<Address> suspects() {
        return suspected.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList();
    }
}
