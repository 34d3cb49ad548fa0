package dev.dbinternals.ch08.harness.demo;

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
                out.add(new Transition<>("deliver data",
                        new State(retriesUsed, acked, gaveUp, dataInFlight - 1, acksInFlight + 1, delivered + 1)));
                out.add(new Transition<>("lose data",
                        new State(retriesUsed, acked, gaveUp, dataInFlight - 1, acksInFlight, delivered)));
            }
            if (acksInFlight > 0) {
                out.add(new Transition<>("deliver ack",
                        new State(retriesUsed, acked || !gaveUp, gaveUp, dataInFlight, acksInFlight - 1, delivered)));
                out.add(new Transition<>("lose ack",
                        new State(retriesUsed, acked, gaveUp, dataInFlight, acksInFlight - 1, delivered)));
            }
            if (!acked && !gaveUp) {
                // in an asynchronous system a timeout can fire at any moment, even while the ack is on its way
                out.add(retriesUsed < maxRetries
                        ? new Transition<>("timeout: retransmit",
                                new State(retriesUsed + 1, false, false, dataInFlight + 1, acksInFlight, delivered))
                        : new Transition<>("timeout: give up",
                                new State(retriesUsed, false, true, dataInFlight, acksInFlight, delivered)));
            }
            return out;
        }

        String outcome() {
            return (acked ? "sender: delivered" : "sender: gave up  ") + " | receiver got it " + delivered + "x";
        }
    }

    public static void main(String[] argv) {
        DemoArgs args = DemoArgs.forDemo("explorer", "every state of send + retransmit + ack over a lossy link")
                .intOption("retries", 2, 0, 8, "how many retransmissions the sender may make (at most 4 with --quick)")
                .check(a -> {
                    if (a.quick() && a.intValue("retries") > 4) {
                        throw new IllegalArgumentException("--retries must be from 0 to 4 with --quick (the state space grows fast), got "
                                + a.intValue("retries"));
                    }
                })
                .writesNoFiles()
                .parse(argv);
        int retries = args.intValue("retries");
        State initial = new State(0, false, false, 1, 0, 0);
        var result = Explorer.of(initial, (State s) -> s.next(retries))
                .invariant("exactly-once delivery", s -> s.delivered() <= 1)
                .invariant("the sender knows the outcome", s -> !(s.gaveUp() && s.delivered() > 0))
                .explore();

        DemoArgs.heading(System.out, "Send, retransmit up to " + retries + " times, ack every copy; the link may lose anything");
        System.out.printf("explored %d states and %d transitions; %d terminal states%n", result.stateCount(),
                result.transitionCount(), result.terminalStates().size());

        DemoArgs.heading(System.out, "Every complete execution, by outcome");
        Map<String, Explorer.OutcomeCount> outcomes = result.countExecutionsByOutcome(State::outcome);
        outcomes.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> System.out.printf(
                "%-42s %6d executions, e.g. %s%n", e.getKey(), e.getValue().executions(), e.getValue().witness()));

        DemoArgs.heading(System.out, "Invariants that fail, each with a shortest counterexample");
        result.violations().stream().collect(java.util.stream.Collectors.toMap(v -> v.invariant(), v -> v,
                        (x, y) -> x.path().size() <= y.path().size() ? x : y, java.util.LinkedHashMap::new))
                .values().forEach(v -> System.out.printf("%-30s violated after %s%n", v.invariant(), v.path()));
        System.out.println();
        System.out.println("Retransmission turns 'maybe lost' into 'maybe duplicated' (the receiver must deduplicate),");
        System.out.println("and a sender that gives up cannot know whether the message arrived: the uncertainty behind Two Generals.");
    }
}
