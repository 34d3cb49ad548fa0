package dev.dbinternals.ch08.harness.fallacies;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.harness.Node;
import dev.dbinternals.ch08.harness.codec.Codec;
import dev.dbinternals.ch08.harness.sim.Delay;
import dev.dbinternals.ch08.harness.sim.LinkFaults;
import dev.dbinternals.ch08.harness.sim.Simulation;
import dev.dbinternals.ch08.harness.sim.Trace;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Fallacy 8, "The network is homogeneous": sender S talks to F over a fast link (1 ms each way)
 * and to L over a slow one (40 to 60 ms each way). A retransmission timeout of 10 ms, tuned on
 * the fast link and used for every peer, makes S resend every message to L several times although
 * nothing is lost. A per-peer adaptive timeout, the RFC 6298 estimator with Karn's rule, learns
 * each link's round trip and stops the needless resends after the first few messages.
 *
 * <p>Book: Chapter 8, "Fallacies of Distributed Computing" (분산 컴퓨팅의 오류), and "Processing"
 * (프로세싱): nodes differ in place, hardware, software version and configuration. (Mixed versions
 * are the same fallacy; a version field in the frame and negotiation at connect time is that
 * fix.)
 *
 * <p>The estimator (RFC 6298, section 2): on the first sample R, SRTT = R and RTTVAR = R/2; then
 * RTTVAR = 3/4 RTTVAR + 1/4 |SRTT - R| and SRTT = 7/8 SRTT + 1/8 R; RTO = SRTT + max(G, 4 RTTVAR),
 * with the clock granularity G negligible here. Each timeout doubles the RTO (RFC 6298, 5.5),
 * capped at 60 s (the RFC allows a cap if it is at least 60 s). Karn's rule: no sample from a
 * retransmitted message (its ack is ambiguous), so the doubled RTO stays until a message gets
 * through without a retransmission. Two changes of scale, both stated: the initial RTO is the
 * same 10 ms as the naive sender's (the RFC says 1 s), and the floor is 5 ms (the RFC says the
 * RTO SHOULD be rounded up to 1 s; Linux uses 200 ms), because these simulated links are a
 * thousand times faster than the RFC assumes.
 *
 * <p>What it shows, counted from the run: transmissions per peer, and the copies each receiver
 * had to discard (every retransmission here is needless: the links lose nothing). Stateless and
 * thread-safe.
 */
public final class F8NetworkIsHomogeneous implements Fallacy {

    record Data(int seq) {
    }

    record Ack(int seq) {
    }

    static final Codec CODEC = Codec.builder().register(1, Data.class).register(2, Ack.class).build();
    static final Duration TUNED_ON_FAST_LINK = Duration.ofMillis(10);
    static final long MIN_RTO = Duration.ofMillis(5).toNanos();
    static final long MAX_RTO = Duration.ofSeconds(60).toNanos();
    static final Address FAST = Address.of("F");
    static final Address SLOW = Address.of("L");

    /** What one run counted, per peer: retransmissions S made and duplicates the peer discarded. */
    public record Result(int messagesPerPeer, int retransmissionsToFast, int retransmissionsToSlow,
                         int duplicatesAtFast, int duplicatesAtSlow, long finalRtoSlowNanos) {
    }

    @Override
    public int number() {
        return 8;
    }

    @Override
    public String fallacy() {
        return t("The network is homogeneous", "네트워크는 균질하다");
    }

    /** Acks every copy; counts copies it already had. */
    static final class Receiver implements Node {
        final java.util.Set<Integer> got = new java.util.TreeSet<>();
        int duplicates;

        @Override
        public void onMessage(Context ctx, Address from, byte[] message) {
            int seq = CODEC.decode(message, Data.class).seq();
            if (!got.add(seq)) {
                duplicates++;
            }
            ctx.send(from, CODEC.encode(new Ack(seq)));
        }
    }

    /** One peer's retransmission timer: fixed, or RFC 6298 with Karn's rule. */
    static final class Rto {
        final boolean adaptive;
        long rto = TUNED_ON_FAST_LINK.toNanos();
        long srtt = -1;
        long rttvar;

        Rto(boolean adaptive) {
            this.adaptive = adaptive;
        }

        void sample(long r) {
            if (!adaptive) {
                return;
            }
            if (srtt < 0) {
                srtt = r;
                rttvar = r / 2;
            } else {
                rttvar = (3 * rttvar + Math.abs(srtt - r)) / 4;
                srtt = (7 * srtt + r) / 8;
            }
            rto = Math.min(MAX_RTO, Math.max(MIN_RTO, srtt + 4 * rttvar));
        }

        void backOff() {
            if (adaptive) {
                rto = Math.min(MAX_RTO, rto * 2);
            }
        }
    }

    /** Sends n messages to each peer, one at a time per peer (stop and wait), retransmitting on timeout. */
    static final class Sender implements Node {
        final int n;
        final Map<Address, Rto> rto = new TreeMap<>();
        final Map<Address, Integer> current = new TreeMap<>();
        final Map<Address, Long> sentAt = new TreeMap<>();
        final Map<Address, Boolean> retransmitted = new TreeMap<>();
        final Map<Address, Integer> retransmissions = new TreeMap<>();

        Sender(int n, boolean adaptive) {
            this.n = n;
            for (Address p : List.of(FAST, SLOW)) {
                rto.put(p, new Rto(adaptive));
                retransmissions.put(p, 0);
            }
        }

