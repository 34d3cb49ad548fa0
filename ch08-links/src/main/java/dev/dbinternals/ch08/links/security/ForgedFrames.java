package dev.dbinternals.ch08.links.security;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.Context;
import dev.dbinternals.ch08.harness.Node;
import dev.dbinternals.ch08.harness.sim.LinkFaults;
import dev.dbinternals.ch08.harness.sim.Simulation;
import dev.dbinternals.ch08.links.check.CheckResult;
import dev.dbinternals.ch08.links.check.LinkChecks;
import dev.dbinternals.ch08.links.check.LinkEvent;
import dev.dbinternals.ch08.links.check.LinkEvents;
import dev.dbinternals.ch08.links.check.LinkLog;
import dev.dbinternals.ch08.links.check.LinkNode;
import dev.dbinternals.ch08.links.ladder.Frame;
import dev.dbinternals.ch08.links.ladder.Link;
import dev.dbinternals.ch08.links.ladder.LinkListener;
import dev.dbinternals.ch08.links.ladder.PerfectLink;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The experiments of Demo 12 ("the network is secure", on the perfect link), shared with its
 * test: an attacker on the path between A and B injects frames that claim to come from the
 * other end (UDP does not authenticate source addresses), built from the frames it saw.
 *
 * <p>Book: Chapter 8, Fallacies of distributed computing (분산 컴퓨팅의 오류), the fourth: the
 * network is secure. Each run: A sends m1..m6 to B over a {@link PerfectLink}, one every 5 ms,
 * 2 ms each way; optionally every frame is sealed by a {@link FrameAuthenticator} whose key the
 * attacker does not have. Not thread-safe (simulation).
 */
public final class ForgedFrames {

    private ForgedFrames() {
    }

    public static final int MESSAGES = 6;
    public static final String FORGED_PAYLOAD = "pay mallory 1000000";
    static final Duration PERIOD = Duration.ofMillis(20);
    private static final byte[] KEY = "a key A and B share, and nobody else".getBytes(StandardCharsets.UTF_8);

    /** What an attack achieved, computed from the run. */
    public record Outcome(List<String> sent, List<String> delivered, boolean senderSeesAllAcknowledged, List<String> lost,
                   List<String> created, long rejectedByMac, long implausibleAcks, long duplicatesDropped,
                   List<CheckResult> checks, Simulation sim) {
    }

    /** The kinds of forged acknowledgement. */
    public enum AckForgery {
        /** Acknowledges every message A sent (the attacker saw them pass): plausible numbers. */
        PLAUSIBLE,
        /** Acknowledges up to 1000, a number A never sent: what a blind forger, or a bit flip past the CRC, produces. */
        IMPLAUSIBLE
    }

    /**
     * An attacker injects into B, as if from A, a DATA frame with a valid CRC32C, the next
     * sequence number A will use and a payload nobody sent.
     */
    public static Outcome forgedData(long seed, boolean authenticated) {
        return run(seed, authenticated, false, Duration.ofMillis(13), (seen, sealed) -> {
            Frame f = Frame.data(seen.incarnation(), seen.seq() + 1, seen.upTo(), FORGED_PAYLOAD.getBytes(StandardCharsets.UTF_8));
            return withoutKey(f.encode(), sealed);
        }, Duration.ZERO);
    }

    /**
     * A→B is cut from 12 ms to 300 ms, so m4..m6 are lost; at 40 ms an attacker injects into A,
     * as if from B, an ACK with a valid CRC32C acknowledging what {@code forgery} says.
     */
    public static Outcome forgedAck(long seed, boolean authenticated, AckForgery forgery) {
        long upTo = forgery == AckForgery.PLAUSIBLE ? MESSAGES : 1000;
        return run(seed, authenticated, true, Duration.ofMillis(40), (seen, sealed) ->
                withoutKey(Frame.ack(seen.incarnation(), upTo, upTo, seen.receiverLife()).encode(), sealed), Duration.ofMillis(300));
    }

    /** An attacker records the first frame A sent to B (tag and all) and replays it to B at 100 ms. */
    public static Outcome replay(long seed, boolean authenticated) {
        return run(seed, authenticated, false, Duration.ofMillis(100), null, Duration.ZERO);
    }

    /** Without the key the best an attacker can do is append 32 bytes of its choice where the tag goes. */
    private static byte[] withoutKey(byte[] frame, boolean sealed) {
        return sealed ? Arrays.copyOf(frame, frame.length + FrameAuthenticator.TAG_BYTES) : frame;
    }

