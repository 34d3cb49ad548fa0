package dev.dbinternals.ch08.harness.example;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.harness.Node;
import dev.dbinternals.ch08.harness.example.RegisterMessages.Query;
import dev.dbinternals.ch08.harness.example.RegisterMessages.QueryReply;
import dev.dbinternals.ch08.harness.example.RegisterMessages.Store;
import dev.dbinternals.ch08.harness.example.RegisterMessages.StoreAck;
import dev.dbinternals.ch08.harness.history.HistoryRecorder;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A client of the replicated register: it reads and writes through the replicas, one operation at a
 * time, and records each invocation and outcome in the run's history.
 *
 * <p>The algorithm is Attiya, Bar-Noy and Dolev's ("Sharing memory robustly in message-passing
 * systems", JACM 42(1), 1995), in its multi-writer form (Lynch and Shvartsman, "Robust emulation of
 * shared memory using dynamic quorum-acknowledged broadcasts", FTCS 1997). Both operations have two
 * phases, and each phase waits for a majority of the replicas:
 * <ul>
 *   <li><b>write v</b>: query a majority for their tags; take the highest counter, add one, pair it
 *   with this client's id (so no other writer makes the same tag), and store {@code (tag, v)} at a
 *   majority;</li>
 *   <li><b>read</b>: query a majority; take the value with the highest tag; store that tag and value
 *   at a majority (the <em>write-back</em>); then return the value.</li>
 * </ul>
 * Why it is linearizable: any two majorities share a replica, and a replica's tag never goes down.
 * So once an operation has stored tag t at a majority, every later query sees a tag ≥ t: a write
 * that starts after it gets a higher tag, and a read that starts after it returns t's value or a
 * newer one. Ordering the operations by tag (a read just after the write whose tag it returns, reads
 * of the initial value first) gives the legal order. The write-back is what makes this hold for
 * reads too: without it, a read may return a value that only a minority holds, because its write is
 * still under way, and an operation that starts after the read finishes may ask the other majority
 * and miss that value: a later read returns the older one (a new/old inversion), or a later write
 * takes a tag below it. {@code skipWriteBack} is that bug.
 *
 * <p>Faults: each phase retransmits to the replicas that have not answered every 25 ms, so lost
 * messages only delay it; replies carry the phase's request number, so a late or duplicated reply
 * of an earlier phase is ignored. An operation that gets no majority within its timeout is recorded
 * as {@code :info}, never {@code :fail}: its store may have reached some replicas and may still take
 * effect. The client then moves on; because that abandoned write may still land, the next write
 * takes a counter above every counter this client used before (not only above the ones it was told),
 * or two values could end up with the same tag. The papers' clients never give up, so they need no
 * such rule. Majorities are needed for progress only: a partition or crashes leave operations waiting
 * or timing out, never wrong.
 *
 * <p>Book: Chapter 8, "Shared State in a Distributed System" (분산 시스템의 자원 공유) and "State
 * Consistency" (상태 일관성). Not thread-safe: driven by its runtime.
 */
public final class RegisterClient implements Node {

    /** Timer tags; records, so the trace prints them the same on every run. */
    record Next() {
    }

    record Retransmit(long request) {
    }

    record GiveUp(int operation) {
    }

    /** Resend to the silent replicas this often (above the links' 99th percentile of 20 ms one way). */
    static final Duration RETRY = Duration.ofMillis(25);
    /** Give up on an operation (record {@code :info}) after this long. */
    static final Duration TIMEOUT = Duration.ofMillis(200);
    /** Pause between operations: 1 to 5 ms. */
    static final int THINK_MS = 5;

    private final List<Address> replicas;
    private final HistoryRecorder.Client history;
    private final int operations;
    private final boolean skipWriteBack;

    private int started;
    private boolean inFlight;
    private boolean reading;
    private long written;
    private int writes;
    private boolean storing;          // phase 2
    private long request;             // the current phase; replies to any other are stale
    private final Set<Address> answered = new TreeSet<>();
    private long counter;             // phase 1: the newest tag and value heard; phase 2: what is stored
    private long writer = -1;
    private long value;
    private long lastCounter;         // the highest counter this client ever wrote with

