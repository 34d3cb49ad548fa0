package dev.dbinternals.ch08.flp;

import java.util.ArrayList;
import java.util.List;

/**
 * Broadcast the input, wait for every other process's input, decide the majority.
 *
 * <p>Book: Chapter 8, "FLP Impossibility" (FLP 불가능성 이론). Every process decides on the same
 * n values, so <b>agreement</b> and <b>validity</b> hold in every run. But a process that waits for
 * all n values waits forever for one that crashed before sending: in the asynchronous model it
 * cannot tell a crashed process from a slow one, so it cannot stop waiting. <b>Termination</b>
 * fails as soon as one process may crash. Every initial configuration is univalent (the inputs
 * fix the majority); by FLP's Lemma 2 (a protocol that tolerates one crash has a bivalent initial
 * configuration) that alone already shows it cannot tolerate a crash.
 * Stateless and thread-safe.
 */
public final class WaitForAll implements ConsensusProtocol {

    @Override
    public String name() {
        return "WaitForAll";
    }

    @Override
    public Reaction react(int self, int n, int input, List<Message> received) {
        if (received.isEmpty()) {
            return Reaction.send(Broadcast.toOthers(self, n, "value", input));
        }
        if (received.size() < n - 1) {
            return Reaction.nothing();
        }
        List<Integer> values = new ArrayList<>();
        values.add(input);
        received.forEach(m -> values.add(m.value()));
        return Reaction.decide(Broadcast.majority(values), List.of());
    }
}
