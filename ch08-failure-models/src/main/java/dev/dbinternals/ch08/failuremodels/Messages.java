package dev.dbinternals.ch08.failuremodels;

import dev.dbinternals.ch08.harness.codec.Codec;

/**
 * The messages of this module's nodes and the one {@link Codec} that puts them on the wire.
 *
 * <p>Messages are bytes on the wire, as in a real network (never Java serialisation), so the
 * simulator can lose, delay and duplicate real frames. Immutable and thread-safe.
 */
public final class Messages {

    private Messages() {
    }

    /** Client to register replica: set {@code key} to {@code value} if {@code version} is newer. */
    public record Write(long requestId, String key, long value, long version) {
    }

    /** Replica to client: the write with this id is applied (and, if the replica is correct, durable). */
    public record Ack(long requestId) {
    }

    /** Client to register replica: what do you hold for {@code key}? */
    public record Read(long requestId, String key) {
    }

    /** Replica to client: the value and version held for the key ({@code found} false if none). */
    public record ReadReply(long requestId, String key, boolean found, long value, long version) {
    }

    /** A failure detector's heartbeat: "I am alive", with the sender's incarnation and sequence number. */
    public record Heartbeat(long incarnation, long seq) {
    }

    /** Observer to a watched process: are you there? */
    public record Ping(long n) {
    }

    /** Watched process to observer: yes; {@code answered} counts the pings it has answered, {@code incarnation} its restarts. */
    public record Pong(long n, long answered, long incarnation) {
    }

    /** An update a primary pushes to a backup, fire-and-forget. */
    public record Update(long seq, long value) {
    }

    /** Client to replica: compute the answer for input {@code x}. */
    public record Query(long requestId, long x) {
    }

    /** Replica to client: the answer (correct or not). */
    public record Answer(long requestId, long value) {
    }

    /** An event stamped by its origin: wall-clock time and a Lamport clock, for ordering experiments. */
    public record Stamped(String origin, long seq, long wallMillis, long lamport, String causeOrigin, long causeSeq) {
    }

    /** The module's codec; payloads in traces can be shown with {@code trace.setPayloadFormat(Messages.CODEC::describe)}. */
    public static final Codec CODEC = Codec.builder()
            .register(1, Write.class)
            .register(2, Ack.class)
            .register(3, Read.class)
            .register(4, ReadReply.class)
            .register(5, Heartbeat.class)
            .register(6, Ping.class)
            .register(7, Pong.class)
            .register(8, Update.class)
            .register(9, Query.class)
            .register(10, Answer.class)
            .register(11, Stamped.class)
            .build();

    public static byte[] encode(Object m) {
        return CODEC.encode(m);
    }

    public static Object decode(byte[] bytes) {
        return CODEC.decode(bytes);
    }
}