    /**
     * @param history       this client's pen (its process number is also its writer id)
     * @param operations    how many operations to run, at most 99 (written values are unique: 101, 102, 201, ...)
     * @param skipWriteBack the seeded bug: a read returns after its query phase
     */
    public RegisterClient(List<Address> replicas, HistoryRecorder.Client history, int operations, boolean skipWriteBack) {
        if (operations < 0 || operations > 99) {
            throw new IllegalArgumentException("operations must be from 0 to 99, got " + operations);
        }
        this.replicas = List.copyOf(replicas);
        this.history = history;
        this.operations = operations;
        this.skipWriteBack = skipWriteBack;
    }

    /** True once every operation has completed or been given up. */
    public boolean done() {
        return started == operations && !inFlight;
    }

    @Override
    public void onStart(Context ctx) {
        thinkThenNext(ctx);
    }

    private void thinkThenNext(Context ctx) {
        if (started < operations) {
            ctx.setTimer(Duration.ofMillis(1 + ctx.random().nextInt(THINK_MS)), new Next());
        }
    }

    @Override
    public void onTimer(Context ctx, Object tag) {
        if (tag instanceof Next) {
            begin(ctx);
        } else if (tag instanceof Retransmit r && inFlight && r.request() == request) {
            sendToTheSilent(ctx);
        } else if (tag instanceof GiveUp g && inFlight && g.operation() == started) {
            inFlight = false;
            request++; // late replies now belong to no phase
            history.info(reading ? "read" : "write", reading ? null : written);
            thinkThenNext(ctx);
        }
    }

    private void begin(Context ctx) {
        started++;
        inFlight = true;
        reading = ctx.random().nextBoolean();
        if (reading) {
            history.invoke("read", null);
        } else {
            written = (history.process() + 1) * 100 + ++writes;
            history.invoke("write", written);
        }
        counter = 0;
        writer = -1;
        value = 0;
        ctx.setTimer(TIMEOUT, new GiveUp(started));
        phase(ctx, false);
    }

    private void phase(Context ctx, boolean store) {
        storing = store;
        request++;
        answered.clear();
        sendToTheSilent(ctx);
    }

    private void sendToTheSilent(Context ctx) {
        byte[] m = RegisterMessages.CODEC.encode(storing ? new Store(request, counter, writer, value) : new Query(request));
        for (Address r : replicas) {
            if (!answered.contains(r)) {
                ctx.send(r, m);
            }
        }
        ctx.setTimer(RETRY, new Retransmit(request));
    }

    @Override
    public void onMessage(Context ctx, Address from, byte[] bytes) {
        Object m = RegisterMessages.CODEC.receive(ctx, bytes).orElse(null);
        if (m instanceof QueryReply q && inFlight && !storing && q.request() == request && answered.add(from)) {
            if (RegisterMessages.newer(q.counter(), q.writer(), counter, writer)) {
                counter = q.counter();
                writer = q.writer();
                value = q.value();
            }
            if (answered.size() > replicas.size() / 2) {
                queried(ctx);
            }
        } else if (m instanceof StoreAck a && inFlight && storing && a.request() == request && answered.add(from)
                && answered.size() > replicas.size() / 2) {
            complete(ctx);
        }
    }

    /** Phase 1 heard from a majority. */
    private void queried(Context ctx) {
        if (reading && skipWriteBack) {
            complete(ctx); // BUG: returns a value that perhaps only a minority holds
        } else if (reading) {
            phase(ctx, true); // write back the newest tag and value as they are
        } else {
            lastCounter = Math.max(counter, lastCounter) + 1;
            counter = lastCounter;
            writer = history.process();
            value = written;
            phase(ctx, true);
        }
    }

    private void complete(Context ctx) {
        inFlight = false;
        if (reading) {
            history.ok("read", counter == 0 ? null : value);
        } else {
            history.ok("write", written);
        }
        thinkThenNext(ctx);
    }
}
