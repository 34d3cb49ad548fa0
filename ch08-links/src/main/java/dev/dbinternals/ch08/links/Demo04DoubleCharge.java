package dev.dbinternals.ch08.links;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

import dev.dbinternals.ch08.harness.demo.DemoArgs;
import dev.dbinternals.ch08.harness.sim.TraceEvent;
import dev.dbinternals.ch08.links.exactlyonce.PaymentServer;

/**
 * Demo 04: the double charge under at-least-once delivery, and its fix by deduplication.
 *
 * <p>Book: Chapter 8, Links → Problem with retransmits (재전송 문제). A client retries charge
 * requests and shutdown requests until it gets replies; 30 % of messages are lost and 10 %
 * duplicated. The shutdown is idempotent: however many copies arrive, it starts once. The
 * charge is not: every copy that reaches the server charges the card again, until the server
 * deduplicates by request id (an idempotency key) and answers a repeat with the stored reply.
 * Same seed, same faults, both servers.
 */
public final class Demo04DoubleCharge {

    private Demo04DoubleCharge() {
    }

    public static void main(String[] argv) {
        DemoArgs args = DemoArgs.forDemo("double-charge", "At-least-once delivery double-charges a card; dedup fixes it",
                "최소 한 번 전달은 카드를 이중 청구하고, 중복 제거가 이를 고친다").parse(argv);
        DemoArgs.heading(System.out, t("Demo 04 · the retransmission problem (재전송 문제), seed " + args.seed(),
                "데모 04 · 재전송 문제(problem with retransmits), 시드 " + args.seed()));
        System.out.println(t("A client sends 3 charges of 100 to alice and 3 shutdown requests, retrying every 30 ms until answered.",
                "클라이언트가 alice에게 100씩 청구 3건과 종료 요청 3건을 보내고, 응답이 올 때까지 30 ms마다 재시도한다."));
        System.out.println(t("Network: 30 % loss, 10 % duplication, 2-20 ms delay (a reply can be slower than the retry timer).",
                "네트워크: 손실 30 %, 중복 10 %, 지연 2-20 ms (응답이 재시도 타이머보다 늦을 수 있다)."));
        for (boolean dedup : new boolean[] {false, true}) {
            Experiments.PaymentRun run = Experiments.payments(args.seed(), dedup, 3);
            PaymentServer s = run.server();
            System.out.printf("%n%s:%n", dedup ? t("WITH dedup by request id (idempotency key)", "요청 ID(멱등 키)로 중복 제거함")
                    : t("WITHOUT dedup", "중복 제거 없음"));
            System.out.printf(t("  client attempts: %d for 6 requests%n", "  클라이언트 시도: 요청 6건에 %d번%n"), run.client().attempts());
            System.out.printf(t("  charges applied per request: %s -> alice charged %d (asked: 300), %d extra charge(s)%n",
                    "  요청별 적용된 청구: %s -> alice 청구액 %d (요청: 300), 초과 청구 %d건%n"),
                    s.chargesById(), s.chargedTo("alice"), s.doubleCharges());
            System.out.printf(t("  shutdown: %d request copies processed, shutdown started %d time(s) (idempotent)%n",
                    "  종료: 요청 사본 %d개 처리, 종료 시작 %d번 (멱등)%n"),
                    s.shutdownRequests(), s.shutdownStarts());
            DemoOutput.diagrams(args, dedup ? "charge-with-dedup" : "charge-without-dedup",
                    dedup ? t("Charges with dedup", "중복 제거한 청구") : t("Charges without dedup (double charge)", "중복 제거 없는 청구 (이중 청구)"), run.sim().trace(),
                    e -> e.kind() != TraceEvent.Kind.TIMER_SET && e.kind() != TraceEvent.Kind.TIMER_FIRE
                            && e.kind() != TraceEvent.Kind.TIMER_CANCEL && !(e.kind() == TraceEvent.Kind.NOTE && e.detail().startsWith("no reply")));
        }
        int seeds = args.quick() ? 20 : 200;
        long without = 0;
        long with = 0;
        for (long seed = 1; seed <= seeds; seed++) {
            without += Experiments.payments(seed, false, 20).server().doubleCharges();
            with += Experiments.payments(seed, true, 20).server().doubleCharges();
        }
        DemoArgs.heading(System.out, t("Over " + seeds + " seeds x 20 charges", "시드 " + seeds + "개 x 청구 20건"));
        System.out.printf(t("  extra charges without dedup: %d (%.1f per 100 charges asked for)%n", "  중복 제거 없을 때 초과 청구: %d건 (요청한 청구 100건당 %.1f건)%n"),
                without, 100.0 * without / (seeds * 20));
        System.out.printf(t("  extra charges with dedup:    %d%n", "  중복 제거했을 때 초과 청구: %d건%n"), with);
        System.out.println(t("Over a network that can lose any one message, sending again is how a reply gets through; it is safe",
                "어떤 메시지든 잃을 수 있는 네트워크에서는 다시 보내야 응답이 돌아온다. 그것이 안전한 경우는"));
        System.out.println(t("only for idempotent operations, or when the receiver deduplicates (Exercise links-4 builds the",
                "멱등 연산이거나 수신자가 중복을 제거할 때뿐이다 (연습 문제 links-4에서"));
        System.out.println(t("idempotency-key version).", "멱등 키 버전을 만든다)."));
    }
}
