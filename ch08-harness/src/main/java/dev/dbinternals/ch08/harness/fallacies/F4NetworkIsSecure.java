package dev.dbinternals.ch08.harness.fallacies;

import dev.dbinternals.ch08.harness.lang.Columns;
import static dev.dbinternals.ch08.harness.lang.Lang.t;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.harness.Node;
import dev.dbinternals.ch08.harness.sim.LinkFaults;
import dev.dbinternals.ch08.harness.sim.Simulation;
import dev.dbinternals.ch08.harness.sim.TraceEvent;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32C;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Fallacy 4, "The network is secure": a checksum is not authentication. Client A sends transfer
 * orders to bank B through a router M that an attacker controls. A CRC32C catches the bits the
 * wire flips by accident, but the attacker edits an order and simply recomputes the CRC, and
 * replays a genuine order; B accepts both. An HMAC-SHA256 under a key that A and B share (and M
 * does not have) rejects the forgery, and a sequence number inside the authenticated bytes
 * rejects the replay.
 *
 * <p>Book: Chapter 8, "Fallacies of Distributed Computing" (분산 컴퓨팅의 오류), and "Cascading
 * Failures" (계단식 장애), where checksums stop corrupted data from spreading: they do, against
 * accidents only. A CRC is a public function of the bytes; anyone can compute it. A MAC needs the
 * key. Neither stops a replay: a replayed frame is a genuine frame, so the receiver must also
 * remember what it has already accepted. The link-level version of this, on the perfect link of
 * {@code ch08-links}, is {@code ./ch08 demo links forged-frame}.
 *
 * <p>What it shows, counted from the run for each of three receivers (CRC only, HMAC, HMAC and
 * sequence number): the accidentally corrupted frame, the forged frame and the replays, each
 * accepted or rejected, and what B paid out against what A ordered. Uses only the JDK
 * ({@code java.util.zip.CRC32C}, {@code javax.crypto.Mac}). Stateless and thread-safe.
 */
public final class F4NetworkIsSecure implements Fallacy {

    /** How B checks a frame. */
    public enum Check {
        /** The naive receiver: body + CRC32C; it trusts anything whose checksum matches. */
        CRC32C,
        /** body + HMAC-SHA256 tag under the shared key; no memory of what it accepted. */
        HMAC,
        /** The fix: HMAC-SHA256, and the sequence number in the body must be higher than any accepted. */
        HMAC_AND_SEQUENCE
    }

    /** The key A and B share. In a real system it comes from a key exchange or a secret store, never from code. */
    private static final byte[] SHARED_KEY = "ch08 demo key shared by A and B only".getBytes(StandardCharsets.UTF_8);
    /** The attacker's best effort: a key of its own. */
    private static final byte[] ATTACKER_KEY = "the attacker's guess".getBytes(StandardCharsets.UTF_8);
    static final int ORDERS = 5;
    static final long AMOUNT = 10;
    /** The order M rewrites, and what it makes of it. */
    static final int FORGED_SEQ = 3;
    static final long FORGED_AMOUNT = 9_999;
    /** The order the wire corrupts by accident: the first frame M forwards gets 1..3 bits flipped on M -> B. */
    static final int CORRUPTED_SEQ = 1;
    /** The genuine order M replays, and how many times, after the last order. */
    static final int REPLAYED_SEQ = 4;
    static final int REPLAYS = 2;

    /** An order as B understood it. */
    public record Order(long seq, long amount, String to) {
    }

    /**
     * What B did. {@code paidOut} sums the accepted orders; {@code ordered} sums A's orders that
     * reached B as A wrote them (neither flipped on the wire nor rewritten by M).
     */
    public record Result(Check check, boolean corruptionAccepted, boolean forgeryAccepted, int replaysAccepted,
                         long paidOut, long ordered, List<Order> accepted) {
        public boolean fooled() {
            return corruptionAccepted || forgeryAccepted || replaysAccepted > 0 || paidOut != ordered;
        }
    }

    @Override
    public int number() {
        return 4;
    }

    @Override
    public String fallacy() {
        return t("The network is secure", "네트워크는 안전하다");
    }

    // ------------------------------------------------------------------ frames

    static byte[] body(long seq, long amount, String to) {
        byte[] name = to.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(16 + name.length).putLong(seq).putLong(amount).put(name).array();
    }

    static Order parse(byte[] body) {
        ByteBuffer b = ByteBuffer.wrap(body);
        long seq = b.getLong();
        long amount = b.getLong();
        return new Order(seq, amount, new String(body, 16, body.length - 16, StandardCharsets.UTF_8));
    }

    static int tagLength(Check check) {
        return check == Check.CRC32C ? 4 : 32;
    }

