package dev.dbinternals.ch08.failuremodels.crash;

import dev.dbinternals.ch08.failuremodels.Messages;
import dev.dbinternals.ch08.failuremodels.Messages.Ack;
import dev.dbinternals.ch08.failuremodels.Messages.Write;
import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.harness.Node;
import dev.dbinternals.ch08.harness.TimerId;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A client that writes {@code k1 = 10, k2 = 20, ...} to one {@link RegisterNode}, one write at
 * a time, retransmitting each until it is acknowledged, and remembers every acknowledgement.
 *
 * <p>Book: Chapter 8, "Crash Faults" (충돌): the client cannot see the server's disk; an
 * acknowledgement is all it has, and it moves on as soon as it gets one. Its log of
 * acknowledgements is what the durability check holds the server to. Not thread-safe.
 */
final class RegisterClient implements Node {

    private final Address server;
    private final int writes;
    private final Duration retry;
    private final Map<String, Long> acknowledged = new LinkedHashMap<>();
    private int next = 1;
    private TimerId timer;

    public RegisterClient(Address server, int writes, Duration retry) {
        this.server = server;
        this.writes = writes;
        this.retry = retry;
    }

    @Override
    public void onStart(Context ctx) {
        sendCurrent(ctx);
    }

    private void sendCurrent(Context ctx) {
        if (next > writes) {
            return;
        }
        ctx.send(server, Messages.encode(new Write(next, "k" + next, next * 10L, 1)));
        timer = ctx.setTimer(retry, "retry");
    }

    @Override
    public void onMessage(Context ctx, Address from, byte[] bytes) {
        if (Messages.decode(bytes) instanceof Ack a && a.requestId() == next) {
            acknowledged.put("k" + next, next * 10L);
            ctx.cancelTimer(timer);
            next++;
            sendCurrent(ctx);
        }
    }

    @Override
    public void onTimer(Context ctx, Object tag) {
        sendCurrent(ctx); // no answer yet: the write or its ack was lost, or the server is down
    }

    /** Every write the server acknowledged, in order: key to value. */
    public Map<String, Long> acknowledged() {
        return Collections.unmodifiableMap(acknowledged);
    }

    public boolean done() {
        return next > writes;
    }
}
