package dev.dbinternals.ch08.failuremodels.omission;

import dev.dbinternals.ch08.failuremodels.Messages;
import dev.dbinternals.ch08.failuremodels.Messages.Ping;
import dev.dbinternals.ch08.failuremodels.Messages.Pong;
import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.harness.DurableStorage;
import dev.dbinternals.ch08.harness.Node;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.function.ToLongFunction;

/**
 * A process that answers pings with how many pings it has answered so far; what it remembers
 * across a restart is the point of the experiment.
 *
 * <p>Book: Chapter 8, "Crash Faults" (충돌) and "Omission Faults" (누락), which say, in
 * paraphrase, that other processes cannot tell a process that was unreachable from one that
 * crashed and recovered. That holds only for a process that comes back with the state it had
 * ({@link Memory#DURABLE}: synced before every answer); one that comes back blank
 * ({@link Memory#VOLATILE}) answers with a counter that went <em>backwards</em>, which no
 * omission can produce. And a process can choose to be distinguishable: built with
 * {@link #withIncarnations}, it keeps its counter durable and every answer carries an
 * incarnation number that grows with each restart (exercise failures-4 asks for the function
 * that hands out those numbers). Not thread-safe.
 */
public final class WatchedProcess implements Node {

    /** What survives a restart. */
    public enum Memory {
        /** Nothing: the counter starts again from zero. */
        VOLATILE,
        /** The counter, synced before every answer. */
        DURABLE
    }

    private final Memory memory;
    private final ToLongFunction<DurableStorage> incarnations; // null: no incarnation number (always 0)
    private long answered;
    private long incarnation;

    public WatchedProcess(Memory memory) {
        this(memory, null);
    }

    private WatchedProcess(Memory memory, ToLongFunction<DurableStorage> incarnations) {
        this.memory = Objects.requireNonNull(memory, "memory");
        this.incarnations = incarnations;
    }

    /**
     * A process with a durable counter that, at every start, takes a new incarnation number from
     * {@code next} (given its disk) and puts it in every answer.
     */
    public static WatchedProcess withIncarnations(ToLongFunction<DurableStorage> next) {
        return new WatchedProcess(Memory.DURABLE, Objects.requireNonNull(next, "next"));
    }

    @Override
    public void onStart(Context ctx) {
        if (memory != Memory.VOLATILE) {
            answered = ctx.storage().get("answered").map(b -> ByteBuffer.wrap(b).getLong()).orElse(0L);
        }
        if (incarnations != null) {
            incarnation = incarnations.applyAsLong(ctx.storage());
        }
    }

    @Override
    public void onMessage(Context ctx, Address from, byte[] bytes) {
        if (Messages.decode(bytes) instanceof Ping p) {
            answered++;
            if (memory != Memory.VOLATILE) {
                ctx.storage().put("answered", ByteBuffer.allocate(8).putLong(answered).array());
                ctx.storage().sync();
            }
            ctx.send(from, Messages.encode(new Pong(p.n(), answered, incarnation)));
        }
    }

    public long incarnation() {
        return incarnation;
    }
}
