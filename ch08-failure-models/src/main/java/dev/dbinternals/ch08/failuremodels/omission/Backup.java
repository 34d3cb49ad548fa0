package dev.dbinternals.ch08.failuremodels.omission;

import dev.dbinternals.ch08.failuremodels.Messages;
import dev.dbinternals.ch08.failuremodels.Messages.Update;
import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.harness.Node;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.BitSet;

/**
 * A backup that applies the updates it receives, through a bounded receive buffer drained at a
 * fixed service rate; when the buffer is full an arriving update is dropped at the receiver.
 *
 * <p>Book: Chapter 8, "Omission Faults" (누락): omissions can come from intermittent
 * disconnections, network overload or a full queue (in paraphrase). A frame that reached this process but
 * found its buffer full is a <b>receive omission</b> (수신 누락): the network did its job, the
 * process failed to take the message in. Each one is written to the trace as a note starting
 * with {@value #RECEIVE_OMISSION}. With capacity {@code 0} the buffer is unbounded and the
 * service time is ignored (updates apply on arrival). Not thread-safe.
 */
final class Backup implements Node {

    public static final String RECEIVE_OMISSION = "receive omission";

    private final int capacity;
    private final Duration serviceTime;
    private final ArrayDeque<Update> buffer = new ArrayDeque<>();
    private final BitSet applied = new BitSet();
    private long receiveOmissions;
    private boolean draining;

    /** A backup that applies every update as it arrives. */
    public Backup() {
        this(0, Duration.ZERO);
    }

    public Backup(int capacity, Duration serviceTime) {
        this.capacity = capacity;
        this.serviceTime = serviceTime;
    }

    @Override
    public void onMessage(Context ctx, Address from, byte[] bytes) {
        if (!(Messages.decode(bytes) instanceof Update u)) {
            return;
        }
        if (capacity == 0) {
            applied.set((int) u.seq());
            return;
        }
        if (buffer.size() >= capacity) {
            receiveOmissions++;
            ctx.note(RECEIVE_OMISSION + ": buffer full, update " + u.seq() + " dropped");
            return;
        }
        buffer.add(u);
        if (!draining) {
            draining = true;
            ctx.setTimer(serviceTime, "drain");
        }
    }

    @Override
    public void onTimer(Context ctx, Object tag) {
        Update u = buffer.poll();
        if (u != null) {
            applied.set((int) u.seq());
        }
        if (buffer.isEmpty()) {
            draining = false;
        } else {
            ctx.setTimer(serviceTime, "drain");
        }
    }

    /** How many distinct updates were applied. */
    public long applied() {
        return applied.cardinality();
    }

    public long receiveOmissions() {
        return receiveOmissions;
    }
}
