package dev.dbinternals.ch08.concurrency.remote;

import dev.dbinternals.ch08.harness.history.HistoryRecorder;
import dev.dbinternals.ch08.concurrency.remote.CounterMessages.Get;
import dev.dbinternals.ch08.concurrency.remote.CounterMessages.Increment;
import dev.dbinternals.ch08.concurrency.remote.CounterMessages.Incremented;
import dev.dbinternals.ch08.concurrency.remote.CounterMessages.Put;
import dev.dbinternals.ch08.concurrency.remote.CounterMessages.PutIfVersion;
import dev.dbinternals.ch08.concurrency.remote.CounterMessages.Value;
import dev.dbinternals.ch08.concurrency.remote.CounterMessages.Written;
import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.harness.Node;
import dev.dbinternals.ch08.harness.TimerId;
import java.time.Duration;

/**
 * A client that increments the remote counter {@code increments} times, one after another,
 * retrying a request (same request id) whenever no reply comes within the timeout.
 *
 * <p>Book: Chapter 8, "Shared State in a Distributed System" (분산 시스템의 자원 공유): with a
 * timing assumption (a timeout) a client can retry; but a timeout cannot tell "request lost"
 * from "reply lost" or "just slow", so a retry may repeat an operation that already happened.
 * It records a Jepsen-style history: {@code :invoke :add 1} when an increment starts,
 * {@code :ok} when it is acknowledged, {@code :info} if the client gives up (outcome unknown).
 * Not thread-safe: driven by its runtime.
 */
public final class CounterClient implements Node {

    /** How an increment is sent. */
    public enum Strategy {
        /** Get the value, then Put value + 1: two clients reading the same value lose an update. */
        READ_THEN_WRITE,
        /** One Increment message: no read-write gap, but a retry after a lost reply increments twice. */
        INCREMENT,
        /** Get value and version, then PutIfVersion(value + 1, version); on a version mismatch read again. */
        CONDITIONAL_WRITE
    }

    private final Strategy strategy;
    private final int increments;
    private final Address server;
    private final HistoryRecorder history;
    private final long clientId;
    private final Duration timeout;
    private final int maxAttempts;

    private long process;
    private int done;
    private long nextRequest;
    private byte[] outstanding;
    private long outstandingId = -1;
    private int attempts;
    private TimerId timer;
    private boolean finished;

    public CounterClient(Strategy strategy, int increments, Address server, HistoryRecorder history, long clientId,
                         Duration timeout, int maxAttempts) {
        this.strategy = strategy;
        this.increments = increments;
        this.server = server;
        this.history = history;
        this.clientId = clientId;
        this.process = clientId;
        this.timeout = timeout;
        this.maxAttempts = maxAttempts;
    }

    public boolean finished() {
        return finished;
    }

    @Override
    public void onStart(Context ctx) {
        startIncrement(ctx);
    }

    private void startIncrement(Context ctx) {
        if (done == increments) {
            finished = true;
            return;
        }
        history.invoke(process, "add", 1L);
        switch (strategy) {
            case READ_THEN_WRITE, CONDITIONAL_WRITE -> request(ctx, new Get(newRequestId()));
            case INCREMENT -> request(ctx, new Increment(newRequestId(), 1));
            default -> throw new IllegalStateException();
        }
    }

    private long newRequestId() {
        // unique across clients: the server's reply table is keyed by it
        return clientId * 1_000_000 + nextRequest++;
    }

    private void request(Context ctx, Object message) {
        outstanding = CounterMessages.CODEC.encode(message);
        outstandingId = CounterServer.requestId(message);
        attempts = 0;
        send(ctx);
    }

    private void send(Context ctx) {
        attempts++;
        ctx.send(server, outstanding);
        timer = ctx.setTimer(timeout, outstandingId);
    }

    @Override
    public void onTimer(Context ctx, Object tag) {
        if (!(tag instanceof Long id) || id != outstandingId) {
            return;
        }
        if (attempts < maxAttempts) {
            ctx.note("timeout, retrying request " + id + " (attempt " + (attempts + 1) + ")");
            send(ctx);
            return;
        }
        // give up: the increment may or may not have happened
        history.info(process, "add", 1L);
        process += 1000; // as in Jepsen, a process with an unknown outcome is replaced by a fresh one
        outstandingId = -1;
        done++;
        startIncrement(ctx);
    }

    @Override
    public void onMessage(Context ctx, Address from, byte[] message) {
        Object m = CounterMessages.CODEC.receive(ctx, message).orElse(null);
        if (m == null) {
            return; // did not decode (corrupted): counted by Codec.receive through Context.discard
        }
        if (CounterServer.requestId(m) != outstandingId) {
            return; // a duplicate, or the reply to a request we already gave up on or already got
        }
        ctx.cancelTimer(timer);
        outstandingId = -1;
        if (m instanceof Value v) {
            if (strategy == Strategy.READ_THEN_WRITE) {
                request(ctx, new Put(newRequestId(), v.value() + 1));
            } else {
                request(ctx, new PutIfVersion(newRequestId(), v.value() + 1, v.version()));
            }
        } else if (m instanceof Written w) {
            if (w.applied()) {
                complete(ctx);
            } else {
                // someone else wrote since our read: read again and retry (the optimistic loop)
                request(ctx, new Get(newRequestId()));
            }
        } else if (m instanceof Incremented) {
            complete(ctx);
        }
    }

    private void complete(Context ctx) {
        history.ok(process, "add", 1L);
        done++;
        startIncrement(ctx);
    }
}