    /** body followed by its CRC32C (4 bytes) or its HMAC-SHA256 (32 bytes) under {@code key}. */
    static byte[] seal(Check check, byte[] body, byte[] key) {
        byte[] tag;
        if (check == Check.CRC32C) {
            CRC32C crc = new CRC32C();
            crc.update(body);
            tag = ByteBuffer.allocate(4).putInt((int) crc.getValue()).array();
        } else {
            tag = hmac(key, body);
        }
        byte[] frame = Arrays.copyOf(body, body.length + tag.length);
        System.arraycopy(tag, 0, frame, body.length, tag.length);
        return frame;
    }

    static byte[] hmac(byte[] key, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every Java platform", e);
        }
    }

    /** The body if the tag is right for {@code key}, else null. */
    static byte[] open(Check check, byte[] frame, byte[] key) {
        int t = tagLength(check);
        if (frame.length < 16 + t) {
            return null;
        }
        byte[] body = Arrays.copyOf(frame, frame.length - t);
        byte[] expected = seal(check, body, key);
        // MessageDigest.isEqual takes the same time wherever the tags differ: no timing hint for a forger
        return MessageDigest.isEqual(expected, frame) ? body : null;
    }

    // ------------------------------------------------------------------ nodes

    /** Client A: sends its orders, each sealed, to its gateway M. */
    static final class Client implements Node {
        final Check check;
        final Address gateway;

        Client(Check check, Address gateway) {
            this.check = check;
            this.gateway = gateway;
        }

        @Override
        public void onStart(Context ctx) {
            for (int seq = 1; seq <= ORDERS; seq++) {
                ctx.send(gateway, seal(check, body(seq, AMOUNT, "bob"), SHARED_KEY));
            }
        }

        @Override
        public void onMessage(Context ctx, Address from, byte[] message) {
        }
    }

    /**
     * Router M, controlled by an attacker who knows the frame format (assume they do: Kerckhoffs)
     * but not the shared key. It forwards everything, rewrites order {@link #FORGED_SEQ} and
     * re-seals it as well as it can, and replays its copy of order {@link #REPLAYED_SEQ}
     * {@link #REPLAYS} times at the end.
     */
    static final class Attacker implements Node {
        final Check check;
        final Address bank;
        byte[] replayable;
        int forwarded;

        Attacker(Check check, Address bank) {
            this.check = check;
            this.bank = bank;
        }

        @Override
        public void onMessage(Context ctx, Address from, byte[] frame) {
            forwarded++;
            long seq = frame.length >= 8 ? ByteBuffer.wrap(frame).getLong() : -1;
            if (seq == REPLAYED_SEQ) {
                replayable = frame.clone();
            }
            byte[] out = frame;
            if (seq == FORGED_SEQ) {
                byte[] forged = body(FORGED_SEQ, FORGED_AMOUNT, "mallory");
                out = seal(check, forged, ATTACKER_KEY); // a CRC needs no key, so for CRC32C this is a perfect forgery
            }
            ctx.send(bank, out);
            if (forwarded == ORDERS && replayable != null) {
                for (int i = 0; i < REPLAYS; i++) {
                    ctx.send(bank, replayable); // a genuine frame, byte for byte
                }
            }
        }
    }

    /** Bank B: checks each frame, then pays. */
    static final class Bank implements Node {
        final Check check;
        final List<Order> accepted = new ArrayList<>();
        long highestSeq;
        int rejected;

        Bank(Check check) {
            this.check = check;
        }

        @Override
        public void onMessage(Context ctx, Address from, byte[] frame) {
            byte[] body = open(check, frame, SHARED_KEY);
            if (body == null) {
                rejected++;
                ctx.note("rejected: " + (check == Check.CRC32C ? "checksum" : "HMAC") + " does not match");
                return;
            }
            Order o = parse(body);
            if (check == Check.HMAC_AND_SEQUENCE) {
                if (o.seq() <= highestSeq) {
                    rejected++;
                    ctx.note("rejected: sequence " + o.seq() + " <= " + highestSeq + " already accepted (replay)");
                    return;
                }
                highestSeq = o.seq(); // assumes in-order delivery; with reordering keep a window of seen numbers
            }
            accepted.add(o);
        }
    }

    /** Runs A -> M -> B once with receiver {@code check}. */
    public static Result run(long seed, Check check) {
        Simulation sim = new Simulation(seed);
        // fixed delays: frames stay in order, so "higher than the last accepted" is a complete replay check
        sim.network().setDefaults(LinkFaults.none());
        Address b = sim.addNode("B", () -> new Bank(check));
        Address m = sim.addNode("M", () -> new Attacker(check, b));
        Address a = sim.addNode("A", () -> new Client(check, m));
        // an accident on the wire, not the attacker: the first frame M forwards (order 1) gets 1..3 bits flipped
        sim.network().corruptNext(m, b);
        sim.runUntilQuiet(Duration.ofSeconds(1));
        Bank bank = sim.node(b, Bank.class);
        List<Order> acc = List.copyOf(bank.accepted);
        // judge every accepted order against what A wrote: seq 1..ORDERS, AMOUNT, "bob"
        Order forged = new Order(FORGED_SEQ, FORGED_AMOUNT, "mallory");
        boolean corruption = false;
        boolean forgery = false;
        int replays = 0;
        long paid = 0;
        List<Long> seen = new ArrayList<>();
        for (Order o : acc) {
            paid += o.amount();
            boolean writtenByA = o.seq() >= 1 && o.seq() <= ORDERS && o.amount() == AMOUNT && o.to().equals("bob");
            if (o.equals(forged)) {
                forgery = true;
            } else if (!writtenByA) {
                corruption = true; // an order nobody wrote: flipped bits that passed B's check
            } else if (seen.contains(o.seq())) {
                replays++;
            }
            seen.add(o.seq());
        }
        long ordered = intactOrdersTotal(sim, a, b);
        return new Result(check, corruption, forgery, replays, paid, ordered, acc);
    }

    /**
     * A's orders that reached B as A wrote them, counted from the trace: the amounts of the
     * distinct orders of which B received a frame byte for byte equal to one A sent (the flipped
     * and the rewritten order are not among them; a replayed copy counts once).
     */
    static long intactOrdersTotal(Simulation sim, Address a, Address b) {
        List<byte[]> sentByA = new ArrayList<>();
        for (TraceEvent e : sim.trace().events()) {
            if (e.kind() == TraceEvent.Kind.SEND && a.equals(e.node())) {
                sentByA.add(e.payload());
            }
        }
        Map<Long, Long> amountBySeq = new TreeMap<>();
        for (TraceEvent e : sim.trace().events()) {
            if (e.kind() == TraceEvent.Kind.DELIVER && b.equals(e.node())
                    && sentByA.stream().anyMatch(f -> Arrays.equals(f, e.payload()))) {
                ByteBuffer frame = ByteBuffer.wrap(e.payload()); // an order frame starts with seq, then amount
                amountBySeq.put(frame.getLong(), frame.getLong());
            }
        }
        return amountBySeq.values().stream().mapToLong(Long::longValue).sum();
    }

    @Override
    public Outcome run(long seed, boolean quick) {
        Result crc = run(seed, Check.CRC32C);
        Result hmac = run(seed, Check.HMAC);
        Result fix = run(seed, Check.HMAC_AND_SEQUENCE);
        return new Outcome(
                List.of(String.format(t("A sends %d orders \"pay bob %d\" to bank B through router M, which an attacker controls.",
                                "A가 공격자가 장악한 라우터 M을 거쳐 은행 B에게 \"pay bob %2$d\" 주문 %1$d개를 보낸다."), ORDERS, AMOUNT),
                        String.format(t("Order %d gets bits flipped on the wire by accident; M rewrites order %d to \"pay mallory %d\",",
                                "%d번 주문은 전선 위에서 우연히 비트가 뒤집힌다; M은 %d번 주문을 \"pay mallory %d\"로 바꿔 쓰고,"),
                                CORRUPTED_SEQ, FORGED_SEQ, FORGED_AMOUNT),
                        String.format(t("re-seals it, and replays order %d %d times. A's orders that reached B as A wrote them total %d.",
                                "다시 봉인하고, %d번 주문을 %d회 되풀이해 보낸다. A가 쓴 그대로 B에 닿은 A의 주문 합계: %d."),
                                REPLAYED_SEQ, REPLAYS, crc.ordered())),
                List.of(line(t("CRC32C only", "CRC32C만"), crc)),
                List.of(line("HMAC-SHA256", hmac),
                        line(t("HMAC + sequence number", "HMAC + 일련번호"), fix),
                        t("(the link-level version, a forged frame on the perfect link: ./ch08 demo links forged-frame)",
                                "(링크 수준의 버전, 퍼펙트 링크 위의 위조 프레임: ./ch08 demo links forged-frame)")),
                crc.fooled(),
                !fix.fooled(),
                t("trust a frame whose CRC32C matches", "CRC32C가 맞는 프레임을 믿기"),
                t("HMAC-SHA256 with a shared key + sequence number", "공유 키를 쓴 HMAC-SHA256 + 일련번호"));
    }

    private static String line(String what, Result r) {
        // padded by display width (a Hangul syllable takes two columns), so the Korean lines up too
        String label = what + ":";
        return String.format(t("%s accidental flip %s, forgery %s, %d of %d replays accepted: B paid out %d.",
                        "%1$s 우연한 뒤집힘 %2$s, 위조 %3$s, 되풀이 %5$d회 중 %4$d회 수락: B가 지급한 금액 %6$d."),
                Columns.left(label, 23), r.corruptionAccepted() ? t("ACCEPTED", "수락됨") : t("rejected", "거부됨"),
                r.forgeryAccepted() ? t("ACCEPTED", "수락됨") : t("rejected", "거부됨"),
                r.replaysAccepted(), REPLAYS, r.paidOut());
    }
}
