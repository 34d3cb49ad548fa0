package dev.dbinternals.ch08.links;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.demo.DemoArgs;
import dev.dbinternals.ch08.harness.sim.LinkFaults;
import dev.dbinternals.ch08.harness.sim.Simulation;
import dev.dbinternals.ch08.links.check.LinkChecks;
import dev.dbinternals.ch08.links.check.LinkEvent;
import dev.dbinternals.ch08.links.check.LinkEvents;
import dev.dbinternals.ch08.links.check.LinkLog;
import dev.dbinternals.ch08.links.check.LinkNode;
import dev.dbinternals.ch08.links.ladder.LinkStats;
import dev.dbinternals.ch08.links.ladder.PerfectLink;
import java.time.Duration;

/**
 * Demo 05: the perfect link at work, with three scripted faults, each visible in the diagram.
 *
 * <p>Book: Chapter 8, Links → Message order (메시지 순서): a lost message is retransmitted, a
 * duplicate is ignored, and an out-of-order message is held in the reorder buffer and released
 * when the gap fills. A sends m1..m4, one every 5 ms, and the network's scripted faults
 * ({@code dropNext}, {@code duplicateNext}, the same whatever the seed) drop m1's first frame,
 * deliver m3's frame twice (B ignores the second copy: m3 is already waiting), and drop B's ack
 * of m1's retransmission (so A sends m1 a third time: a duplicate, which B acknowledges again and
 * does not deliver).
 *
 * <p>Run: {@code ./ch08 demo links perfect-link} or
 * {@code java -cp ... dev.dbinternals.ch08.links.Demo05PerfectLink [--seed N] [--out DIR]}.
 */
public final class Demo05PerfectLink {

    private Demo05PerfectLink() {
    }

    public static void main(String[] argv) {
        DemoArgs args = DemoArgs.forDemo("perfect-link", "A perfect link: lost message retransmitted, duplicate ignored, out-of-order held and released",
                "퍼펙트 링크: 잃은 메시지는 재전송, 중복은 무시, 순서가 어긋난 메시지는 잡아 두었다가 내보낸다").parse(argv);
        Simulation sim = new Simulation(args.seed());
        sim.trace().setPayloadFormat(LinkEvents::describeFrame);
        LinkLog log = new LinkLog();
        Address b = Address.of("B");
        Duration period = Duration.ofMillis(20);
        Address a = sim.addNode("A", () -> new LinkNode(l -> new PerfectLink(period, l),
                LinkNode.Workload.burst(b, 4).withInterval(Duration.ofMillis(5)), log).narrated());
        sim.addNode("B", () -> new LinkNode(l -> new PerfectLink(period, l), LinkNode.Workload.none(), log).narrated());
        sim.network().setDefaults(LinkFaults.none().withDelay(Duration.ofMillis(2)));
        // scripted faults, one frame each, the same whatever the seed:
        sim.network().dropNext(a, b); // m1's first DATA frame
        sim.at(Duration.ofMillis(7), () -> sim.network().duplicateNext(a, b)); // the next A->B frame: m3's, sent at 10 ms
        sim.at(Duration.ofMillis(21), () -> sim.network().dropNext(b, a)); // the next B->A frame: the ack of m1's retransmission

        DemoArgs.heading(System.out, t("Demo 05 · perfect link (퍼펙트 링크), seed " + args.seed(),
                "데모 05 · 퍼펙트 링크(perfect link), 시드 " + args.seed()));
        System.out.println(t("A sends m1..m4 every 5 ms and, every 20 ms, resends what is not yet acknowledged; 2 ms network delay.",
                "A가 m1..m4를 5 ms마다 전송하고, 20 ms마다 아직 확인 응답을 받지 못한 것을 다시 보낸다. 네트워크 지연 2 ms."));
        System.out.println(t("Scripted faults: the network drops m1's first frame, delivers m3's frame twice, and drops the ack",
                "정해 둔 장애: 네트워크가 m1의 첫 프레임을 버리고, m3의 프레임을 두 번 전달하고,"));
        System.out.println(t("of m1's retransmission.", "m1 재전송에 대한 확인 응답을 버린다."));
        LinkNode receiver = sim.node(b, LinkNode.class);
        String last = "";
        while (sim.nowNanos() < 120_000_000L) {
            sim.runFor(Duration.ofMillis(1));
            PerfectLink rl = receiver.link(PerfectLink.class);
            PerfectLink.ReceiverState st = rl.receiverState(a);
            String now = String.format(t("B: n_consecutive=%d n_processed=%d buffered=%d delivered=%d duplicates ignored=%d",
                    "B: n_consecutive=%d n_processed=%d 버퍼=%d 전달=%d 무시한 중복=%d"),
                    st.nConsecutive(), st.nProcessed(), st.buffered(), rl.stats().delivered, rl.stats().duplicatesDropped);
            if (!now.equals(last)) {
                System.out.printf("t=%8s  %s%n", DemoOutput.ms(sim.nowNanos()), now);
                last = now;
            }
        }
        DemoArgs.heading(System.out, t("What happened", "무슨 일이 있었나"));
        LinkStats as = sim.node(a, LinkNode.class).link().stats();
        LinkStats bs = receiver.link().stats();
        System.out.printf(t("A: %d messages, %d transmissions (%d retransmissions), %d acks received%n",
                "A: 메시지 %d개, 전송 %d번 (재전송 %d번), 받은 확인 응답 %d개%n"),
                as.sent, as.transmissions, as.retransmissions, as.acksReceived);
        System.out.printf(t("B: %d delivered, %d held out of order, %d duplicates ignored, %d acks sent%n",
                "B: 전달 %d개, 순서가 어긋나 잡아 둔 것 %d개, 무시한 중복 %d개, 보낸 확인 응답 %d개%n"),
                bs.delivered, bs.heldOutOfOrder, bs.duplicatesDropped, bs.acksSent);
        System.out.println(t("B delivered, in order: ", "B가 순서대로 전달한 것: ") + log.events().stream()
                .filter(e -> e.kind() == LinkEvent.Kind.DELIVER).map(LinkEvent::message).toList());
        LinkChecks.perfectLink(log.events()).forEach(r -> System.out.println("  " + r));
        System.out.println(t("Read the diagram: m1's first DATA frame is dropped; m2, m3 and m4 wait in B's reorder buffer, and the",
                "다이어그램 읽기: m1의 첫 DATA 프레임이 버려지고, m2, m3, m4는 B의 재정렬 버퍼에서 기다리며,"));
        System.out.println(t("network's second copy of m3 is ignored (already waiting); m1's retransmission releases all four; its ack",
                "네트워크가 만든 m3의 두 번째 사본은 무시된다 (이미 기다리는 중). m1의 재전송이 넷을 모두 내보내지만, 그 확인 응답이"));
        System.out.println(t("is lost, so A sends m1 once more: B ignores that duplicate too and acknowledges it again (cumulative",
                "손실되어 A가 m1을 한 번 더 보낸다: B는 이 중복도 무시하고 다시 확인 응답한다 (누적"));
        System.out.println(t("ack n_consecutive=4).", "확인 응답 n_consecutive=4)."));
        DemoArgs.heading(System.out, t("Diagrams", "다이어그램"));
        DemoOutput.diagrams(args, "perfect-link", t("Perfect link: retransmit, dedup, reorder", "퍼펙트 링크: 재전송, 중복 제거, 재정렬"), sim.trace(), DemoOutput.NO_TIMERS);
    }
}
