package dev.dbinternals.ch08.links.ladder;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * One frame on the wire of the links in this module: a data message or an acknowledgement,
 * with a CRC32C checksum over every byte before it.
 *
 * <p>Book: Chapter 8, Links → Message acknowledgements (메시지 확인 응답) and Cascading failures
 * → checksums (체크섬). A link needs a way to tell messages apart (the sequence number) and a
 * way to tell a damaged frame from a good one: the network may flip bits, and a corrupted
 * frame that decoded "successfully" would be a message nobody sent, breaking <em>no
 * creation</em>. A frame whose checksum does not match is treated exactly like a lost frame.
 *
 * <p>Layout (big-endian): magic {@code 'L'} · kind · incarnation (int) · seq (long) ·
 * upTo (long) · payload length (int) · payload · CRC32C (int). {@value #OVERHEAD} bytes of
 * overhead per frame.
 *
 * <ul>
 *   <li>{@code DATA}: {@code seq} identifies the message; {@code upTo} is the sender's
 *       acknowledged prefix, the highest sequence number such that every message up to it has
 *       been acknowledged (its window's base minus one; it lets a restarted receiver catch up).</li>
 *   <li>{@code ACK}: {@code seq} is the message acknowledged; {@code upTo} is the receiver's
 *       {@code n_consecutive}, a cumulative acknowledgement of every message up to it; the
 *       payload, if any, is the receiver's own incarnation (4 bytes).</li>
 * </ul>
 *
 * <p>{@code incarnation} numbers the sender's lives, so a receiver can tell a restarted
 * sender's sequence number 1 from an old one ({@link WindowedPerfectLink}; the other links send 0).
 *
 * <p>Why its own layout and CRC32C rather than the harness's {@code Codec.withChecksum()}: a link
 * sits below any codec (its payload is whatever bytes the application encoded, a {@code Codec}
 * record included), and here the header is the lesson: the fields a sequence-number protocol
 * needs, at fixed offsets, {@value #OVERHEAD} bytes a frame, which Demo 12's attacker forges from
 * headers it saw and {@code FrameTest} flips bit by bit; the codec's type ids and varints would
 * hide them.
 *
 * <p>Immutable apart from the payload array, which callers must not modify.
 */
public record Frame(Kind kind, int incarnation, long seq, long upTo, byte[] payload) {

    /** Bytes a frame adds to its payload. */
    public static final int OVERHEAD = 1 + 1 + 4 + 8 + 8 + 4 + 4;

    /** Largest payload accepted, so a corrupted length field can never make us allocate gigabytes. */
    public static final int MAX_PAYLOAD = 64 * 1024;

    private static final byte MAGIC = 'L';
    private static final byte[] EMPTY = new byte[0];

    /** What a frame carries. */
    public enum Kind {
        DATA, ACK
    }

    public Frame {
        if (kind == null) {
            throw new IllegalArgumentException("a frame needs a kind");
        }
        payload = payload == null ? EMPTY : payload;
        if (payload.length > MAX_PAYLOAD) {
            throw new IllegalArgumentException("payload of " + payload.length + " bytes exceeds " + MAX_PAYLOAD);
        }
    }

    public static Frame data(int incarnation, long seq, long upTo, byte[] payload) {
        return new Frame(Kind.DATA, incarnation, seq, upTo, payload);
    }

    public static Frame ack(int incarnation, long seq, long upTo) {
        return new Frame(Kind.ACK, incarnation, seq, upTo, EMPTY);
    }

    /** An acknowledgement that also names the receiver's own life ({@code receiverLife}), so the sender notices a restart. */
    public static Frame ack(int incarnation, long seq, long upTo, int receiverLife) {
        return new Frame(Kind.ACK, incarnation, seq, upTo, ByteBuffer.allocate(4).putInt(receiverLife).array());
    }

    /** The receiver's life carried by an ACK, or 0 if it carries none. */
    public int receiverLife() {
        return kind == Kind.ACK && payload.length == 4 ? ByteBuffer.wrap(payload).getInt() : 0;
    }

    /** The bytes of this frame, checksum included. */
    public byte[] encode() {
        ByteBuffer b = ByteBuffer.allocate(OVERHEAD + payload.length);
        b.put(MAGIC).put((byte) kind.ordinal()).putInt(incarnation).putLong(seq).putLong(upTo)
                .putInt(payload.length).put(payload);
        CRC32C crc = new CRC32C();
        crc.update(b.array(), 0, b.position());
        b.putInt((int) crc.getValue());
        return b.array();
    }

    /**
     * Decodes {@code bytes}, checking the checksum first.
     *
     * @throws CorruptFrameException if the bytes are not a well-formed frame with a matching
     *                               checksum (a flipped bit, a truncated datagram, garbage)
     */
    public static Frame decode(byte[] bytes) {
        if (bytes == null || bytes.length < OVERHEAD) {
            throw new CorruptFrameException("frame too short: " + (bytes == null ? 0 : bytes.length) + " bytes");
        }
        int body = bytes.length - 4;
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, body);
        ByteBuffer b = ByteBuffer.wrap(bytes);
        if (b.getInt(body) != (int) crc.getValue()) {
            throw new CorruptFrameException("checksum mismatch");
        }
        if (b.get() != MAGIC) {
            throw new CorruptFrameException("bad magic byte");
        }
        int k = b.get();
        if (k < 0 || k >= Kind.values().length) {
            throw new CorruptFrameException("unknown frame kind " + k);
        }
        int incarnation = b.getInt();
        long seq = b.getLong();
        long upTo = b.getLong();
        int len = b.getInt();
        if (len != body - (OVERHEAD - 4)) {
            throw new CorruptFrameException("payload length " + len + " does not match the frame size");
        }
        byte[] payload = new byte[len];
        b.get(payload);
        return new Frame(Kind.values()[k], incarnation, seq, upTo, payload);
    }

    @Override
    public String toString() {
        return kind == Kind.DATA
                ? "DATA#" + seq + "(" + Payloads.describe(payload) + ")"
                : "ACK#" + seq + "(n_consecutive=" + upTo + ")";
    }

    /** Thrown when bytes from the network do not decode to a frame; the link drops such a frame as if lost. */
    public static final class CorruptFrameException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public CorruptFrameException(String message) {
            super(message);
        }
    }
}