    private static Outcome run(long seed, boolean authenticated, boolean attackSender, Duration at,
                               BiFunction<Frame, Boolean, byte[]> forge, Duration cutUntil) {
        Simulation sim = new Simulation(seed);
        sim.trace().setPayloadFormat(authenticated
                ? bytes -> bytes.length > FrameAuthenticator.TAG_BYTES
                        ? LinkEvents.describeFrame(Arrays.copyOf(bytes, bytes.length - FrameAuthenticator.TAG_BYTES)) + "+tag"
                        : LinkEvents.describeFrame(bytes)
                : LinkEvents::describeFrame);
        sim.setHandlerTime(Duration.ZERO);
        LinkLog log = new LinkLog();
        Address a = Address.of("A");
        Address b = Address.of("B");
        java.util.function.Function<LinkListener, Link> link = l -> authenticated
                ? new AuthenticatedLink(new FrameAuthenticator(KEY), new PerfectLink(PERIOD, l)) : new PerfectLink(PERIOD, l);
        Attacker[] attacker = new Attacker[1];
        sim.addNode("A", () -> {
            Node n = new LinkNode(link, LinkNode.Workload.burst(b, MESSAGES).withInterval(Duration.ofMillis(5)), log);
            return attackSender ? attacker[0] = new Attacker(n, b, authenticated, at, forge) : n;
        });
        sim.addNode("B", () -> {
            Node n = new LinkNode(link, LinkNode.Workload.none(), log);
            return attackSender ? n : (attacker[0] = new Attacker(n, a, authenticated, at, forge));
        });
        sim.network().setDefaults(LinkFaults.none().withDelay(Duration.ofMillis(2)));
        if (!cutUntil.isZero()) {
            sim.at(Duration.ofMillis(12), () -> sim.network().partitionOneWay(Set.of(a), Set.of(b)));
            sim.at(cutUntil, () -> sim.network().heal());
        }
        sim.runFor(Duration.ofSeconds(3));
        LinkNode sender = (LinkNode) (attackSender ? attacker[0].inner : sim.node(a, Node.class));
        LinkNode receiver = (LinkNode) (attackSender ? sim.node(b, Node.class) : attacker[0].inner);
        List<String> sent = new ArrayList<>();
        List<String> delivered = new ArrayList<>();
        for (LinkEvent e : log.events()) {
            (e.kind() == LinkEvent.Kind.SEND ? sent : delivered).add(e.message());
        }
        List<String> lost = sent.stream().filter(m -> !delivered.contains(m)).toList();
        List<String> created = delivered.stream().filter(m -> !sent.contains(m)).toList();
        PerfectLink senderLink = perfect(sender.link());
        PerfectLink receiverLink = perfect(receiver.link());
        long rejected = rejected(sender.link()) + rejected(receiver.link());
        return new Outcome(List.copyOf(sent), List.copyOf(delivered), senderLink.allAcknowledged(), lost, created, rejected,
                senderLink.stats().implausibleAcksDropped, receiverLink.stats().duplicatesDropped,
                LinkChecks.perfectLink(log.events()), sim);
    }

    private static PerfectLink perfect(Link l) {
        return l instanceof AuthenticatedLink al ? (PerfectLink) al.inner() : (PerfectLink) l;
    }

    private static long rejected(Link l) {
        return l instanceof AuthenticatedLink al ? al.rejected() : 0;
    }

    /**
     * Wraps a node and, at a set time, hands it one frame claiming to come from {@code peer}:
     * forged from the last frame it saw from {@code peer}, or (with no forger) the first such
     * frame again, byte for byte (a replay).
     */
    static final class Attacker implements Node {
        private static final Object INJECT = new Object() {
            @Override
            public String toString() {
                return "attacker-inject";
            }
        };
        final Node inner;
        private final Address peer;
        private final boolean sealed;
        private final Duration at;
        private final BiFunction<Frame, Boolean, byte[]> forge;
        private byte[] first;
        private byte[] last;

        Attacker(Node inner, Address peer, boolean sealed, Duration at, BiFunction<Frame, Boolean, byte[]> forge) {
            this.inner = inner;
            this.peer = peer;
            this.sealed = sealed;
            this.at = at;
            this.forge = forge;
        }

        @Override
        public void onStart(Context ctx) {
            inner.onStart(ctx);
            ctx.setTimer(at, INJECT);
        }

        @Override
        public void onMessage(Context ctx, Address from, byte[] message) {
            if (from.equals(peer)) {
                first = first == null ? message.clone() : first;
                last = message.clone();
            }
            inner.onMessage(ctx, from, message);
        }

        @Override
        public void onTimer(Context ctx, Object tag) {
            if (tag != INJECT) {
                inner.onTimer(ctx, tag);
                return;
            }
            byte[] bytes;
            if (forge == null) {
                bytes = first;
                ctx.note("attacker replays, as from " + peer + ", the first frame it saw (" + bytes.length + " bytes, tag included)");
            } else {
                // the attacker reads the headers of what it saw; with a tag, it knows the tag is the last 32 bytes
                Frame seen = Frame.decode(sealed ? Arrays.copyOf(last, last.length - FrameAuthenticator.TAG_BYTES) : last);
                bytes = forge.apply(seen, sealed);
                Frame forged = Frame.decode(sealed ? Arrays.copyOf(bytes, bytes.length - FrameAuthenticator.TAG_BYTES) : bytes);
                ctx.note("attacker injects, as from " + peer + ": " + (forged.kind() == Frame.Kind.DATA ? forged.toString()
                        : "ACK#" + forged.seq() + "(n_consecutive=" + forged.upTo() + ")") + " with a valid CRC32C"
                        + (sealed ? " and a made-up tag" : ""));
            }
            inner.onMessage(ctx, peer, bytes);
        }
    }
}
