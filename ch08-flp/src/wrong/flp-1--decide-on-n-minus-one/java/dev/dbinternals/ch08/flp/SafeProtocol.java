// Wrong solution for flp-1: never waits for a process that may have crashed, deciding on the first n - 1 inputs known.
package dev.dbinternals.ch08.flp;

import java.util.ArrayList;
import java.util.List;

public final class SafeProtocol implements ConsensusProtocol {

    @Override
    public String name() {
        return "SafeProtocol";
    }

    @Override
    public Reaction react(int self, int n, int input, List<Message> received) {
        if (received.isEmpty()) {
            return Reaction.send(Broadcast.toOthers(self, n, "value", input));
        }
        if (received.size() != n - 2) {
            return Reaction.nothing();
        }
        List<Integer> values = new ArrayList<>(List.of(input));
        received.forEach(m -> values.add(m.value()));
        return Reaction.decide(values.stream().min(Integer::compare).orElseThrow(), List.of());
    }
}
