package dev.dbinternals.ch08.twogenerals;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

import dev.dbinternals.ch08.harness.demo.DemoArgs;
import dev.dbinternals.ch08.harness.render.Mermaid;
import dev.dbinternals.ch08.harness.sim.TraceEvent;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Demo 4 of the Two Generals' Problem (두 장군 문제): within one connection TCP behaves much like a
 * perfect link. A retransmits the order until acknowledged (the engineering refinement of a
 * stubborn link, what TCP does inside one connection). On a lossy link the generals usually agree
 * (the demo prints how often); hold the acknowledgements up past dawn and they disagree, although
 * the order arrived and an acknowledgement gets through once the partition heals.
 *
 * <p>Run: {@code ./ch08 demo two-generals perfect-link}.
 */
public final class Demo04PerfectLinkIsNotAgreement {

    public static void main(String[] args) throws IOException {
        DemoArgs a = DemoArgs.forDemo("two-generals-perfect-link",
                "a reliable (retransmitting) link still leaves the generals disagreeing at dawn",
                "신뢰할 수 있는 (재전송하는) 링크로도 새벽에 두 장군의 결정이 어긋날 수 있다").parse(args);
        int seeds = a.quick() ? 200 : 2000;
        PrintStream out = System.out;
        out.println(t("A sends \"attack at dawn\" and retransmits it every " + PerfectLinkIsNotAgreement.RETRANSMIT.toMillis()
                + " ms until B's acknowledgement arrives; B acknowledges",
                "A는 \"attack at dawn\"(새벽에 공격)을 보내고, B의 확인 응답(acknowledgement)이 올 때까지 "
                + PerfectLinkIsNotAgreement.RETRANSMIT.toMillis() + " ms마다 재전송(retransmission)한다."));
        out.println(t("every copy. Dawn is at " + PerfectLinkIsNotAgreement.DAWN.toMillis()
                + " ms: A attacks if acknowledged by then, B if it has the order.",
                "B는 받은 사본마다 확인 응답을 보낸다. 새벽은 " + PerfectLinkIsNotAgreement.DAWN.toMillis()
                + " ms다. A는 그때까지 확인 응답을 받았으면, B는 명령을 받았으면 공격한다."));

        DemoArgs.heading(out, t("1. Lossy link (30% of messages lost each way), " + seeds + " seeds",
                "1. 손실이 있는 링크 (방향마다 메시지의 30%를 잃는다), 시드 " + seeds + "개"));
        int disagree = 0;
        long messages = 0;
        for (long s = 1; s <= seeds; s++) {
            var o = PerfectLinkIsNotAgreement.lossy(0.3, s, false);
            messages += o.a().sent() + o.b().sent();
            if (!o.agreement()) {
                disagree++;
            }
        }
        out.printf(t("disagreements: %d of %d runs (%.1f%%); %.1f messages per run on average%n",
                "불일치: 실행 %2$d개 중 %1$d개 (%3$.1f%%), 실행당 평균 메시지 %4$.1f개%n"), disagree, seeds,
                100.0 * disagree / seeds, (double) messages / seeds);
        out.printf(t("expected: %.1f%% = P(none of the 5 round trips before dawn completes) - P(no order arrives at all)%n",
                "기댓값: %.1f%% = P(새벽 전 왕복 5번이 하나도 끝나지 않음) - P(명령이 한 번도 도착하지 않음)%n"),
                100 * PerfectLinkIsNotAgreement.disagreementOdds(0.3));
        out.println("         = (0.3 + 0.7 * 0.3)^5 - 0.3^5");
        out.println(t("Retransmission makes the link look perfect, and " + (2 * disagree < seeds ? "most" : "not even most")
                + " runs agree. But with a deadline, every",
                "재전송 덕분에 링크는 퍼펙트 링크(perfect link)처럼 보이고, " + (2 * disagree < seeds ? "실행 대부분이 일치한다."
                : "그래도 일치하는 실행이 절반을 넘지 못한다.") + " 하지만 마감이 있으면,"));
        out.println(t("acknowledgement before dawn can be lost while an order got through: B attacks alone.",
                "명령은 도착했는데 새벽 전의 확인 응답이 모두 사라질 수 있다. 그러면 B만 공격한다."));

        DemoArgs.heading(out, t("2. No loss at all, but B → A is cut until 2 s (after dawn), seed " + a.seed(),
                "2. 손실은 전혀 없지만 B → A 가 2 s (새벽 이후)까지 끊긴다, 시드 " + a.seed()));
        var o = PerfectLinkIsNotAgreement.acknowledgementsHeldUntil(Duration.ofSeconds(2), a.seed());
        out.println(o.simulation().trace().toText(e -> e.kind() == TraceEvent.Kind.NOTE
                || e.kind() == TraceEvent.Kind.PARTITION || e.kind() == TraceEvent.Kind.HEAL
                || (e.kind() == TraceEvent.Kind.DELIVER && e.timeNanos() < Duration.ofMillis(20).toNanos())
                || (e.kind() == TraceEvent.Kind.DELIVER && e.node().name().equals("General A"))));
        out.println(t("outcome at dawn: " + o.outcome() + "; A acknowledged in the end: " + o.a().acknowledged(),
                "새벽의 결과: " + Words.outcome(o.outcome()) + ", 결국 A가 확인 응답을 받았는가: " + Words.yes(o.a().acknowledged())));
        out.println();
        out.println(o.b().heardOrder() && o.a().acknowledged()
                ? t("The order arrived, and after the heal an acknowledgement got through: retransmission kept its"
                + "\npromise, eventually.",
                "명령은 도착했고, 파티션이 풀린 뒤에는 확인 응답도 건너갔다. 재전송은 약속을 지켰다,"
                + "\n결국에는.")
                : t("(In this run the order arrived: " + o.b().heardOrder() + "; A acknowledged in the end: "
                + o.a().acknowledged() + ".)",
                "(이 실행에서 명령이 도착했는가: " + Words.yes(o.b().heardOrder()) + ", 결국 A가 확인 응답을 받았는가: "
                + Words.yes(o.a().acknowledged()) + ".)"));
        out.println(t("A perfect link promises delivery between correct processes, at some time; not that the",
                "퍼펙트 링크가 약속하는 것은 올바른 프로세스 사이의 전달(delivery)이 언젠가 일어난다는 것이다."));
        out.println(t("sender knows by dawn, and not that both know that both know. TCP is the same: when a",
                "보낸 쪽이 새벽까지 그 사실을 안다는 것도, 둘 다 알고 있음을 둘 다 안다는 것도 약속하지 않는다."));
        out.println(t("connection stalls or breaks, the sender cannot tell which of its last bytes the other",
                "TCP도 같다. 연결이 멈추거나 끊기면, 보낸 쪽은 마지막에 보낸 바이트 중 어디까지를 상대"));
        out.println(t("application acted on.", "애플리케이션이 처리했는지 알 수 없다."));

        Files.createDirectories(a.out());
        Path file = a.out().resolve("acks-after-dawn.mmd");
        Files.writeString(file, Mermaid.sequenceDiagram(o.simulation().trace(),
                e -> e.kind() == TraceEvent.Kind.NOTE || e.kind() == TraceEvent.Kind.HEAL
                        || e.kind() == TraceEvent.Kind.PARTITION || e.kind() == TraceEvent.Kind.DELIVER
                        || e.kind() == TraceEvent.Kind.DROP), StandardCharsets.UTF_8);
        out.println();
        out.println(t("wrote " + file, "썼다: " + file));
    }
}
