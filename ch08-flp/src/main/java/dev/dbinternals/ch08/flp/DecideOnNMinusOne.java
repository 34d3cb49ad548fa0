package dev.dbinternals.ch08.flp;

import java.util.ArrayList;
import java.util.List;

/**
 * Broadcast the input and decide as soon as {@code n - 1} values are known (its own and the first
 * {@code n - 2} received): the majority of those, ties to 0.
 *
 * <p>Book: Chapter 8, "FLP Impossibility" (FLP 불가능성 이론). With at most one crash, n - 1
 * values always arrive, so <b>termination</b> holds. But different processes hear different
 * n - 1 values depending on the delivery order, so <b>agreement</b> fails in some schedule; with
 * n = 3 and inputs 011, process 0 decides 0 while process 1, hearing process 2 first, decides 1.
 * Stateless and thread-safe.
 */
public final class DecideOnNMinusOne implements ConsensusProtocol {

    @Override
    public String name() {
        return "DecideOnNMinusOne";
    }

    @Override
    public Reaction react(int self, int n, int input, List<Message> received) {
        if (received.isEmpty()) {
            return Reaction.send(Broadcast.toOthers(self, n, "value", input));
        }
        if (received.size() != n - 2) {
            return Reaction.nothing();
        }
        List<Integer> values = new ArrayList<>();
        values.add(input);
        received.forEach(m -> values.add(m.value()));
        return Reaction.decide(Broadcast.majority(values), List.of());
    }
}
