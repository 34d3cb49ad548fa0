package dev.dbinternals.ch08.failuremodels.demo;

import dev.dbinternals.ch08.failuremodels.masking.MaskingRun;
import dev.dbinternals.ch08.failuremodels.masking.MaskingClient.Strategy;
import dev.dbinternals.ch08.failuremodels.masking.MaskingRun.Result;
import dev.dbinternals.ch08.harness.demo.DemoArgs;
import dev.dbinternals.ch08.harness.demo.Diagrams;
import dev.dbinternals.ch08.harness.sim.TraceEvent;
import dev.dbinternals.ch08.harness.sim.TraceEvent.Kind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static dev.dbinternals.ch08.harness.lang.Lang.t;

/**
 * Demo 11: three replicas, one crashes; what a user sees with no redundancy, failover,
 * fan-out and hedged requests.
 *
 * <p>Book: Chapter 8, "Handling Failures" (장애 처리), at the end of "Failure Models". Run:
 * {@code ./ch08 demo ch08-failure-models masking [--quick]}
 */
public final class Demo11MaskingWithRedundancy {

    private Demo11MaskingWithRedundancy() {
    }

    public static void main(String[] argv) {
        DemoArgs args = DemoArgs.forDemo("masking", "masking a crashed replica with redundancy, and its cost",
                "다중화로 충돌한 복제본을 가리기, 그리고 그 비용").parse(argv);
        int requests = args.quick() ? 600 : 3000;
        DemoArgs.heading(System.out, t(requests + " requests, one every 10 ms; 3 replicas; R1 crashes a third of the way in",
                "요청 " + requests + "개, 10 ms마다 하나. 복제본 3개. R1은 3분의 1 지점에서 충돌한다"));
        System.out.println(t("Links: long-tailed delay, median 2 ms, p99 20 ms each way. Timeout 100 ms, hedge after 10 ms.",
                "링크: 꼬리가 긴 지연, 편도 중앙값 2 ms, p99 20 ms. 타임아웃 100 ms, 10 ms 뒤 헤지(hedge)."));
        System.out.println();
        System.out.println(Result.header());
        Map<Strategy, Result> results = new EnumMap<>(Strategy.class);
        for (Strategy s : Strategy.values()) {
            Result r = MaskingRun.run(s, requests, args.seed());
            results.put(s, r);
            System.out.println(r);
        }
        System.out.println();
        narration(results).forEach(System.out::println);
        Result small = MaskingRun.run(Strategy.FAILOVER, 30, args.seed());
        Diagrams.write(args.out(), "failover", t("Failover: R1 crashes at 100 ms; the requests sent to it wait a full timeout",
                "장애 조치(failover): R1이 100 ms에 충돌한다. R1로 보낸 요청은 타임아웃을 꽉 채워 기다린다"),
                small.sim().trace(), (TraceEvent e) -> e.timeNanos() > 80_000_000L && e.timeNanos() < 260_000_000L
                        && e.kind() != Kind.TIMER_SET && e.kind() != Kind.TIMER_FIRE && e.kind() != Kind.TIMER_CANCEL);
    }

    /** The lines after the table, computed from each strategy's result (timeout 100 ms). */
    static List<String> narration(Map<Strategy, Result> r) {
        List<String> lines = new ArrayList<>();
        Result primary = r.get(Strategy.PRIMARY_ONLY);
        Result failover = r.get(Strategy.FAILOVER);
        Result fanOut = r.get(Strategy.FAN_OUT);
        Result hedged = r.get(Strategy.HEDGED);
        lines.add(String.format(t("PRIMARY_ONLY: %d of %d requests were errors the user saw: with no redundancy, every request%n"
                + "sent to the crashed R1 fails.",
                "PRIMARY_ONLY: 요청 %2$d개 중 %1$d개가 사용자에게 보인 오류였다: 다중화가 없으면 충돌한 R1로 보낸%n"
                + "요청은 모두 실패한다."), primary.failed(), primary.requests()));
        lines.add("FAILOVER" + (failover.failed() == 0 ? t(" hid the crash (no errors)", "는 충돌을 가렸다(오류 없음)")
                : t(" had " + failover.failed() + " errors", "는 오류가 " + failover.failed() + "개였다"))
                + (failover.maxMillis() >= 100
                        ? String.format(t(", but the requests in flight when R1 died took the%n"
                                + "slow path: a full timeout, then a retry (its max, %.1f ms); after that it sticks to R2.",
                                ". 다만 R1이 죽을 때 전송 중이던 요청은%n"
                                + "느린 길로 갔다: 타임아웃을 꽉 채운 뒤 재시도(최대 %.1f ms). 그 뒤로는 R2에 붙어 있다."), failover.maxMillis())
                        : String.format(t("; its slowest request took %.1f ms.", ". 가장 느린 요청은 %.1f ms 걸렸다."), failover.maxMillis())));
        lines.add("FAN_OUT" + (fanOut.failed() == 0 ? t(" hid the crash completely", "은 충돌을 완전히 가렸다")
                : t(" had " + fanOut.failed() + " errors", "은 오류가 " + fanOut.failed() + "개였다"))
                + String.format(t(", with a p99 of %.1f ms against failover's %.1f%n"
                        + "(the fastest of three answers), for %.2f messages per request, with the load on the replicas to match.",
                        ". p99는 %.1f ms(세 응답 중 가장 빠른 것), 장애 조치는 %.1f였다.%n"
                        + "그 대가로 요청마다 메시지 %.2f개를 쓰고, 복제본의 부하도 그만큼 늘어난다."),
                        fanOut.p99Millis(), failover.p99Millis(), fanOut.messagesPerRequest()));
        lines.add(String.format(t("HEDGED: %d errors, p99 %.1f ms, %.2f messages per request: a second copy only for requests%n"
                + "slower than the 10 ms hedge delay.",
                "HEDGED: 오류 %d개, p99 %.1f ms, 요청마다 메시지 %.2f개: 두 번째 사본은 10 ms 헤지 지연보다%n"
                + "느린 요청에만 보낸다."), hedged.failed(), hedged.p99Millis(), hedged.messagesPerRequest()));
        return lines;
    }
}
