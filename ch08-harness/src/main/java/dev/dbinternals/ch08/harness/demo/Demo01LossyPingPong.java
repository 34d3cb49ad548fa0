package dev.dbinternals.ch08.harness.demo;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.sim.Delay;
import dev.dbinternals.ch08.harness.sim.LinkFaults;
import dev.dbinternals.ch08.harness.sim.Simulation;
import dev.dbinternals.ch08.harness.sim.Trace;
import dev.dbinternals.ch08.harness.sim.TraceEvent.Kind;
import java.nio.ByteBuffer;
import java.time.Duration;

/**
 * Demo 1: ping-pong over a lossy link. The pinger retransmits until each pong comes back;
 * the trace shows every loss, and the same seed replays the same run.
 *
 * <p>Book: Chapter 8, "Network Partitions and Partial Failures" (네트워크 파티션과 부분 장애) and
 * "Fair-loss link" (손실 허용 링크): a lost message and a slow one look the same to the sender.
 *
 * <p>A program with a {@code main}; not meant to be shared between threads.
 *
 * <p>Run: {@code ./ch08 demo ch08-harness ping-pong [--loss 0.3] [--seed N] [--quick]}
 */
public final class Demo01LossyPingPong {

    private Demo01LossyPingPong() {
    }

    public static void main(String[] argv) {
        DemoArgs args = DemoArgs.forDemo("ping-pong", "ping-pong over a lossy link, replayable by seed")
                .doubleOption("loss", 0.3, 0, 0.95, "probability that a frame is lost")
                .intOption("pings", 20, 1, 100_000, "how many pings to complete (at most 12 with --quick)")
                .flag("chaos", "also duplicate and corrupt frames, crash B at 8 ms, restart it at 14 ms, pause A at 16 ms")
                .parse(argv);
        boolean chaos = args.flagValue("chaos");
        double loss = args.doubleValue("loss");
        int pings = args.intValue("pings");
        if (args.quick()) {
            pings = Math.min(pings, 12);
        }

        DemoArgs.heading(System.out, "A sends " + pings + " pings to B over a link that loses " + (int) (loss * 100)
                + "% of frames (seed " + args.seed() + ")");
        System.out.println("A retransmits a ping after 5 ms without its pong; B answers every ping it gets.");
        if (chaos) {
            System.out.println("Chaos on: 20% duplication, 10% corruption, B crashes at 8 ms and restarts at 14 ms, A pauses at 16 ms.");
        }
        Simulation sim = run(args.seed(), loss, pings, chaos);
        PingPong.Pinger a = sim.node(Address.of("A"), PingPong.Pinger.class);
        PingPong.Ponger b = sim.node(Address.of("B"), PingPong.Ponger.class);

        DemoArgs.heading(System.out, "The trace (messages only)");
        System.out.print(sim.trace().toText(Trace.messagesOnly()));

        DemoArgs.heading(System.out, "What happened");
        var s = sim.stats();
        System.out.printf("finished at %s of virtual time: %d pongs for %d pings sent (%d retransmissions)%n",
                Trace.formatNanos(sim.nowNanos()), a.pongs(), a.sent(), a.sent() - pings);
        System.out.printf("frames: %d sent, %d delivered, %d lost; B handled %d pings (every copy it got, retransmissions included)%n",
                s.sent(), s.delivered(), s.dropped(), b.pings());
        System.out.println("A cannot tell a lost ping from a lost pong: both look like silence. B may see a ping twice.");

        DemoArgs.heading(System.out, "Same seed, same run");
        long again = run(args.seed(), loss, pings, chaos).trace().hash();
        System.out.printf("trace hash %s; replayed: %016x -> %s%n", sim.trace().hashHex(), again,
                again == sim.trace().hash() ? "identical" : "DIFFERENT (a bug!)");
        long other = run(args.seed() + 1, loss, pings, chaos).trace().hash();
        System.out.printf("with seed %d: %016x (%s)%n", args.seed() + 1, other,
                other != again ? "another seed, another run" : "the same hash as seed " + args.seed());
        Diagrams.write(args.out(), "ping-pong", "Ping-pong over a lossy link (seed " + args.seed() + ")", sim.trace(),
                e -> e.kind() != Kind.TIMER_SET && e.kind() != Kind.TIMER_CANCEL);
    }

    static Simulation run(long seed, double loss, int pings, boolean chaos) {
        Simulation sim = new Simulation(seed);
        Address b = Address.of("B");
        Address a = sim.addNode("A", () -> new PingPong.Pinger(b, pings, Duration.ofMillis(5)));
        sim.addNode(b, PingPong.Ponger::new);
        LinkFaults faults = LinkFaults.none().withLoss(loss).withDelay(Delay.uniform(Duration.ofMillis(1), Duration.ofMillis(2)));
        if (chaos) {
            faults = faults.withDuplication(0.2).withCorruption(0.1);
            sim.at(Duration.ofMillis(8), () -> sim.crash(b));
            sim.at(Duration.ofMillis(14), () -> sim.restart(b));
            sim.at(Duration.ofMillis(16), () -> sim.pause(a, Duration.ofMillis(2)));
        }
        sim.network().setDefaults(faults);
        sim.trace().setPayloadFormat(p -> p.length == 8 ? "n=" + ByteBuffer.wrap(p).getLong() : Trace.defaultPayload(p));
        sim.runUntil(() -> sim.node(Address.of("A"), PingPong.Pinger.class).done(), Duration.ofMinutes(10));
        return sim;
    }
}
