package dev.dbinternals.ch08.harness.demo;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.sim.Delay;
import dev.dbinternals.ch08.harness.sim.LinkFaults;
import dev.dbinternals.ch08.harness.sim.Simulation;
import dev.dbinternals.ch08.harness.sim.Trace;
import dev.dbinternals.ch08.harness.sim.TraceEvent.Kind;
import static dev.dbinternals.ch08.harness.lang.Lang.t;

import java.nio.ByteBuffer;
import java.time.Duration;

/**
 * Demo 1: ping-pong over a lossy link. The pinger retransmits until each pong comes back;
 * the trace shows every loss, and the same seed replays the same run.
 *
 * <p>Book: Chapter 8, "Network Partitions and Partial Failures" (네트워크 파티션과 부분 장애) and
 * "Fair-loss link" (공정 손실 링크): a lost message and a slow one look the same to the sender.
 *
 * <p>A program with a {@code main}; not meant to be shared between threads.
 *
 * <p>Run: {@code ./ch08 demo ch08-harness ping-pong [--loss 0.3] [--seed N] [--quick]}
 */
public final class Demo01LossyPingPong {

    private Demo01LossyPingPong() {
    }

    public static void main(String[] argv) {
        DemoArgs args = DemoArgs.forDemo("ping-pong", "ping-pong over a lossy link, replayable by seed",
                        "손실이 있는 링크 위의 핑퐁, 시드로 재현할 수 있다")
                .doubleOption("loss", 0.3, 0, 0.95, "probability that a frame is lost",
                        "프레임을 잃을 확률")
                .intOption("pings", 20, 1, 100_000, "how many pings to complete (at most 12 with --quick)",
                        "완료할 핑의 수 (--quick이면 최대 12)")
                .flag("chaos", "also duplicate and corrupt frames, crash B at 8 ms, restart it at 14 ms, pause A at 16 ms",
                        "프레임 중복과 손상도 더하고, 8 ms에 B를 충돌시키고 14 ms에 재시작하며, 16 ms에 A를 일시 정지시킨다")
                .parse(argv);
        boolean chaos = args.flagValue("chaos");
        double loss = args.doubleValue("loss");
        int pings = args.intValue("pings");
        if (args.quick()) {
            pings = Math.min(pings, 12);
        }

        DemoArgs.heading(System.out, t("A sends " + pings + " pings to B over a link that loses " + (int) (loss * 100)
                + "% of frames (seed " + args.seed() + ")",
                "A가 프레임의 " + (int) (loss * 100) + "%를 잃는 링크로 B에게 핑 " + pings + "개를 보낸다 (시드 " + args.seed() + ")"));
        System.out.println(t("A retransmits a ping after 5 ms without its pong; B answers every ping it gets.",
                "A는 5 ms 동안 퐁이 없으면 핑을 재전송하고, B는 받은 핑마다 답한다."));
        if (chaos) {
            System.out.println(t("Chaos on: 20% duplication, 10% corruption, B crashes at 8 ms and restarts at 14 ms, A pauses at 16 ms.",
                    "혼돈 모드: 중복 20%, 손상 10%, B는 8 ms에 충돌하고 14 ms에 재시작하며, A는 16 ms에 일시 정지한다."));
        }
        Simulation sim = run(args.seed(), loss, pings, chaos);
        PingPong.Pinger a = sim.node(Address.of("A"), PingPong.Pinger.class);
        PingPong.Ponger b = sim.node(Address.of("B"), PingPong.Ponger.class);

        DemoArgs.heading(System.out, t("The trace (messages only)", "트레이스 (메시지만)"));
        System.out.print(sim.trace().toText(Trace.messagesOnly()));

        DemoArgs.heading(System.out, t("What happened", "무슨 일이 있었나"));
        var s = sim.stats();
        System.out.printf(t("finished at %s of virtual time: %d pongs for %d pings sent (%d retransmissions)%n",
                "가상 시간 %1$s에 끝났다: 보낸 핑 %3$d개에 퐁 %2$d개 (재전송 %4$d개)%n"),
                Trace.formatNanos(sim.nowNanos()), a.pongs(), a.sent(), a.sent() - pings);
        System.out.printf(t("frames: %d sent, %d delivered, %d lost; B handled %d pings (every copy it got, retransmissions included)%n",
                "프레임: 전송 %d, 전달 %d, 손실 %d; B가 처리한 핑 %d개 (재전송을 포함해 받은 사본 모두)%n"),
                s.sent(), s.delivered(), s.dropped(), b.pings());
        System.out.println(t("A cannot tell a lost ping from a lost pong: both look like silence. B may see a ping twice.",
                "A는 잃어버린 핑과 잃어버린 퐁을 구별할 수 없다: 둘 다 침묵으로 보인다. B는 같은 핑을 두 번 볼 수 있다."));

        DemoArgs.heading(System.out, t("Same seed, same run", "같은 시드, 같은 실행"));
        long again = run(args.seed(), loss, pings, chaos).trace().hash();
        System.out.printf(t("trace hash %s; replayed: %016x -> %s%n", "트레이스 해시 %s; 재현: %016x -> %s%n"), sim.trace().hashHex(), again,
                again == sim.trace().hash() ? t("identical", "동일") : t("DIFFERENT (a bug!)", "다름 (버그다!)"));
        long other = run(args.seed() + 1, loss, pings, chaos).trace().hash();
        System.out.printf(t("with seed %d: %016x (%s)%n", "시드 %d: %016x (%s)%n"), args.seed() + 1, other,
                other != again ? t("another seed, another run", "다른 시드, 다른 실행")
                        : t("the same hash as seed " + args.seed(), "시드 " + args.seed() + "의 해시와 같다"));
        Diagrams.write(args.out(), "ping-pong", t("Ping-pong over a lossy link (seed " + args.seed() + ")",
                "손실이 있는 링크 위의 핑퐁 (시드 " + args.seed() + ")"), sim.trace(),
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
