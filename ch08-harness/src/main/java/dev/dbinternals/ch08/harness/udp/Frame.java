package dev.dbinternals.ch08.harness.udp;

import java.nio.charset.StandardCharsets;

/**
 * The UDP runtime's datagram layout: a small header, then the node's bytes unchanged.
 *
 * <pre>
 *  0      2   3    4          4+n       6+n
 *  +------+---+----+----------+---------+-------------+
 *  | 'D8' | v | n  | sender   | length  | payload ... |
 *  +------+---+----+----------+---------+-------------+
 *   magic  1   1B   n bytes    u16 BE    exactly length bytes
 * </pre>
 *
 * <p>The header lets a receiver tell our datagrams from stray ones (a port scan, another
 * program, a truncated packet) and learn the sender's node name, since UDP source ports say
 * nothing about names. Anything that does not parse is counted and dropped. Stateless and
 * thread-safe.
 */
final class Frame {
    static final byte MAGIC0 = 'D';
    static final byte MAGIC1 = '8';
    static final byte VERSION = 1;
    /** Largest UDP payload over IPv4 (65,535 - 8 UDP - 20 IP). */
    static final int MAX_DATAGRAM = 65_507;

    private Frame() {
    }

    record Parsed(String sender, byte[] payload) {
    }

    static byte[] encode(String sender, byte[] payload) {
        byte[] name = sender.getBytes(StandardCharsets.UTF_8);
        int size = 4 + name.length + 2 + payload.length;
        if (name.length > 255 || size > MAX_DATAGRAM) {
            throw new IllegalArgumentException("a message of " + payload.length + " bytes does not fit in one UDP datagram"
                    + " (at most " + (MAX_DATAGRAM - 6 - name.length) + " bytes)");
        }
        byte[] f = new byte[size];
        f[0] = MAGIC0;
        f[1] = MAGIC1;
        f[2] = VERSION;
        f[3] = (byte) name.length;
        System.arraycopy(name, 0, f, 4, name.length);
        int at = 4 + name.length;
        f[at] = (byte) (payload.length >>> 8);
        f[at + 1] = (byte) payload.length;
        System.arraycopy(payload, 0, f, at + 2, payload.length);
        return f;
    }

    /** The parsed frame, or throws {@link IllegalArgumentException} saying what is wrong. */
    static Parsed decode(byte[] buf, int off, int len) {
        if (len < 6) {
            throw new IllegalArgumentException("datagram of " + len + " bytes is shorter than a header");
        }
        if (buf[off] != MAGIC0 || buf[off + 1] != MAGIC1) {
            throw new IllegalArgumentException("bad magic");
        }
        if (buf[off + 2] != VERSION) {
            throw new IllegalArgumentException("unsupported version " + buf[off + 2]);
        }
        int n = buf[off + 3] & 0xff;
        if (n == 0 || 4 + n + 2 > len) {
            throw new IllegalArgumentException("bad sender length " + n);
        }
        String sender = new String(buf, off + 4, n, StandardCharsets.UTF_8);
        int at = off + 4 + n;
        int plen = (buf[at] & 0xff) << 8 | (buf[at + 1] & 0xff);
        if (4 + n + 2 + plen != len) {
            throw new IllegalArgumentException("length field says " + plen + " payload bytes, datagram has "
                    + (len - 6 - n));
        }
        byte[] payload = new byte[plen];
        System.arraycopy(buf, at + 2, payload, 0, plen);
        return new Parsed(sender, payload);
    }
}
