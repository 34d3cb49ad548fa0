package dev.dbinternals.ch08.links.ids;

import dev.dbinternals.ch08.links.ladder.PerfectLink;
import dev.dbinternals.ch08.links.ladder.WindowedPerfectLink;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Three ways to give messages identifiers, and how each one can fail: random ids (they collide,
 * sooner than intuition says), per-sender sequence numbers (unique by construction, if the
 * sender is named and its counter survives restarts) and ids computed from the content (equal
 * messages get equal ids).
 *
 * <p>Book: Chapter 8, Links → Message acknowledgements (메시지 확인 응답). To acknowledge and
 * deduplicate, a receiver must tell messages apart. The notes say, in paraphrase, that any unique
 * identifier will do (a sequence number is one kind, made unique by a counter) and that if ids
 * come from a hash, messages must still be told apart when hashes collide.
 * <ul>
 *   <li>Random {@code b}-bit ids: among {@code N = 2^b} values the first repeat comes, on average,
 *       after about {@code sqrt(pi N / 2) + 2/3} ids (the birthday problem), and half the time
 *       before {@code 1/2 + sqrt(1/4 + 2 N ln 2)}: for 32 bits about 82,000 and 77,000 ids, not
 *       four billion. A truncated hash of distinct messages behaves the same way. The
 *       probability that n ids contain a repeat is about {@code 1 - exp(-n(n-1) / 2N)}, close to
 *       {@code n^2 / 2^(b+1)} while small: for 64-bit ids {@code n^2 / 2^65}.</li>
 *   <li>Sequence numbers: the pair (sender, number) never repeats while the counter only moves
 *       forward, but that needs the sender's identity in every message and a counter that
 *       survives a restart (persisted, or an incarnation number as {@link WindowedPerfectLink} keeps;
 *       the book's {@link PerfectLink} keeps neither):
 *       a sender that restarts from 1 reuses its old ids.</li>
 *   <li>Content ids (a hash of the payload): two equal messages, say two identical payments,
 *       get the same id, so dedup by content id drops the second. That deduplicates content, not
 *       messages.</li>
 * </ul>
 * Stateless apart from {@link Sender}; the measurement is deterministic for a given seed.
 */
public final class MessageIds {

    private MessageIds() {
    }

    /**
     * Draws random {@code bits}-bit ids from a generator seeded with {@code seed} until one
     * repeats, and returns how many were drawn, the repeat included.
     */
    public static int idsUntilFirstRepeat(long seed, int bits) {
        if (bits < 1 || bits > 32) {
            throw new IllegalArgumentException("bits must be 1..32 for this measurement, got " + bits);
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        IntSet seen = new IntSet();
        long mask = bits == 32 ? 0xFFFF_FFFFL : (1L << bits) - 1;
        for (int n = 1; ; n++) {
            int id = (int) (rnd.nextLong() & mask);
            if (!seen.add(id)) {
                return n;
            }
        }
    }

    /** The mean number of ids drawn until the first repeat among {@code n} equally likely values: about {@code sqrt(pi n / 2) + 2/3}. */
    public static double meanUntilFirstRepeat(double n) {
        return Math.sqrt(Math.PI * n / 2) + 2.0 / 3.0;
    }

    /** The number of ids at which a repeat has become as likely as not: about {@code 1/2 + sqrt(1/4 + 2 n ln 2)}. */
    public static double medianUntilFirstRepeat(double n) {
        return 0.5 + Math.sqrt(0.25 + 2 * n * Math.log(2));
    }

    /** The probability that {@code ids} random {@code bits}-bit ids contain a repeat: about {@code 1 - exp(-ids(ids-1) / 2^(bits+1))}. */
    public static double repeatProbability(double ids, int bits) {
        return -Math.expm1(-ids * (ids - 1) / Math.pow(2, bits + 1));
    }

    /** Draws {@code count} random 64-bit ids from a generator seeded with {@code seed} and counts the values that repeat. */
    public static long repeatsAmong64BitIds(long seed, int count) {
        SplittableRandom rnd = new SplittableRandom(seed);
        long[] ids = new long[count];
        for (int i = 0; i < count; i++) {
            ids[i] = rnd.nextLong();
        }
        Arrays.sort(ids);
        long repeats = 0;
        for (int i = 1; i < count; i++) {
            if (ids[i] == ids[i - 1]) {
                repeats++;
            }
        }
        return repeats;
    }

    /** A content id: the first 8 bytes of the payload's SHA-256. Equal payloads, equal ids. */
    public static long contentId(byte[] payload) {
        try {
            return ByteBuffer.wrap(MessageDigest.getInstance("SHA-256").digest(payload)).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * A sender numbering its messages 1, 2, 3, …; its id is the pair (sender, number). The
     * counter starts after {@code persisted}, the last number kept in durable storage: 0 for a
     * sender that keeps nothing, which is exactly what reuses ids after a restart.
     * Not thread-safe.
     */
    public static final class Sender {
        private final String name;
        private long last;

        public Sender(String name, long persisted) {
            this.name = name;
            this.last = persisted;
        }

        /** The next id, as {@code name#number}. */
        public String next() {
            return name + "#" + ++last;
        }

        /** The last number handed out (what a careful sender persists before using it). */
        public long last() {
            return last;
        }
    }

    /** A set of ints by open addressing, growing at half load; enough for one measurement. */
    private static final class IntSet {
        private int[] keys = new int[1 << 18];
        private boolean[] used = new boolean[1 << 18];
        private int size;

        boolean add(int k) {
            if (2 * (size + 1) > keys.length) {
                grow();
            }
            int mask = keys.length - 1;
            int i = (k * 0x9E3779B9) >>> (32 - Integer.numberOfTrailingZeros(keys.length)) & mask;
            while (used[i]) {
                if (keys[i] == k) {
                    return false;
                }
                i = (i + 1) & mask;
            }
            used[i] = true;
            keys[i] = k;
            size++;
            return true;
        }

        private void grow() {
            int[] oldKeys = keys;
            boolean[] oldUsed = used;
            keys = new int[oldKeys.length * 2];
            used = new boolean[oldKeys.length * 2];
            size = 0;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldUsed[i]) {
                    add(oldKeys[i]);
                }
            }
        }
    }
}
