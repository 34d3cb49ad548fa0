package dev.dbinternals.ch08.harness.codec;

import dev.dbinternals.ch08.harness.Context;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.CRC32C;

/**
 * Turns records into bytes and back: messages are bytes on the wire, so corruption, checksums
 * and the cost of encoding are real.
 *
 * <p>Book: Chapter 8, "Local and Remote Execution" (로컬 실행과 원격 실행: a remote call pays for
 * serialisation) and "Cascading Failures" (계단식 장애: checksums catch corrupted data before it
 * spreads).
 *
 * <p>Safe by construction: only registered record types decode, every length is checked
 * against the bytes actually present and against a limit of 1 MiB per frame, nesting is
 * bounded, and any malformed input ends in {@link CodecException}, never another exception and
 * never Java serialisation.
 *
 * <p>Field types: {@code int, long, boolean, double, float, short, byte, char}, {@code String}
 * (strict UTF-8), {@code byte[]}, enums, {@code List<E>} of boxed primitives, strings,
 * {@code byte[]}, enums or records, and nested registered records (also through an interface
 * type, e.g. a sealed {@code Message}). Strings, arrays, lists, enums and records may be null
 * (lists may not contain nulls).
 *
 * <p>Wire format: varint type id, then the fields in declaration order (zig-zag varints for
 * integers, little-endian IEEE 754 for floating point, length-prefixed bytes), then with
 * {@link Builder#withChecksum()} a 4-byte CRC32C of everything before it.
 *
 * <p>Without a checksum a flipped bit can turn a frame into a <em>different valid message</em>
 * (flip a bit of an int field and you get another int): only a checksum lets the receiver
 * tell. CRC32C detects every 1, 2 or 3-bit error in frames of this size, which is what the
 * simulator's corruption knob injects.
 *
 * <p>Immutable and thread-safe once built.
 */
public final class Codec {

    /** The largest frame encoded or accepted: 1 MiB. */
    private static final int MAX_FRAME_BYTES = 1 << 20;
    private static final int MAX_DEPTH = 32;

    private final Map<Class<?>, RecordCodec> byClass;
    private final Map<Integer, RecordCodec> byId;
    private final boolean checksum;