        @Override
        public void onStart(Context ctx) {
            for (Address p : rto.keySet()) {
                current.put(p, 1);
                transmit(ctx, p, false);
            }
        }

        private void transmit(Context ctx, Address p, boolean again) {
            int seq = current.get(p);
            ctx.send(p, CODEC.encode(new Data(seq)));
            if (again) {
                retransmissions.merge(p, 1, Integer::sum);
                retransmitted.put(p, true);
            } else {
                retransmitted.put(p, false);
                sentAt.put(p, ctx.clock().monotonicNanos());
            }
            ctx.setTimer(Duration.ofNanos(rto.get(p).rto), new Tag(p, seq));
        }

        record Tag(Address peer, int seq) {
        }

        @Override
        public void onTimer(Context ctx, Object tag) {
            Tag t = (Tag) tag;
            if (current.get(t.peer()) == t.seq()) { // still unacknowledged
                rto.get(t.peer()).backOff();
                transmit(ctx, t.peer(), true);
            }
        }

        @Override
        public void onMessage(Context ctx, Address from, byte[] message) {
            int seq = CODEC.decode(message, Ack.class).seq();
            if (current.get(from) != seq) {
                return; // an ack for an older copy
            }
            if (!retransmitted.get(from)) { // Karn: only an unambiguous ack is a round-trip sample
                rto.get(from).sample(ctx.clock().monotonicNanos() - sentAt.get(from));
            }
            if (seq < n) {
                current.put(from, seq + 1);
                transmit(ctx, from, false);
            } else {
                current.put(from, 0); // done with this peer
            }
        }

        boolean done() {
            return !current.isEmpty() && current.values().stream().allMatch(s -> s == 0); // empty: not started yet
        }
    }

    public static Result naive(long seed, int n) {
        return run(seed, n, false);
    }

    public static Result fix(long seed, int n) {
        return run(seed, n, true);
    }

    private static Result run(long seed, int n, boolean adaptive) {
        Simulation sim = new Simulation(seed);
        sim.trace().setEnabled(false);
        Address s = sim.addNode("S", () -> new Sender(n, adaptive));
        sim.addNode(FAST, Receiver::new);
        sim.addNode(SLOW, Receiver::new);
        LinkFaults fast = LinkFaults.none().withDelay(Duration.ofMillis(1));
        LinkFaults slow = LinkFaults.none().withDelay(Delay.uniform(Duration.ofMillis(40), Duration.ofMillis(60)));
        sim.network().setBoth(s, FAST, fast);
        sim.network().setBoth(s, SLOW, slow);
        Sender sender = sim.node(s, Sender.class);
        sim.runUntil(sender::done, Duration.ofMinutes(10));
        return new Result(n, sender.retransmissions.get(FAST), sender.retransmissions.get(SLOW),
                sim.node(FAST, Receiver.class).duplicates, sim.node(SLOW, Receiver.class).duplicates,
                sender.rto.get(SLOW).rto);
    }

    @Override
    public Outcome run(long seed, boolean quick) {
        int n = quick ? 30 : 200;
        Result naive = naive(seed, n);
        Result fix = fix(seed, n);
        return new Outcome(
                List.of(String.format(t("S sends %d messages, one at a time, to F (1 ms each way) and to L (40..60 ms each way); nothing is lost.",
                                "S가 메시지 %d개를 하나씩 F (편도 1 ms)와 L (편도 40..60 ms)에게 보낸다; 잃는 것은 없다."), n),
                        String.format(t("The timeout was tuned on the fast link: %d ms.", "타임아웃은 빠른 링크에 맞춰 조정했다: %d ms."),
                                TUNED_ON_FAST_LINK.toMillis())),
                List.of(String.format(t("one fixed %d ms timeout for every peer: %d needless retransmissions to L (L discarded %d copies), %d to F.",
                        "모든 피어에 고정된 타임아웃 %d ms 하나: L에게 불필요한 재전송 %d번 (L은 사본 %d개를 버렸다), F에게 %d번."),
                        TUNED_ON_FAST_LINK.toMillis(), naive.retransmissionsToSlow(), naive.duplicatesAtSlow(),
                        naive.retransmissionsToFast())),
                List.of(String.format(t("per-peer adaptive timeout (RFC 6298 + Karn): %d retransmissions to L (L discarded %d), %d to F;",
                                "피어마다 적응하는 타임아웃 (RFC 6298 + Karn): L에게 재전송 %d번 (L은 %d개를 버렸다), F에게 %d번;"),
                                fix.retransmissionsToSlow(), fix.duplicatesAtSlow(), fix.retransmissionsToFast()),
                        String.format(t("the timeout for L at the end of the run: %s.", "실행이 끝날 때 L의 타임아웃: %s."), Trace.formatNanos(fix.finalRtoSlowNanos()))),
                naive.retransmissionsToSlow() > n,
                fix.retransmissionsToSlow() * 10 <= naive.retransmissionsToSlow() && fix.retransmissionsToFast() == 0,
                t("one timeout, tuned on the fast link, for all peers", "빠른 링크에 맞춘 타임아웃 하나를 모든 피어에"),
                t("per-peer adaptive timeout (RFC 6298 + Karn)", "피어마다 적응하는 타임아웃 (RFC 6298 + Karn)"));
    }
}
