package dev.dbinternals.ch08.links;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

import dev.dbinternals.ch08.harness.lang.Columns;
import dev.dbinternals.ch08.harness.demo.DemoArgs;
import dev.dbinternals.ch08.harness.sim.Delay;
import dev.dbinternals.ch08.harness.sim.LinkFaults;
import dev.dbinternals.ch08.links.check.FrameFates;
import dev.dbinternals.ch08.links.check.LinkPair;
import dev.dbinternals.ch08.links.ladder.AckingLink;
import dev.dbinternals.ch08.links.ladder.Frame;
import java.time.Duration;
import java.util.Map;

/**
 * Demo 02: acknowledgements with sequence numbers, and what the sender still cannot know.
 *
 * <p>Book: Chapter 8, Links → Message acknowledgements (메시지 확인 응답). A sends m1..m12 once;
 * B acknowledges every message by its sequence number; 30 % of frames are lost both ways. A's
 * view splits in two: ACKNOWLEDGED (certain) and AWAITING_ACK, and the trace shows that
 * AWAITING_ACK hides different truths: the message was lost, or delivered with its ack lost.
 */
public final class Demo02Acknowledgements {

    private Demo02Acknowledgements() {
    }

    public static void main(String[] argv) {
        DemoArgs args = DemoArgs.forDemo("acks", "Acknowledgements with sequence numbers: the sender's view of each message",
                "시퀀스 번호를 단 확인 응답: 메시지마다 송신자가 보는 것").parse(argv);
        LinkPair p = LinkPair.create(args.seed(), AckingLink::new, 12, 0, true);
        p.sim().network().setDefaults(LinkFaults.none().withLoss(0.3)
                .withDelay(Delay.uniform(Duration.ofMillis(1), Duration.ofMillis(20))));
        DemoArgs.heading(System.out, t("Demo 02 · acknowledgements (메시지 확인 응답), seed " + args.seed(),
                "데모 02 · 메시지 확인 응답(acknowledgement), 시드 " + args.seed()));
        System.out.println(t("A sends m1..m12 once; B acks each by sequence number. Loss 30 % both ways, delay 1-20 ms.",
                "A가 m1..m12를 한 번씩 전송하고, B는 각각을 시퀀스 번호로 확인 응답한다. 양방향 손실 30 %, 지연 1-20 ms."));
        long snapshot = 15_000_000L;
        p.sim().runFor(Duration.ofNanos(snapshot));
        table(p, snapshot, t("At t=" + DemoOutput.ms(snapshot), "t=" + DemoOutput.ms(snapshot) + " 시점"));
        p.sim().runFor(Duration.ofMillis(100));
        table(p, Long.MAX_VALUE, t("At the end", "끝"));
        System.out.println();
        System.out.println(t("ACKNOWLEDGED is certain: B sends an ack only for a message it delivered. AWAITING_ACK covers 'lost',",
                "ACKNOWLEDGED는 확실하다: B는 전달한 메시지에만 확인 응답을 보낸다. AWAITING_ACK에는 '손실',"));
        System.out.println(t("'delivered but the ack was lost' and, while frames fly, 'not there yet': the sender cannot tell which.",
                "'전달됐지만 확인 응답이 손실', 그리고 프레임이 날아가는 동안의 '아직 도착 전'이 섞여 있고, 송신자는 어느 쪽인지 모른다."));
        System.out.println(t("Retransmission (Demo03) is the remedy for loss, and it turns the 'delivered, ack lost' rows into",
                "손실의 처방은 재전송(Demo03)이고, 재전송은 '전달됐지만 확인 응답 손실' 행을"));
        System.out.println(t("duplicates at B (Demo04).", "B에서의 중복으로 바꾼다 (Demo04)."));
        DemoArgs.heading(System.out, t("Diagrams", "다이어그램"));
        DemoOutput.diagrams(args, "acks", t("Acknowledgements: 12 messages, 30% loss both ways", "확인 응답: 메시지 12개, 양방향 손실 30%"), p.sim().trace(), DemoOutput.NO_TIMERS);
    }

    /** What the table's title says about the frames still on the wire: computed, never assumed. */
    static String inFlightNote(long framesInFlight) {
        return framesInFlight == 0 ? t("no frame in flight: every message and ack has arrived or is lost",
                "전송 중인 프레임 없음: 모든 메시지와 확인 응답이 도착했거나 손실됐다")
                : t(framesInFlight + " frame(s) still in flight", "아직 전송 중인 프레임 " + framesInFlight + "개");
    }

    private static void table(LinkPair p, long until, String title) {
        Map<Long, AckingLink.SenderView> view = p.sender().link(AckingLink.class).senderView();
        Map<Long, FrameFates.Fate> data = FrameFates.of(p.sim().trace(), Frame.Kind.DATA, until);
        Map<Long, FrameFates.Fate> acks = FrameFates.of(p.sim().trace(), Frame.Kind.ACK, until);
        long inFlight = data.values().stream().filter(f -> f == FrameFates.Fate.IN_FLIGHT).count()
                + data.entrySet().stream().filter(e -> e.getValue() == FrameFates.Fate.DELIVERED)
                        .filter(e -> acks.getOrDefault(e.getKey(), FrameFates.Fate.IN_FLIGHT) == FrameFates.Fate.IN_FLIGHT).count();
        // padded by terminal columns, not characters, so the Korean cells line up (Hangul is two columns wide)
        System.out.printf("%n%s (%s):%n  %s %s %s %s%n", title, inFlightNote(inFlight), Columns.left(t("msg", "메시지"), 6),
                Columns.left(t("A's view", "A가 아는 것"), 14), Columns.left(t("message", "메시지"), 12), t("its ack", "그 확인 응답"));
        view.forEach((seq, v) -> System.out.printf("  %-6s %-14s %s %s%n", "m" + seq, v,
                Columns.left(data.getOrDefault(seq, FrameFates.Fate.IN_FLIGHT).text(), 12),
                data.get(seq) == FrameFates.Fate.DELIVERED ? acks.getOrDefault(seq, FrameFates.Fate.IN_FLIGHT).text() : "-"));
    }
}