    private Codec(Builder b) {
        this.checksum = b.checksum;
        this.byClass = new HashMap<>();
        this.byId = new HashMap<>();
        b.types.forEach((id, type) -> {
            RecordCodec rc = new RecordCodec(id, type);
            byClass.put(type, rc);
            byId.put(id, rc);
        });
        for (RecordCodec rc : byId.values()) {
            rc.resolve(this);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects the record types a codec understands. Not thread-safe. */
    public static final class Builder {
        private final Map<Integer, Class<?>> types = new LinkedHashMap<>();
        private boolean checksum;

        private Builder() {
        }

        /** Registers {@code type} (a record) under {@code id} (1..1,000,000); the id goes on the wire. */
        public Builder register(int id, Class<?> type) {
            Objects.requireNonNull(type, "type");
            if (!type.isRecord()) {
                throw new IllegalArgumentException(type.getName() + " is not a record: the codec encodes records only");
            }
            if (id < 1 || id > 1_000_000) {
                throw new IllegalArgumentException("type ids are 1..1000000, got " + id + " for " + type.getSimpleName());
            }
            if (types.containsKey(id)) {
                throw new IllegalArgumentException("type id " + id + " is already used by " + types.get(id).getSimpleName());
            }
            if (types.containsValue(type)) {
                throw new IllegalArgumentException(type.getSimpleName() + " is registered twice");
            }
            types.put(id, type);
            return this;
        }

        /** Appends a CRC32C to every frame and rejects frames whose checksum does not match. */
        public Builder withChecksum() {
            this.checksum = true;
            return this;
        }

        public Codec build() {
            if (types.isEmpty()) {
                throw new IllegalStateException("register at least one record type before build()");
            }
            return new Codec(this);
        }
    }

    /** Encodes a registered record. */
    public byte[] encode(Object message) {
        Objects.requireNonNull(message, "message");
        RecordCodec rc = byClass.get(message.getClass());
        if (rc == null) {
            throw new CodecException(message.getClass().getName() + " is not registered with this codec");
        }
        Out out = new Out();
        out.varint(rc.id);
        rc.write(out, message, 0);
        if (checksum) {
            CRC32C crc = new CRC32C();
            crc.update(out.buf, 0, out.len);
            out.int32((int) crc.getValue());
        }
        if (out.len > MAX_FRAME_BYTES) {
            throw new CodecException("encoded " + message.getClass().getSimpleName() + " is " + out.len
                    + " bytes, more than the limit of " + MAX_FRAME_BYTES);
        }
        return out.toArray();
    }

    /** Decodes a frame into the registered record it holds. */
    public Object decode(byte[] bytes) {
        if (bytes == null) {
            throw new CodecException("null frame");
        }
        if (bytes.length > MAX_FRAME_BYTES) {
            throw new CodecException("frame of " + bytes.length + " bytes is over the limit of " + MAX_FRAME_BYTES);
        }
        int end = bytes.length;
        if (checksum) {
            if (bytes.length < 5) {
                throw new CodecException("frame of " + bytes.length + " bytes is too short to hold a type and a checksum");
            }
            end -= 4;
            CRC32C crc = new CRC32C();
            crc.update(bytes, 0, end);
            int expected = (bytes[end] & 0xff) | (bytes[end + 1] & 0xff) << 8 | (bytes[end + 2] & 0xff) << 16
                    | (bytes[end + 3] & 0xff) << 24;
            if ((int) crc.getValue() != expected) {
                throw new CodecException("checksum mismatch: the frame was corrupted");
            }
        }
        In in = new In(bytes, end);
        try {
            int id = in.varint32();
            RecordCodec rc = byId.get(id);
            if (rc == null) {
                throw new CodecException("unknown type id " + id);
            }
            Object m = rc.read(in, 0);
            if (in.pos != end) {
                throw new CodecException((end - in.pos) + " unexpected trailing bytes after " + rc.type.getSimpleName());
            }
            return m;
        } catch (CodecException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            throw new CodecException("malformed frame: " + e, e);
        }
    }

    /** Decodes a frame that must hold a {@code type}. */
    public <T> T decode(byte[] bytes, Class<T> type) {
        Object m = decode(bytes);
        if (!type.isInstance(m)) {
            throw new CodecException("expected a " + type.getSimpleName() + " but the frame holds a "
                    + m.getClass().getSimpleName());
        }
        return type.cast(m);
    }

    /**
     * The way a node's handler receives a typed message: the frame decoded, or empty when it
     * does not decode (a corrupted, truncated or foreign frame), which is then counted through
     * {@link Context#discard}. Never throws for bad bytes, so a handler reads
     * {@code CODEC.receive(ctx, bytes).ifPresent(m -> ...)} and needs no try/catch.
     */
    public Optional<Object> receive(Context ctx, byte[] frame) {
        return receive(ctx, frame, Object.class);
    }

    /** As {@link #receive(Context, byte[])}, for a frame that must hold a {@code type}; any other message is discarded too. */
    public <T> Optional<T> receive(Context ctx, byte[] frame, Class<T> type) {
        try {
            return Optional.of(decode(frame, type));
        } catch (CodecException e) {
            ctx.discard(e.getMessage());
            return Optional.empty();
        }
    }

    /** The decoded message's {@code toString}, or a short description of why it does not decode; for traces. */
    public String describe(byte[] bytes) {
        try {
            return String.valueOf(decode(bytes));
        } catch (CodecException e) {
            return "<undecodable " + (bytes == null ? 0 : bytes.length) + "B: " + e.getMessage() + ">";
        }
    }

    // ------------------------------------------------------------------ fields

    private interface FieldCodec {
        void write(Out out, Object v, int depth);

        Object read(In in, int depth);
    }

    private final class RecordCodec implements FieldCodec {
        final int id;
        final Class<?> type;
        final Method[] accessors;
        final Type[] types;
        final String[] names;
        FieldCodec[] fields;
        final Constructor<?> ctor;

        RecordCodec(int id, Class<?> type) {
            this.id = id;
            this.type = type;
            RecordComponent[] rcs = type.getRecordComponents();
            accessors = new Method[rcs.length];
            types = new Type[rcs.length];
            names = new String[rcs.length];
            Class<?>[] raw = new Class<?>[rcs.length];
            for (int i = 0; i < rcs.length; i++) {
                accessors[i] = rcs[i].getAccessor();
                accessors[i].setAccessible(true);
                types[i] = rcs[i].getGenericType();
                names[i] = rcs[i].getName();
                raw[i] = rcs[i].getType();
            }
            try {
                ctor = type.getDeclaredConstructor(raw);
                ctor.setAccessible(true);
            } catch (NoSuchMethodException e) {
                throw new IllegalArgumentException("no canonical constructor in " + type.getName(), e);
            }
        }

        void resolve(Codec codec) {
            fields = new FieldCodec[types.length];
            for (int i = 0; i < types.length; i++) {
                fields[i] = codec.fieldCodec(types[i], type.getSimpleName() + "." + names[i]);
            }
        }

        @Override
        public void write(Out out, Object v, int depth) {
            if (depth > MAX_DEPTH) {
                throw new CodecException("records nested more than " + MAX_DEPTH + " deep");
            }
            for (int i = 0; i < fields.length; i++) {
                Object f;
                try {
                    f = accessors[i].invoke(v);
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new CodecException("cannot read " + type.getSimpleName() + "." + names[i], e);
                }
                fields[i].write(out, f, depth + 1);
            }
        }

        @Override
        public Object read(In in, int depth) {
            if (depth > MAX_DEPTH) {
                throw new CodecException("records nested more than " + MAX_DEPTH + " deep");
            }
            Object[] args = new Object[fields.length];
            for (int i = 0; i < fields.length; i++) {
                args[i] = fields[i].read(in, depth + 1);
            }
            try {
                return ctor.newInstance(args);
            } catch (InvocationTargetException e) {
                throw new CodecException(type.getSimpleName() + " rejected the decoded fields: " + e.getCause(), e.getCause());
            } catch (ReflectiveOperationException | IllegalArgumentException e) {
                throw new CodecException("cannot build " + type.getSimpleName() + ": " + e, e);
            }
        }
    }

    /** A field holding some registered record (its declared type may be an interface): type id first, 0 = null. */
    private final class AnyRecord implements FieldCodec {
        private final Class<?> declared;
        private final boolean nullable;

        AnyRecord(Class<?> declared, boolean nullable) {
            this.declared = declared;
            this.nullable = nullable;
        }

        @Override
        public void write(Out out, Object v, int depth) {
            if (v == null) {
                if (!nullable) {
                    throw new CodecException("lists cannot hold null");
                }
                out.varint(0);
                return;
            }
            RecordCodec rc = byClass.get(v.getClass());
            if (rc == null) {
                throw new CodecException(v.getClass().getName() + " is not registered with this codec");
            }
            out.varint(rc.id);
            rc.write(out, v, depth);
        }

        @Override
        public Object read(In in, int depth) {
            int id = in.varint32();
            if (id == 0) {
                if (!nullable) {
                    throw new CodecException("null inside a list");
                }
                return null;
            }
            RecordCodec rc = byId.get(id);
            if (rc == null) {
                throw new CodecException("unknown nested type id " + id);
            }
            if (!declared.isAssignableFrom(rc.type)) {
                throw new CodecException("a " + rc.type.getSimpleName() + " where a " + declared.getSimpleName() + " belongs");
            }
            return rc.read(in, depth);
        }
    }

    private FieldCodec fieldCodec(Type t, String where) {
        return fieldCodec(t, where, true);
    }

    private FieldCodec fieldCodec(Type t, String where, boolean nullable) {
        if (t instanceof ParameterizedType p && p.getRawType() == List.class) {
            FieldCodec element = fieldCodec(p.getActualTypeArguments()[0], where + "[]", false);
            return new FieldCodec() {
                @Override
                public void write(Out out, Object v, int depth) {
                    if (v == null) {
                        out.varint(0);
                        return;
                    }
                    List<?> l = (List<?>) v;
                    out.varint(l.size() + 1);
                    for (Object o : l) {
                        if (o == null) {
                            throw new CodecException(where + " holds a null element");
                        }
                        element.write(out, o, depth + 1);
                    }
                }

                @Override
                public Object read(In in, int depth) {
                    int n = in.length(where);
                    if (n < 0) {
                        return null;
                    }
                    List<Object> l = new ArrayList<>(Math.min(n, 64));
                    for (int i = 0; i < n; i++) {
                        l.add(element.read(in, depth + 1));
                    }
                    return Collections.unmodifiableList(l);
                }
            };
        }
        if (!(t instanceof Class<?> c)) {
            throw new IllegalArgumentException(where + " has type " + t + ", which the codec does not support");
        }
        if (c == int.class || c == Integer.class) return prim((o, v) -> o.varint64(zig(((Integer) v))), in -> (int) unzig(in.varint32Raw()));
        if (c == long.class || c == Long.class) return prim((o, v) -> o.varint64(zig((Long) v)), in -> unzig(in.varint64()));
        if (c == short.class || c == Short.class) return prim((o, v) -> o.varint64(zig((Short) v)), in -> {
            long x = unzig(in.varint32Raw());
            if (x < Short.MIN_VALUE || x > Short.MAX_VALUE) throw new CodecException("short out of range: " + x);
            return (short) x;
        });
        if (c == char.class || c == Character.class) return prim((o, v) -> o.varint((Character) v), in -> {
            int x = in.varint32();
            if (x > Character.MAX_VALUE) throw new CodecException("char out of range: " + x);
            return (char) x;
        });
        if (c == byte.class || c == Byte.class) return prim((o, v) -> o.byte1((Byte) v), in -> (byte) in.byte1());
        if (c == boolean.class || c == Boolean.class) return prim((o, v) -> o.byte1((Boolean) v ? 1 : 0), in -> {
            int b = in.byte1();
            if (b != 0 && b != 1) throw new CodecException("a boolean must be 0 or 1, got " + b);
            return b == 1;
        });
        if (c == double.class || c == Double.class) return prim((o, v) -> o.int64(Double.doubleToRawLongBits((Double) v)), in -> Double.longBitsToDouble(in.int64()));
        if (c == float.class || c == Float.class) return prim((o, v) -> o.int32(Float.floatToRawIntBits((Float) v)), in -> Float.intBitsToFloat(in.int32()));
        if (c == String.class) {
            return new FieldCodec() {
                @Override
                public void write(Out out, Object v, int depth) {
                    if (v == null) {
                        out.varint(0);
                        return;
                    }
                    byte[] b = ((String) v).getBytes(StandardCharsets.UTF_8);
                    out.varint(b.length + 1);
                    out.bytes(b);
                }

                @Override
                public Object read(In in, int depth) {
                    int n = in.length(where);
                    return n < 0 ? null : in.utf8(n);
                }
            };
        }
        if (c == byte[].class) {
            return new FieldCodec() {
                @Override
                public void write(Out out, Object v, int depth) {
                    if (v == null) {
                        out.varint(0);
                        return;
                    }
                    byte[] b = (byte[]) v;
                    out.varint(b.length + 1);
                    out.bytes(b);
                }

                @Override
                public Object read(In in, int depth) {
                    int n = in.length(where);
                    return n < 0 ? null : in.take(n);
                }
            };
        }
        if (c.isEnum()) {
            Object[] constants = c.getEnumConstants();
            return new FieldCodec() {
                @Override
                public void write(Out out, Object v, int depth) {
                    out.varint(v == null ? 0 : ((Enum<?>) v).ordinal() + 1);
                }

                @Override
                public Object read(In in, int depth) {
                    int o = in.varint32();
                    if (o == 0) {
                        if (!nullable) throw new CodecException("null inside a list");
                        return null;
                    }
                    if (o > constants.length) {
                        throw new CodecException(where + ": no " + c.getSimpleName() + " constant number " + (o - 1));
                    }
                    return constants[o - 1];
                }
            };
        }
        if (c.isRecord() || c.isInterface()) {
            if (c.isRecord() && !byClass.containsKey(c)) {
                throw new IllegalArgumentException(where + " is a " + c.getSimpleName() + ", which is not registered");
            }
            return new AnyRecord(c, nullable);
        }
        throw new IllegalArgumentException(where + " has type " + c.getName() + ", which the codec does not support");
    }

    private interface Writer {
        void write(Out out, Object v);
    }

    private interface Reader {
        Object read(In in);
    }

    private static FieldCodec prim(Writer w, Reader r) {
        return new FieldCodec() {
            @Override
            public void write(Out out, Object v, int depth) {
                if (v == null) {
                    throw new CodecException("a null number or boolean cannot be encoded");
                }
                w.write(out, v);
            }

            @Override
            public Object read(In in, int depth) {
                return r.read(in);
            }
        };
    }

    private static long zig(long v) {
        return (v << 1) ^ (v >> 63);
    }

    private static long unzig(long v) {
        return (v >>> 1) ^ -(v & 1);
    }

    // ------------------------------------------------------------------ bytes

    private static final class Out {
        byte[] buf = new byte[32];
        int len;

        void ensure(int n) {
            if (len + n > buf.length) {
                byte[] b = new byte[Math.max(buf.length * 2, len + n)];
                System.arraycopy(buf, 0, b, 0, len);
                buf = b;
            }
        }

        void byte1(int b) {
            ensure(1);
            buf[len++] = (byte) b;
        }

        void varint(int v) {
            varint64(v & 0xffffffffL);
        }

        void varint64(long v) {
            ensure(10);
            while ((v & ~0x7fL) != 0) {
                buf[len++] = (byte) ((v & 0x7f) | 0x80);
                v >>>= 7;
            }
            buf[len++] = (byte) v;
        }

        void int32(int v) {
            ensure(4);
            for (int i = 0; i < 4; i++) {
                buf[len++] = (byte) (v >>> (8 * i));
            }
        }

        void int64(long v) {
            ensure(8);
            for (int i = 0; i < 8; i++) {
                buf[len++] = (byte) (v >>> (8 * i));
            }
        }

        void bytes(byte[] b) {
            ensure(b.length);
            System.arraycopy(b, 0, buf, len, b.length);
            len += b.length;
        }

        byte[] toArray() {
            byte[] b = new byte[len];
            System.arraycopy(buf, 0, b, 0, len);
            return b;
        }
    }

    private static final class In {
        final byte[] buf;
        final int end;
        int pos;

        In(byte[] buf, int end) {
            this.buf = buf;
            this.end = end;
        }

        int byte1() {
            if (pos >= end) {
                throw new CodecException("truncated frame: needed 1 more byte at offset " + pos);
            }
            return buf[pos++];
        }

        long varint64() {
            long v = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                int b = byte1();
                v |= (long) (b & 0x7f) << shift;
                if ((b & 0x80) == 0) {
                    if (b == 0 && shift > 0) {
                        throw new CodecException("non-canonical varint at offset " + (pos - 1));
                    }
                    if (shift == 63 && b > 1) {
                        throw new CodecException("varint overflows 64 bits at offset " + (pos - 1));
                    }
                    return v;
                }
            }
            throw new CodecException("varint longer than 10 bytes at offset " + pos);
        }

        /** A varint that must fit in 32 unsigned bits (zig-zagged ints). */
        long varint32Raw() {
            long v = varint64();
            if (v >>> 32 != 0) {
                throw new CodecException("varint does not fit in 32 bits: " + v);
            }
            return v;
        }

        /** A non-negative varint that must fit in an int (ids, ordinals, lengths). */
        int varint32() {
            long v = varint64();
            if (v < 0 || v > Integer.MAX_VALUE) {
                throw new CodecException("varint out of range: " + v);
            }
            return (int) v;
        }

        /** A length prefix (length + 1, 0 = null), checked against the bytes left. */
        int length(String where) {
            int n = varint32() - 1;
            if (n > end - pos) {
                throw new CodecException(where + ": length " + n + " but only " + (end - pos) + " bytes left");
            }
            return n;
        }

        int int32() {
            if (end - pos < 4) {
                throw new CodecException("truncated frame: needed 4 bytes at offset " + pos);
            }
            int v = 0;
            for (int i = 0; i < 4; i++) {
                v |= (buf[pos++] & 0xff) << (8 * i);
            }
            return v;
        }

        long int64() {
            if (end - pos < 8) {
                throw new CodecException("truncated frame: needed 8 bytes at offset " + pos);
            }
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v |= (long) (buf[pos++] & 0xff) << (8 * i);
            }
            return v;
        }

        byte[] take(int n) {
            byte[] b = new byte[n];
            System.arraycopy(buf, pos, b, 0, n);
            pos += n;
            return b;
        }

        String utf8(int n) {
            CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            try {
                CharBuffer cb = d.decode(ByteBuffer.wrap(buf, pos, n));
                pos += n;
                return cb.toString();
            } catch (CharacterCodingException e) {
                throw new CodecException("invalid UTF-8 in a string at offset " + pos, e);
            }
        }
    }
}
