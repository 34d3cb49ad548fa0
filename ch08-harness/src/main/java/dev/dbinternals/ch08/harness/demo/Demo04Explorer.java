package dev.dbinternals.ch08.harness.demo;

import dev.dbinternals.ch08.harness.lang.Columns;
import static dev.dbinternals.ch08.harness.lang.Lang.t;

import dev.dbinternals.ch08.harness.explore.Explorer;
import dev.dbinternals.ch08.harness.explore.Explorer.Transition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Demo 4: the exhaustive explorer on a tiny protocol: send one message over a lossy link,
 * retransmit on timeout (at most {@code retries} times), acknowledge every copy. Instead of
 * sampling schedules it visits every state: every loss, every order, every early timeout.
 *
 * <p>Book: Chapter 8, "Message acknowledgments" (메시지 확인 응답), "Message retransmits"
 * (메시지 재전송) and "Two Generals' Problem" (두 장군 문제): retransmission trades loss for
 * duplicates, and the sender can give up on a message that did arrive.
 *
 * <p>A program with a {@code main}; not meant to be shared between threads.
 *
 * <p>Run: {@code ./ch08 demo ch08-harness explorer [--quick]}
 */
public final class Demo04Explorer {

    private Demo04Explorer() {
    }

    /**
     * The whole system as one immutable value: the sender's retries used and whether it got an
     * ack or gave up, the copies in flight each way, and how often the receiver delivered.
     */
    record State(int retriesUsed, boolean acked, boolean gaveUp, int dataInFlight, int acksInFlight, int delivered) {

        List<Transition<State>> next(int maxRetries) {
            List<Transition<State>> out = new ArrayList<>();
            if (dataInFlight > 0) {
                out.add(new Transition<>(t("deliver data", "데이터 전달"),
                        new State(retriesUsed, acked, gaveUp, dataInFlight - 1, acksInFlight + 1, delivered + 1)));
                out.add(new Transition<>(t("lose data", "데이터 손실"),
                        new State(retriesUsed, acked, gaveUp, dataInFlight - 1, acksInFlight, delivered)));
            }
            if (acksInFlight > 0) {
                out.add(new Transition<>(t("deliver ack", "ack 전달"),
                        new State(retriesUsed, acked || !gaveUp, gaveUp, dataInFlight, acksInFlight - 1, delivered)));
                out.add(new Transition<>(t("lose ack", "ack 손실"),
                        new State(retriesUsed, acked, gaveUp, dataInFlight, acksInFlight - 1, delivered)));
            }
            if (!acked && !gaveUp) {
                // in an asynchronous system a timeout can fire at any moment, even while the ack is on its way
                out.add(retriesUsed < maxRetries
                        ? new Transition<>(t("timeout: retransmit", "타임아웃: 재전송"),
                                new State(retriesUsed + 1, false, false, dataInFlight + 1, acksInFlight, delivered))
                        : new Transition<>(t("timeout: give up", "타임아웃: 포기"),
                                new State(retriesUsed, false, true, dataInFlight, acksInFlight, delivered)));
            }
            return out;
        }

        String outcome() {
            return t((acked ? "sender: delivered" : "sender: gave up  ") + " | receiver got it " + delivered + "x",
                    (acked ? "송신자: 전달됨" : "송신자: 포기함") + " | 수신자가 " + delivered + "번 받음");
        }
    }

    public static void main(String[] argv) {
        DemoArgs args = DemoArgs.forDemo("explorer", "every state of send + retransmit + ack over a lossy link",
                        "손실이 있는 링크 위의 전송 + 재전송 + ack의 모든 상태")
                .intOption("retries", 2, 0, 8, "how many retransmissions the sender may make (at most 4 with --quick)",
                        "송신자가 할 수 있는 재전송 횟수 (--quick이면 최대 4)")
                .check(a -> {
                    if (a.quick() && a.intValue("retries") > 4) {
                        throw new IllegalArgumentException(t("--retries must be from 0 to 4 with --quick (the state space grows fast), got "
                                + a.intValue("retries"), "--quick에서는 --retries가 0에서 4 사이여야 합니다 (상태 공간이 빠르게 커집니다). 받은 값: "
                                + a.intValue("retries")));
                    }
                })
                .writesNoFiles()
                .parse(argv);
        int retries = args.intValue("retries");
        State initial = new State(0, false, false, 1, 0, 0);
        var result = Explorer.of(initial, (State s) -> s.next(retries))
                .invariant(t("exactly-once delivery", "정확히 한 번 전달"), s -> s.delivered() <= 1)
                .invariant(t("the sender knows the outcome", "송신자가 결과를 안다"), s -> !(s.gaveUp() && s.delivered() > 0))
                .explore();

        DemoArgs.heading(System.out, t("Send, retransmit up to " + retries + " times, ack every copy; the link may lose anything",
                "전송하고, 최대 " + retries + "번 재전송하고, 사본마다 ack 한다; 링크는 무엇이든 잃을 수 있다"));
        System.out.printf(t("explored %d states and %d transitions; %d terminal states%n", "상태 %d개와 전이 %d개를 탐색했다; 종료 상태 %d개%n"), result.stateCount(),
                result.transitionCount(), result.terminalStates().size());

        DemoArgs.heading(System.out, t("Every complete execution, by outcome", "끝까지 간 모든 실행, 결과별로"));
        Map<String, Explorer.OutcomeCount> outcomes = result.countExecutionsByOutcome(State::outcome);
        outcomes.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> System.out.printf(
                t("%-42s %6d executions, e.g. %s%n", "%-42s 실행 %6d개, 예: %s%n"), e.getKey(), e.getValue().executions(), e.getValue().witness()));

        DemoArgs.heading(System.out, t("Invariants that fail, each with a shortest counterexample", "깨지는 불변식과 각각의 가장 짧은 반례"));
        result.violations().stream().collect(java.util.stream.Collectors.toMap(v -> v.invariant(), v -> v,
                        (x, y) -> x.path().size() <= y.path().size() ? x : y, java.util.LinkedHashMap::new))
                .values().forEach(v -> System.out.printf(t("%s violated after %s%n", "%s 깨지는 경로: %s%n"),
                        Columns.left(v.invariant(), 30), v.path()));
        System.out.println();
        System.out.println(t("Retransmission turns 'maybe lost' into 'maybe duplicated' (the receiver must deduplicate),",
                "재전송은 '잃었을지도'를 '중복됐을지도'로 바꾼다 (수신자는 중복 제거를 해야 한다)."));
        System.out.println(t("and a sender that gives up cannot know whether the message arrived: the uncertainty behind Two Generals.",
                "그리고 포기한 송신자는 메시지가 도착했는지 알 수 없다: 두 장군 문제 뒤에 있는 불확실성이다."));
    }
}
