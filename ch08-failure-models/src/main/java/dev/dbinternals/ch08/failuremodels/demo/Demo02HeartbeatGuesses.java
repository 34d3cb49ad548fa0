package dev.dbinternals.ch08.failuremodels.demo;

import dev.dbinternals.ch08.failuremodels.Messages;
import dev.dbinternals.ch08.failuremodels.clocks.TimeSource;
import dev.dbinternals.ch08.failuremodels.detectors.HeartbeatSender;
import dev.dbinternals.ch08.failuremodels.detectors.MonitorNode;
import dev.dbinternals.ch08.failuremodels.detectors.TimeoutDetector;
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
                .longOption("timeout", 300, 50, 10_000, "the detector's timeout in ms").parse(argv);
        long timeoutMs = args.longValue("timeout");
        Simulation sim = new Simulation(args.seed());
        sim.trace().setPayloadFormat(Messages.CODEC::describe);
        Address monitor = Address.of("monitor");
        List<String> log = new ArrayList<>();
        java.util.Map<Address, int[]> counts = new java.util.TreeMap<>(); // peer -> {suspicions, taken back}
        sim.addNode(monitor, MonitorNode.with(() -> new TimeoutDetector(Duration.ofMillis(timeoutMs), TimeSource.MONOTONIC),
                Duration.ofMillis(10), (peer, s) -> {
                    log.add(String.format("%7.3f s  %s %s", sim.nowNanos() / 1e9, s ? "SUSPECTS" : "trusts again", peer));
                    counts.computeIfAbsent(peer, p -> new int[2])[s ? 0 : 1]++;
                }));
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
        int falseOnes = 0;
        int takenBack = 0;
        int wrongedProcesses = 0;
        for (Address live : List.of(gc, slow, far)) {
            int[] c = counts.getOrDefault(live, new int[2]);
            falseOnes += c[0];
            takenBack += c[1];
            wrongedProcesses += c[0] > 0 ? 1 : 0;
        }
        int[] crashed = counts.getOrDefault(dead, new int[2]);
        System.out.println();
        System.out.println("Each suspicion came when the process had been silent for just over " + timeoutMs + " ms: at that");
        System.out.println("moment the monitor cannot tell a pause, a slow handler, a slow link and a crash apart. In this");
        System.out.printf("run it suspected %d of the 3 live processes %d time(s) in all (false positives; %d taken back%n",
                wrongedProcesses, falseOnes, takenBack);
        System.out.printf("when a heartbeat came), and the crashed S4 %s.%n", crashed[0] > crashed[1]
                ? "for good" : crashed[0] == 0 ? "not at all (the run ended first)" : "and then trusted it again");
        boolean withoutPause = counts.getOrDefault(slow, new int[2])[0] + counts.getOrDefault(far, new int[2])[0] > 0;
        if (withoutPause) {
            System.out.println("Of the three disturbances only S1's was a pause: a slow handler (S2) or a delayed link (S3) was");
            System.out.println("enough, so a timeout is accurate only while delay and processing stay bounded within it.");
            System.out.println("A longer timeout would have avoided some mistakes and detected the crash later: demo 4");
            System.out.println("measures that trade.");
        } else {
            System.out.println("With this timeout neither the slow handler nor the delayed link lasted long enough to be");
            System.out.println("suspected; a shorter one would have mistaken them too, and detected the crash sooner:");
            System.out.println("demo 4 measures that trade.");
        }
        Diagrams.write(args.out(), "heartbeats", "Heartbeats: a pause, a slow node, a slow link, a crash", sim.trace(),
                (TraceEvent e) -> e.kind() != Kind.TIMER_SET && e.kind() != Kind.TIMER_FIRE
                        && e.timeNanos() > 800_000_000L && e.timeNanos() < 5_200_000_000L
                        && !(e.kind() == Kind.SEND || e.kind() == Kind.DELIVER) || isInteresting(e));
    }

    private static boolean isInteresting(TraceEvent e) {
        // keep the diagram readable: only heartbeats around the interesting moments
        long t = e.timeNanos() / 1_000_000;
        return (e.kind() == Kind.SEND || e.kind() == Kind.DELIVER)
                && ((t >= 950 && t <= 1800) || (t >= 3350 && t <= 4150) || (t >= 4350 && t <= 4900));
    }
}
