package dev.dbinternals.ch08.failuremodels.demo;

import dev.dbinternals.ch08.failuremodels.omission.OmissionRun;
import dev.dbinternals.ch08.failuremodels.omission.OmissionRun.Outcome;
import dev.dbinternals.ch08.failuremodels.omission.OmissionRun.Scenario;
import dev.dbinternals.ch08.harness.lang.Columns;
import dev.dbinternals.ch08.harness.demo.DemoArgs;
import dev.dbinternals.ch08.harness.demo.Diagrams;
import dev.dbinternals.ch08.harness.sim.TraceEvent;
import dev.dbinternals.ch08.harness.sim.TraceEvent.Kind;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

/**
 * Demo 7: a fire-and-forget primary under four omission faults; it believes everything was
 * replicated every time.
 *
 * <p>Book: Chapter 8, "Omission Faults" (누락). Run:
 * {@code ./ch08 demo ch08-failure-models omissions [--quick]}
 */
public final class Demo07Omissions {

    private Demo07Omissions() {
    }

    public static void main(String[] argv) {
        DemoArgs args = DemoArgs.forDemo("omissions", "send and receive omissions under a fire-and-forget primary",
                "보내고 잊는(fire-and-forget) 주 노드 아래의 송신 누락과 수신 누락").parse(argv);
        DemoArgs.heading(System.out, t("A primary sends updates 1.." + OmissionRun.UPDATES + " to a backup, one every 5 ms, each once",
                "주 노드가 백업에 갱신 1.." + OmissionRun.UPDATES + "번을 5 ms마다 하나씩, 각각 한 번만 보낸다"));
        // padded by terminal columns, not characters, so the Korean header and descriptions line up
        System.out.printf("%s | %s | %s | %s | %s | %s%n", Columns.left(t("scenario", "시나리오"), 20), Columns.left(t("what goes wrong", "무엇이 잘못되는가"), 54),
                Columns.right(t("believed", "믿은 수"), 8), Columns.right(t("applied", "적용"), 7), Columns.right(t("missing", "누락"), 7),
                t("where the missing ones went", "누락된 것의 행방"));
        for (Scenario s : Scenario.values()) {
            Outcome o = OmissionRun.run(s, args.seed());
            StringBuilder where = new StringBuilder();
            o.networkDrops().forEach((reason, n) -> where.append(n).append(t(" dropped: ", "개 버려짐: ")).append(reason).append("  "));
            if (o.receiveOmissions() > 0) {
                where.append(o.receiveOmissions()).append(t(" receive omissions (buffer full)", "개 수신 누락(버퍼 가득 참)"));
            }
            System.out.printf("%-20s | %s | %8d | %7d | %7d | %s%n", s, Columns.left(s.description(), 54), o.believedReplicated(),
                    o.applied(), o.missing(), where.toString().trim());
            if (s == Scenario.FULL_RECEIVE_BUFFER) {
                Diagrams.write(args.out(), "receive-omission", t("Receive omissions at a backup with a full buffer",
                        "버퍼가 가득 찬 백업의 수신 누락"),
                        o.sim().trace(), (TraceEvent e) -> e.timeNanos() < 120_000_000L
                                && e.kind() != Kind.TIMER_SET && e.kind() != Kind.TIMER_FIRE);
            }
        }
        System.out.println();
        System.out.println(t("'believed' is the primary's count of updates sent: send() returns as if every one arrived.",
                "'믿은 수'는 주 노드가 보낸 갱신의 수다: send()는 모두 도착한 것처럼 반환한다."));
        System.out.println(t("Where a message disappears decides the name: QUEUE_FULL is a send omission (the frame never",
                "메시지가 어디서 사라졌는지가 이름을 정한다: QUEUE_FULL은 송신 누락(프레임이 보낸 쪽 큐를"));
        System.out.println(t("left the sender's queue), LOSS and PARTITION are omissions on the link, and a frame that",
                "떠나지 못했다), LOSS와 PARTITION은 링크에서의 누락, 도착했지만 받는 쪽 버퍼가 가득 차 있던"));
        System.out.println(t("arrived but found the receiver's buffer full is a receive omission. To the primary they are",
                "프레임은 수신 누락이다. 주 노드에게는 모두 똑같은 침묵이며, 확인 응답과 재전송(ch08-links)이"));
        System.out.println(t("all the same silence; only acknowledgements and retransmission (ch08-links) make it notice.",
                "있어야만 알아챌 수 있다."));
    }
}
