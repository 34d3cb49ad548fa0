package dev.dbinternals.ch08.flp;

import java.util.List;

/**
 * Exercise flp-1, reference solution: broadcast the input and decide the minimum once every
 * input is known. Everyone decides over the same set, so agreement and validity hold; and a
 * process waiting for a crashed one waits forever. That run contains a crash, which is weaker than
 * FLP's non-deciding run (it has none); in this finite model, where every crash-free run ends,
 * waiting for a dead process is the only way to stay undecided.
 */
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
        if (received.size() < n - 1) {
            return Reaction.nothing();
        }
        int min = input;
        for (Message m : received) {
            min = Math.min(min, m.value());
        }
        return Reaction.decide(min, List.of());
    }
}
