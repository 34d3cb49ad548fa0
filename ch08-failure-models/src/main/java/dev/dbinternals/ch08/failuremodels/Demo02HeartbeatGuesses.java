package dev.dbinternals.ch08.failuremodels;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.demo.DemoArgs;
import dev.dbinternals.ch08.harness.demo.Diagrams;
import dev.dbinternals.ch08.harness.sim.LinkFaults;
import dev.dbinternals.ch08.harness.sim.Simulation;
import dev.dbinternals.ch08.harness.sim.TraceEvent;
import dev.dbinternals.ch08.harness.sim.TraceEvent.Kind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Demo 2: a heartbeat failure detector suspects four processes; only one of them crashed.
 *
 * <p>Book: Chapter 8, "Need to Handle Failures" (장애 처리: 하트비트 프로토콜, 장애 검출기): the
 * reason a process does not answer may be a crash, a pause, a slow process or a slow link;
 * a detector only guesses. Run: {@code ./ch08 demo ch08-failure-models heartbeats [--quick]}
 */
public final class Demo02HeartbeatGuesses {

    private Demo02HeartbeatGuesses() {
    }

    public static void main(String[] argv) {
        DemoArgs args = DemoArgs.forDemo("heartbeats", "a heartbeat detector cannot tell pause, slowness, delay and crash apart")
                .option("timeout", "300", "the detector's timeout in ms").parse(argv);
        long timeoutMs = optionOrExit(args, () -> args.getLong("timeout", 50, 10_000));
        Simulation sim = new Simulation(args.seed());
        sim.trace().setPayloadFormat(Messages.CODEC::describe);
        Address monitor = Address.of("monitor");
        List<String> log = new ArrayList<>();
        sim.addNode(monitor, MonitorNode.with(() -> new TimeoutDetector(Duration.ofMillis(timeoutMs), TimeSource.MONOTONIC),
                Duration.ofMillis(10), (peer, s) -> log.add(String.format("%7.3f s  %s %s", sim.nowNanos() / 1e9,
                        s ? "SUSPECTS" : "trusts again", peer))));
        Address gc = sim.addNode("S1-gc", () -> new HeartbeatSender(List.of(monitor), Duration.ofMillis(100)));
        Address slow = sim.addNode("S2-slow", () -> new HeartbeatSender(List.of(monitor), Duration.ofMillis(100)));
        Address far = sim.addNode("S3-delay", () -> new HeartbeatSender(List.of(monitor), Duration.ofMillis(100)));
        Address dead = sim.addNode("S4-crash", () -> new HeartbeatSender(List.of(monitor), Duration.ofMillis(100)));

        sim.at(Duration.ofMillis(1000), () -> sim.pause(gc, Duration.ofMillis(700)));
        sim.at(Duration.ofMillis(2000), () -> sim.setSlowness(slow, 45_000)); // 450 ms per handler
        sim.at(Duration.ofMillis(2900), () -> sim.setSlowness(slow, 1));
        sim.at(Duration.ofMillis(3500), () -> sim.network().set(far, monitor, LinkFaults.none().withDelay(Duration.ofMillis(600))));
        sim.at(Duration.ofMillis(4000), () -> sim.network().set(far, monitor, LinkFaults.none()));
        sim.at(Duration.ofMillis(4500), () -> sim.crash(dead));

        DemoArgs.heading(System.out, "4 processes send a heartbeat every 100 ms; the monitor suspects after " + timeoutMs + " ms of silence");
        System.out.println("What really happens (the monitor does not know this):");
        System.out.println("  1.0 s  S1 stops for a 700 ms GC pause");
        System.out.println("  2.0 s  S2 becomes slow: every handler takes 450 ms, until 2.9 s");
        System.out.println("  3.5 s  S3's link to the monitor delays frames by 600 ms, for 500 ms");
        System.out.println("  4.5 s  S4 crashes, for good");
        sim.runFor(Duration.ofSeconds(6));
        System.out.println("\nWhat the monitor concluded:");
        log.forEach(l -> System.out.println("  " + l));
        System.out.println("\nEach suspicion came " + timeoutMs + " ms or so after the last heartbeat arrived: at the moment of");
        System.out.println("suspicion all of them look exactly alike. Every suspicion of S1, S2 and S3 was wrong (a false");
        System.out.println("positive) and was taken back when a heartbeat came; S4's was never taken back. A longer timeout");
        System.out.println("would have avoided some mistakes and detected the crash later: demo 4 measures that trade.");
        Diagrams.write(args.out(), "heartbeats", "Heartbeats: a pause, a slow node, a slow link, a crash", sim.trace(),
                (TraceEvent e) -> e.kind() != Kind.TIMER_SET && e.kind() != Kind.TIMER_FIRE
                        && e.timeNanos() > 800_000_000L && e.timeNanos() < 5_200_000_000L
                        && !(e.kind() == Kind.SEND || e.kind() == Kind.DELIVER) || isInteresting(e));
    }

    /** A bad option value exits with status 2 and the usage, like a bad flag. */
    static long optionOrExit(DemoArgs args, java.util.function.LongSupplier value) {
        try {
            return value.getAsLong();
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(args.usage());
            System.exit(2);
            return 0;
        }
    }

    private static boolean isInteresting(TraceEvent e) {
        // keep the diagram readable: only heartbeats around the interesting moments
        long t = e.timeNanos() / 1_000_000;
        return (e.kind() == Kind.SEND || e.kind() == Kind.DELIVER)
                && ((t >= 950 && t <= 1800) || (t >= 3350 && t <= 4150) || (t >= 4350 && t <= 4900));
    }
}
