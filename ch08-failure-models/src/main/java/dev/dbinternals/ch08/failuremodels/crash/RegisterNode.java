package dev.dbinternals.ch08.failuremodels.crash;

import dev.dbinternals.ch08.failuremodels.Messages;
import dev.dbinternals.ch08.failuremodels.Messages.Ack;
import dev.dbinternals.ch08.failuremodels.Messages.Read;
import dev.dbinternals.ch08.failuremodels.Messages.ReadReply;
import dev.dbinternals.ch08.failuremodels.Messages.Write;
import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.harness.DurableStorage;
import dev.dbinternals.ch08.harness.Node;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A replica of a small key-value register: versioned writes, reads, and a choice of how it
 * treats its disk before it acknowledges ({@link Durability}).
 *
 * <p>Book: Chapter 8, "Crash Faults" (충돌), crash-recovery (충돌-복구): state kept only in memory
 * is fine until a process crashes and comes back. With {@link Durability#SYNC_THEN_ACK},
 * <b>every acknowledged write is still there after any crash and restart</b>, given that a
 * completed sync survives a crash (as the simulator's storage does; {@link RecoveryModel} checks
 * it for every crash point); the other modes show how that promise breaks. A write only replaces a value with a higher version, so
 * a retransmitted or reordered write is harmless (idempotent).
 *
 * <p>One handler at a time, as every harness node; not thread-safe.
 */
public final class RegisterNode implements Node {

    /** A value and its version, as this replica holds it. */
    public record Versioned(long value, long version) {
    }

    /**
     * The disk side of a replica that leaves durability to someone else: the node calls
     * {@link #persist} for every newer write and acknowledges as soon as it returns, and calls
     * {@link #load} after every (re)start. Exercise failures-1 asks the reader to write one; the
     * exercise test hands it to {@link #RegisterNode(Store, FailPoints)}.
     */
    public interface Store {
        /** Stores {@code key = value} at {@code version} so that it survives a crash once this returns. */
        void persist(DurableStorage storage, String key, long value, long version);

        /** Everything {@link #persist} stored that survived, as key to {@code {value, version}}. */
        Map<String, long[]> load(DurableStorage storage);
    }

    /** The fail points of the write handler of a node built with a {@link Store}, in order. */
    public static final List<String> STORE_FAIL_POINTS = List.of("received", "persisted", "acked");

    static final String PREFIX = "reg/";

    private final Durability durability; // null when a Store decides
    private final Store store;           // null when a Durability mode decides
    private final FailPoints failPoints;
    private final Map<String, Versioned> state = new TreeMap<>();

    public RegisterNode(Durability durability) {
        this(durability, FailPoints.none());
    }

    RegisterNode(Durability durability, FailPoints failPoints) {
        this.durability = Objects.requireNonNull(durability, "durability");
        this.store = null;
        this.failPoints = Objects.requireNonNull(failPoints, "failPoints");
    }

    /** A replica that persists each newer write through {@code store}, then acknowledges. */
    RegisterNode(Store store, FailPoints failPoints) {
        this.durability = null;
        this.store = Objects.requireNonNull(store, "store");
        this.failPoints = Objects.requireNonNull(failPoints, "failPoints");
    }

    @Override
    public void onStart(Context ctx) {
        // Recovery: whatever the disk holds is all this incarnation knows.
        if (store != null) {
            store.load(ctx.storage()).forEach((k, v) -> state.put(k, new Versioned(v[0], v[1])));
        } else if (durability != Durability.MEMORY_ONLY) {
            state.putAll(load(ctx.storage()));
        }
        if (!state.isEmpty()) {
            ctx.note("recovered " + state.size() + " keys from disk");
        }
    }

    @Override
    public void onMessage(Context ctx, Address from, byte[] bytes) {
        Object m = Messages.decode(bytes);
        if (m instanceof Write w) {
            onWrite(ctx, from, w);
        } else if (m instanceof Read r) {
            Versioned v = state.get(r.key());
            ctx.send(from, Messages.encode(v == null
                    ? new ReadReply(r.requestId(), r.key(), false, 0, 0)
                    : new ReadReply(r.requestId(), r.key(), true, v.value(), v.version())));
        }
    }

    private void onWrite(Context ctx, Address from, Write w) {
        if (failPoints.crashHere("received")) {
            return;
        }
        Versioned old = state.get(w.key());
        boolean newer = old == null || w.version() > old.version();
        if (store != null) {
            if (newer) {
                store.persist(ctx.storage(), w.key(), w.value(), w.version());
                state.put(w.key(), new Versioned(w.value(), w.version()));
            }
            if (failPoints.crashHere("persisted")) {
                return;
            }
            ack(ctx, from, w);
            failPoints.crashHere("acked");
            return;
        }
        if (newer) {
            state.put(w.key(), new Versioned(w.value(), w.version()));
        }
        if (failPoints.crashHere("applied")) {
            return;
        }
        if (durability == Durability.MEMORY_ONLY) {
            ack(ctx, from, w);
            failPoints.crashHere("acked");
            return;
        }
        if (newer) {
            ctx.storage().put(PREFIX + w.key(), encode(w.value(), w.version()));
        }
        if (failPoints.crashHere("written")) {
            return;
        }
        switch (durability) {
            case WRITE_NO_SYNC -> {
                ack(ctx, from, w);
                failPoints.crashHere("acked");
            }
            case ACK_THEN_SYNC -> {
                ack(ctx, from, w);
                if (failPoints.crashHere("acked")) {
                    return;
                }
                ctx.storage().sync();
                failPoints.crashHere("synced");
            }
            case SYNC_THEN_ACK -> {
                ctx.storage().sync(); // the fsync: only now may we promise anything
                if (failPoints.crashHere("synced")) {
                    return;
                }
                ack(ctx, from, w);
                failPoints.crashHere("acked");
            }
            default -> throw new IllegalStateException("unhandled mode " + durability);
        }
    }

    private static void ack(Context ctx, Address to, Write w) {
        ctx.send(to, Messages.encode(new Ack(w.requestId())));
    }

    /** A copy of everything this instance holds, in key order. */
    public Map<String, Versioned> snapshot() {
        return new TreeMap<>(state);
    }

    static byte[] encode(long value, long version) {
        return ByteBuffer.allocate(16).putLong(value).putLong(version).array();
    }

    static Map<String, Versioned> load(DurableStorage storage) {
        Map<String, Versioned> out = new TreeMap<>();
        for (String k : storage.keys()) {
            if (k.startsWith(PREFIX)) {
                ByteBuffer b = ByteBuffer.wrap(storage.get(k).orElseThrow());
                out.put(k.substring(PREFIX.length()), new Versioned(b.getLong(), b.getLong()));
            }
        }
        return out;
    }
}
