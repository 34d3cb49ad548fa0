package dev.dbinternals.ch08.links;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.sim.Delay;
import dev.dbinternals.ch08.harness.sim.LinkFaults;
import dev.dbinternals.ch08.harness.sim.Simulation;
import dev.dbinternals.ch08.links.check.LinkEvents;
import dev.dbinternals.ch08.links.check.LinkLog;
import dev.dbinternals.ch08.links.check.LinkNode;
import dev.dbinternals.ch08.links.check.LinkPair;
import dev.dbinternals.ch08.links.exactlyonce.DeliverySemantics;
import dev.dbinternals.ch08.links.exactlyonce.EffectReceiver;
import dev.dbinternals.ch08.links.exactlyonce.EffectTally;
import dev.dbinternals.ch08.links.exactlyonce.PaymentClient;
import dev.dbinternals.ch08.links.exactlyonce.PaymentServer;
import dev.dbinternals.ch08.links.ladder.FairLossLink;
import dev.dbinternals.ch08.links.ladder.Link;
import dev.dbinternals.ch08.links.ladder.LinkListener;
import dev.dbinternals.ch08.links.ladder.StubbornLink;
import dev.dbinternals.ch08.links.ladder.WindowedPerfectLink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The simulated experiments shared by tests, demos and benchmarks, so each figure in the README
 * comes from the same code a test checks. Every method builds a fresh {@link Simulation} from
 * its seed: same arguments, same result.
 */
public final class Experiments {

    private Experiments() {
    }

    /** The result of the payments experiment: the server after the run, and the simulation for its trace. */
    public record PaymentRun(PaymentServer server, PaymentClient client, Simulation sim) {
    }

    /**
     * Problem with retransmits (재전송 문제): a client retries {@code charges} charges and 3 shutdown
     * requests at a payment server until each is answered; 30 % loss, 10 % duplication, 2-20 ms
     * delay, retry every 30 ms. Same seed, same faults, with or without server-side dedup.
     */
    public static PaymentRun payments(long seed, boolean dedup, int charges) {
        Simulation sim = new Simulation(seed);
        sim.network().setDefaults(LinkFaults.none().withLoss(0.3).withDuplication(0.1)
                .withDelay(Delay.uniform(Duration.ofMillis(2), Duration.ofMillis(20))));
        List<String> requests = new ArrayList<>();
        for (int i = 1; i <= charges; i++) {
            requests.add("CHARGE c" + i + " alice 100");
        }
        for (int i = 1; i <= 3; i++) {
            requests.add("SHUTDOWN s" + i);
        }
        Address server = sim.addNode("server", () -> new PaymentServer(dedup));
        Address client = sim.addNode("client", () -> new PaymentClient(server, Duration.ofMillis(30), requests));
        if (!sim.runUntil(() -> sim.node(client, PaymentClient.class).allAnswered(), Duration.ofSeconds(60))) {
            throw new AssertionError("not every request was answered within 60 s (seed " + seed + ")");
        }
        sim.runFor(Duration.ofMillis(50)); // stragglers still in the network arrive too
        return new PaymentRun(sim.node(server, PaymentServer.class), sim.node(client, PaymentClient.class), sim);
    }

    /**
     * Delivery semantics (정확히 한 번만 전달): {@code ops} operations from A to an
     * {@link EffectReceiver} B, with 20 % loss, 20 % duplication, 1-10 ms delay; if
     * {@code crashReceiver}, B crashes at 40 ms and restarts at 90 ms. At-most-once uses a
     * {@link FairLossLink} (no retries), the others a {@link WindowedPerfectLink} sender (retries until acked).
     */
    public static EffectTally semantics(long seed, DeliverySemantics semantics, boolean crashReceiver, int ops) {
        Simulation sim = new Simulation(seed);
        sim.setHandlerTime(Duration.ZERO);
        sim.network().setDefaults(LinkFaults.none().withLoss(0.2).withDuplication(0.2)
                .withDelay(Delay.uniform(Duration.ofMillis(1), Duration.ofMillis(10))));
        Address b = Address.of("B");
        WindowedPerfectLink.Config cfg = WindowedPerfectLink.Config.defaults().withWindow(8).withRetransmitTimeout(Duration.ofMillis(25));
        Address a = sim.addNode("A", () -> new LinkNode(semantics == DeliverySemantics.AT_MOST_ONCE
                ? FairLossLink::new : l -> new WindowedPerfectLink(cfg, l), LinkNode.Workload.burst(b, ops), new LinkLog(false)));
        sim.addNode("B", () -> new EffectReceiver(semantics));
        if (crashReceiver) {
            sim.at(Duration.ofMillis(40), () -> sim.crash(b));
            sim.at(Duration.ofMillis(90), () -> sim.restart(b));
        }
        LinkNode sender = sim.node(a, LinkNode.class);
        if (!sim.runUntil(() -> sim.nowNanos() > 100_000_000L && sender.doneSending()
                && (semantics == DeliverySemantics.AT_MOST_ONCE || sender.link(WindowedPerfectLink.class).allAcknowledged()),
                Duration.ofSeconds(120))) {
            throw new AssertionError(semantics + ": the sender did not finish within 120 s (seed " + seed + ")");
        }
        sim.runFor(Duration.ofMillis(200)); // let stray duplicates arrive
        return EffectTally.of(sim.node(b, EffectReceiver.class).effects(), ops);
    }

