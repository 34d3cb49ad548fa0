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

import static dev.dbinternals.ch08.harness.lang.Lang.t;

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
        DemoArgs args = DemoArgs.forDemo("heartbeats", "a heartbeat detector cannot tell pause, slowness, delay and crash apart",
                        "하트비트 장애 검출기는 일시 정지, 느린 처리, 지연, 충돌을 구별하지 못한다")
                .longOption("timeout", 300, 50, 10_000, "the detector's timeout in ms", "장애 검출기의 타임아웃(ms)").parse(argv);
        long timeoutMs = args.longValue("timeout");
        Simulation sim = new Simulation(args.seed());
        sim.trace().setPayloadFormat(Messages.CODEC::describe);
        Address monitor = Address.of("monitor");
        List<String> log = new ArrayList<>();
        java.util.Map<Address, int[]> counts = new java.util.TreeMap<>(); // peer -> {suspicions, taken back}
        sim.addNode(monitor, MonitorNode.with(() -> new TimeoutDetector(Duration.ofMillis(timeoutMs), TimeSource.MONOTONIC),
                Duration.ofMillis(10), (peer, s) -> {
                    log.add(String.format("%7.3f s  %s %s", sim.nowNanos() / 1e9, s ? t("SUSPECTS", "의심 시작") : t("trusts again", "다시 신뢰"), peer));
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

        DemoArgs.heading(System.out, t("4 processes send a heartbeat every 100 ms; the monitor suspects after " + timeoutMs + " ms of silence",
                "프로세스 4개가 100 ms마다 하트비트를 보낸다. 모니터는 " + timeoutMs + " ms 동안 소식이 없으면 의심한다"));
        System.out.println(t("What really happens (the monitor does not know this):", "실제로 일어나는 일(모니터는 모른다):"));
        System.out.println(t("  1.0 s  S1 stops for a 700 ms GC pause", "  1.0 s  S1이 700 ms 동안 GC로 멈춘다"));
        System.out.println(t("  2.0 s  S2 becomes slow: every handler takes 450 ms, until 2.9 s",
                "  2.0 s  S2가 느려진다: 2.9 s까지 핸들러 하나가 450 ms씩 걸린다"));
        System.out.println(t("  3.5 s  S3's link to the monitor delays frames by 600 ms, for 500 ms",
                "  3.5 s  S3에서 모니터로 가는 링크가 500 ms 동안 프레임을 600 ms씩 지연시킨다"));
        System.out.println(t("  4.5 s  S4 crashes, for good", "  4.5 s  S4가 충돌하고 다시 돌아오지 않는다"));
        sim.runFor(Duration.ofSeconds(6));
        System.out.println(t("\nWhat the monitor concluded:", "\n모니터가 내린 결론:"));
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
        System.out.println(t("Each suspicion came when the process had been silent for just over " + timeoutMs + " ms: at that",
                "의심은 매번 프로세스가 " + timeoutMs + " ms를 조금 넘게 조용했을 때 나왔다. 그 순간 모니터는"));
        System.out.println(t("moment the monitor cannot tell a pause, a slow handler, a slow link and a crash apart. In this",
                "일시 정지, 느린 핸들러, 느린 링크, 충돌을 구별할 수 없다. 이번 실행에서는"));
        System.out.printf(t("run it suspected %d of the 3 live processes %d time(s) in all (false positives; %d taken back%n",
                        "살아 있는 프로세스 3개 중 %d개를 합해서 %d번 의심했고(오탐, 하트비트가 와서 %d번 철회),%n"),
                wrongedProcesses, falseOnes, takenBack);
        System.out.printf(t("when a heartbeat came), and the crashed S4 %s.%n", "충돌한 S4는 %s.%n"), crashed[0] > crashed[1]
                ? t("for good", "끝까지 의심했다") : crashed[0] == 0 ? t("not at all (the run ended first)", "의심하지 않았다(실행이 먼저 끝났다)")
                : t("and then trusted it again", "의심했다가 다시 신뢰했다"));
        boolean withoutPause = counts.getOrDefault(slow, new int[2])[0] + counts.getOrDefault(far, new int[2])[0] > 0;
        if (withoutPause) {
            System.out.println(t("Of the three disturbances only S1's was a pause: a slow handler (S2) or a delayed link (S3) was",
                    "세 가지 교란 중 일시 정지는 S1뿐이었다. 느린 핸들러(S2)나 지연된 링크(S3)만으로도 충분했으니,"));
            System.out.println(t("enough, so a timeout is accurate only while delay and processing stay bounded within it.",
                    "타임아웃은 지연과 처리 시간이 그 안에 머무는 동안에만 정확하다."));
            System.out.println(t("A longer timeout would have avoided some mistakes and detected the crash later: demo 4",
                    "타임아웃이 더 길었다면 실수 일부를 피하고 충돌은 더 늦게 검출했을 것이다. 이 맞교환은"));
            System.out.println(t("measures that trade.", "데모 4가 잰다."));
        } else {
            System.out.println(t("With this timeout neither the slow handler nor the delayed link lasted long enough to be",
                    "이 타임아웃에서는 느린 핸들러도 지연된 링크도 의심받을 만큼 오래 가지 않았다."));
            System.out.println(t("suspected; a shorter one would have mistaken them too, and detected the crash sooner:",
                    "더 짧은 타임아웃이었다면 이들도 오인했고 충돌은 더 빨리 검출했을 것이다."));
            System.out.println(t("demo 4 measures that trade.", "이 맞교환은 데모 4가 잰다."));
        }
        Diagrams.write(args.out(), "heartbeats", t("Heartbeats: a pause, a slow node, a slow link, a crash",
                "하트비트: 일시 정지, 느린 노드, 느린 링크, 충돌"), sim.trace(),
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
