package dev.dbinternals.ch08.flp;

import java.util.List;

/**
 * Decide 0 at once, whatever the inputs.
 *
 * <p>Book: Chapter 8, "FLP Impossibility" (FLP 불가능성 이론). <b>Agreement</b> and
 * <b>termination</b> hold trivially, without a single message; <b>validity</b> fails (inputs 111
 * decide 0). This is why validity is part of consensus: without it the problem is empty.
 * Stateless and thread-safe.
 */
public final class FixedDefault implements ConsensusProtocol {

    @Override
    public String name() {
        return "FixedDefault(0)";
    }

    @Override
    public Reaction react(int self, int n, int input, List<Message> received) {
        return received.isEmpty() ? Reaction.decide(0, List.of()) : Reaction.nothing();
    }
}
