package dev.dbinternals.ch08.links;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

import dev.dbinternals.ch08.harness.lang.Columns;
import dev.dbinternals.ch08.harness.Address;
import dev.dbinternals.ch08.harness.demo.DemoArgs;
import dev.dbinternals.ch08.harness.sim.Delay;
import dev.dbinternals.ch08.harness.sim.LinkFaults;
import dev.dbinternals.ch08.links.check.FrameFates;
import dev.dbinternals.ch08.links.check.LinkChecks;
import dev.dbinternals.ch08.links.check.LinkEvents;
import dev.dbinternals.ch08.links.check.LinkPair;
import dev.dbinternals.ch08.links.ladder.FairLossLink;
import dev.dbinternals.ch08.links.ladder.Frame;
import java.time.Duration;
import java.util.Map;

/**
 * Demo 01: a fair-loss link, and a sender who cannot know what became of its messages.
 *
 * <p>Book: Chapter 8, Links → Fair-loss link (공정 손실 링크). A sends m1..m16 once over a
 * network that loses 30 % of frames and delays the rest by 1 to 40 ms. At 12 ms we stop and
 * compare what A knows (nothing: "sent") with the truth read from the trace: each message is
 * either not yet delivered, lost for good, or delivered. The three properties of the link are
 * then checked over the whole run.
 */
public final class Demo01FairLoss {

    private Demo01FairLoss() {
    }

    public static void main(String[] argv) {
        DemoArgs args = DemoArgs.forDemo("fair-loss", "A fair-loss link: the sender cannot tell in flight, lost and delivered apart",
                "공정 손실 링크: 송신자는 전송 중, 손실, 전달됨을 구별하지 못한다").parse(argv);
        LinkPair p = LinkPair.create(args.seed(), FairLossLink::new, 16, 0, true);
        p.sim().network().setDefaults(LinkFaults.none().withLoss(0.3)
                .withDelay(Delay.uniform(Duration.ofMillis(1), Duration.ofMillis(40))));
        DemoArgs.heading(System.out, t("Demo 01 · fair-loss link (공정 손실 링크), seed " + args.seed(),
                "데모 01 · 공정 손실 링크(fair-loss link), 시드 " + args.seed()));
        System.out.println(t("A sends m1..m16 once, at time 0. Loss 30 %, delay 1-40 ms.",
                "A가 시각 0에 m1..m16을 한 번씩 전송한다. 손실 30 %, 지연 1-40 ms."));
        long snapshot = 12_000_000L;
        p.sim().runFor(Duration.ofNanos(snapshot));
        Map<Long, FrameFates.Fate> then = FrameFates.of(p.sim().trace(), Frame.Kind.DATA, snapshot);
        // padded by terminal columns, not characters, so the Korean cells line up (Hangul is two columns wide)
        System.out.printf(t("%nAt t=%s:%n  %s %s %s%n", "%nt=%s 시점:%n  %s %s %s%n"), DemoOutput.ms(snapshot), Columns.left(t("message", "메시지"), 8),
                Columns.left(t("A's view", "A가 아는 것"), 22), t("the truth (from the trace)", "실제 (트레이스에서 읽음)"));
        then.forEach((seq, fate) -> System.out.printf("  %-8s %s %s%n", "m" + seq, Columns.left(t("sent, no news", "전송함, 소식 없음"), 22), fate.text()));
        System.out.println(t("A's column is the same for every row: a fair-loss link tells the sender nothing.",
                "A의 열은 모든 행이 같다: 공정 손실 링크는 송신자에게 아무것도 알려 주지 않는다."));
        p.sim().runFor(Duration.ofMillis(100));
        Map<Long, FrameFates.Fate> end = FrameFates.of(p.sim().trace(), Frame.Kind.DATA, Long.MAX_VALUE);
        long lost = end.values().stream().filter(f -> f == FrameFates.Fate.LOST).count();
        System.out.printf(t("%nAt the end: %d of 16 delivered, %d lost for good (nobody retransmits).%n",
                "%n끝: 16개 중 %d개 전달, %d개는 영영 손실 (아무도 재전송하지 않는다).%n"), 16 - lost, lost);
        DemoArgs.heading(System.out, t("The fair-loss link's properties over this run", "이 실행에서 공정 손실 링크의 속성"));
        var h = LinkEvents.fairLossLink(p.sim().trace());
        System.out.println("  " + LinkChecks.finiteDuplication(h, 9));
        System.out.println("  " + LinkChecks.noCreation(h) + t("  (only messages actually sent are delivered)", "  (실제로 전송된 메시지만 전달된다)"));
        System.out.println("  " + LinkChecks.fairLoss(h, 40) + t("  (vacuous here: no message was sent 40 times; see Demo03)",
                "  (여기서는 공허하게 성립: 40번 전송된 메시지가 없다. Demo03 참고)"));
        System.out.println(t("Note: the study notes render no creation, in paraphrase, as: a message that was not sent can be delivered.",
                "참고: 스터디 노트는 생성 없음을, 풀어 말하면 '전송되지 않은 메시지도 전달될 수 있다'로 옮겼다."));
        System.out.println(t("The correct property is the opposite: a link delivers ONLY messages that were sent.",
                "올바른 속성은 그 반대다: 링크는 전송된 메시지만 전달한다."));
        DemoArgs.heading(System.out, t("Diagrams", "다이어그램"));
        DemoOutput.diagrams(args, "fair-loss", t("Fair-loss link: 16 messages sent once", "공정 손실 링크: 메시지 16개를 한 번씩 전송"), p.sim().trace(), DemoOutput.NO_TIMERS);
    }
}