    /**
     * Crashes receiver B when its handler for message {@code seq} reaches {@code step} (B dies
     * there, by {@link Simulation#crashAfterHandler}), keeps it down 50 ms, restarts it and runs
     * until the sender has every message acknowledged.
     */
    public static EffectTally crashAt(DeliverySemantics semantics, EffectReceiver.Step step, long seq, int ops) {
        return crashRun(semantics, step, seq, ops).tally();
    }

    /** The outcome of {@link #crashRun}: the effects tallied, and the simulation for its trace. */
    public record CrashRun(EffectTally tally, Simulation sim) {
    }

    /** As {@link #crashAt}, keeping the simulation (for diagrams). */
    public static CrashRun crashRun(DeliverySemantics semantics, EffectReceiver.Step step, long seq, int ops) {
        Simulation sim = new Simulation(seq * 31 + step.ordinal());
        sim.trace().setPayloadFormat(LinkEvents::describeFrame);
        sim.setHandlerTime(Duration.ZERO);
        sim.network().setDefaults(LinkFaults.none().withDelay(Duration.ofMillis(2)));
        EffectReceiver.CrashPoint crash = new EffectReceiver.CrashPoint(step, seq);
        Address b = Address.of("B");
        WindowedPerfectLink.Config cfg = WindowedPerfectLink.Config.defaults().withWindow(4).withRetransmitTimeout(Duration.ofMillis(20));
        Address a = sim.addNode("A", () -> new LinkNode(l -> new WindowedPerfectLink(cfg, l), LinkNode.Workload.burst(b, ops), new LinkLog(false)));
        int[] lives = {0};
        sim.addNode("B", () -> new EffectReceiver(semantics, sim, lives[0]++ == 0 ? crash : null)); // only the first life dies
        if (!sim.runUntil(() -> sim.isCrashed(b), Duration.ofSeconds(10))) {
            throw new AssertionError("the crash point " + crash + " was never reached");
        }
        sim.runFor(Duration.ofMillis(50));
        sim.restart(b);
        LinkNode sender = sim.node(a, LinkNode.class);
        if (!sim.runUntil(() -> sender.doneSending() && sender.link(WindowedPerfectLink.class).allAcknowledged(), Duration.ofSeconds(30))) {
            throw new AssertionError("not everything was acknowledged after the restart (crash at " + crash + ")");
        }
        sim.runFor(Duration.ofMillis(50));
        return new CrashRun(EffectTally.of(sim.node(b, EffectReceiver.class).effects(), ops), sim);
    }

    /**
     * Transmissions per delivered message for a link over a network losing {@code loss} of the
     * frames (both ways), with 1 ms delay: {@code messages} messages, run until each was delivered
     * at least once (and, for a perfect link, acknowledged). Returns data frames sent divided by
     * the number of messages.
     */
    public static double transmissionsPerMessage(long seed, Function<LinkListener, Link> link, double loss, int messages) {
        LinkPair p = LinkPair.create(seed, link, messages, 0, false);
        p.sim().trace().setEnabled(false);
        p.sim().setHandlerTime(Duration.ZERO);
        p.sim().network().setDefaults(LinkFaults.none().withLoss(loss).withDelay(Duration.ofMillis(1)));
        boolean stubborn = p.sender().link() instanceof StubbornLink;
        p.sim().runUntil(() -> stubborn ? p.receiver().distinctDelivered() >= messages : p.perfectLinkDone(), Duration.ofHours(1));
        return (double) p.sender().link().stats().transmissions / messages;
    }
}
