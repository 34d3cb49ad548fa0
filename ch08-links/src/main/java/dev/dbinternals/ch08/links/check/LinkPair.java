package dev.dbinternals.ch08.links.check;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.sim.Simulation;
import dev.dbinternals.ch08.links.ladder.Link;
import dev.dbinternals.ch08.links.ladder.LinkListener;
import dev.dbinternals.ch08.links.ladder.PerfectLink;
import dev.dbinternals.ch08.links.ladder.WindowedPerfectLink;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * Two simulated processes joined by a link of one kind: {@code A} sends messages m1..mN to
 * {@code B}, both run the same link class, and a {@link LinkLog} records what the applications
 * sent and got. The building block of the tests, demos and benchmarks of this module.
 *
 * @param sim      the simulation (faults are set on {@code sim.network()})
 * @param a        the sender
 * @param b        the receiver
 * @param log      application-level sends and deliveries
 * @param messages how many messages A sends
 */
public record LinkPair(Simulation sim, Address a, Address b, LinkLog log, long messages) {

    /**
     * Builds the pair in a new simulation with {@code seed}. {@code link} is called once per node
     * instance (again after a restart), with that node as the listener.
     */
    public static LinkPair create(long seed, Function<LinkListener, Link> link, long messages, int payloadSize, boolean keepLog) {
        Simulation sim = new Simulation(seed);
        sim.trace().setPayloadFormat(LinkEvents::describeFrame);
        LinkLog log = new LinkLog(keepLog);
        Address b = Address.of("B");
        Address a = sim.addNode("A", () -> new LinkNode(link, new LinkNode.Workload(b, messages, payloadSize, Duration.ZERO), log));
        sim.addNode("B", () -> new LinkNode(link, LinkNode.Workload.none(), log));
        return new LinkPair(sim, a, b, log, messages);
    }

    /** A pair over the book's {@link PerfectLink}, resending every {@code retransmitPeriod}, keeping the full log. */
    public static LinkPair perfect(long seed, Duration retransmitPeriod, long messages) {
        return create(seed, l -> new PerfectLink(retransmitPeriod, l), messages, 0, true);
    }

    /** A pair over a {@link WindowedPerfectLink} with {@code config}, keeping the full log. */
    public static LinkPair windowed(long seed, WindowedPerfectLink.Config config, long messages) {
        return create(seed, l -> new WindowedPerfectLink(config, l), messages, 0, true);
    }

    public LinkNode sender() {
        return sim.node(a, LinkNode.class);
    }

    public LinkNode receiver() {
        return sim.node(b, LinkNode.class);
    }

    /** True once every message was handed to the link, delivered at B and acknowledged at A (either perfect link). */
    public boolean perfectLinkDone() {
        LinkNode s = sender();
        return s.doneSending() && receiver().deliveredCount() >= messages && allAcknowledged(s.link());
    }

    /** True if {@code link}, a {@link PerfectLink} or a {@link WindowedPerfectLink}, has every message it sent acknowledged. */
    public static boolean allAcknowledged(Link link) {
        return link instanceof PerfectLink p ? p.allAcknowledged() : ((WindowedPerfectLink) link).allAcknowledged();
    }

    public List<LinkEvent> history() {
        return log.events();
    }
}
