package dev.dbinternals.ch08.failuremodels.arbitrary;

import dev.dbinternals.ch08.failuremodels.Messages;
import dev.dbinternals.ch08.failuremodels.Messages.Answer;
import dev.dbinternals.ch08.failuremodels.Messages.Query;
import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.harness.Node;

/**
 * A replica of a deterministic read-only service (think: one of an aircraft's redundant flight
 * computers): every correct replica gives the same answer to the same query. A faulty one may
 * not, in one of several ways ({@link Behavior}).
 *
 * <p>Book: Chapter 8, "Arbitrary Faults" (임의의 장애): a process executes the algorithm
 * incorrectly (in paraphrase), through a bug, a different version of the software, or on purpose. The
 * correct answer to query {@code x} is {@link #correct(long) x * x + 7}. Not thread-safe.
 */
public final class Replica implements Node {

    /** How a replica answers. */
    public enum Behavior {
        /** Answers correctly. */
        CORRECT,
        /** A bug: wrong by one for every third input. */
        BUG,
        /** Version skew: still runs the old formula {@code x * x}, from before the upgrade. */
        VERSION_SKEW,
        /** Malicious and colluding: every such replica answers the same wrong value, {@code 666 000 + x}. */
        MALICIOUS,
        /** Never answers (a crash, as far as the client can tell). */
        SILENT
    }

    private final Behavior behavior;

    public Replica(Behavior behavior) {
        this.behavior = behavior;
    }

    /** The right answer to query {@code x}. */
    public static long correct(long x) {
        return x * x + 7;
    }

    /** What a replica with {@code behavior} answers to {@code x} (SILENT answers nothing; this returns -1 for it). */
    public static long answer(Behavior behavior, long x) {
        return switch (behavior) {
            case CORRECT -> correct(x);
            case BUG -> x % 3 == 0 ? correct(x) + 1 : correct(x);
            case VERSION_SKEW -> x * x;
            case MALICIOUS -> 666_000 + x;
            case SILENT -> -1;
        };
    }

    @Override
    public void onMessage(Context ctx, Address from, byte[] bytes) {
        if (behavior != Behavior.SILENT && Messages.decode(bytes) instanceof Query q) {
            ctx.send(from, Messages.encode(new Answer(q.requestId(), answer(behavior, q.x()))));
        }
    }

}
