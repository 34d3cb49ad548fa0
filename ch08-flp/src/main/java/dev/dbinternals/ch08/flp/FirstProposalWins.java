package dev.dbinternals.ch08.flp;

import java.util.List;

/**
 * A coordinator protocol: every other process sends its input to process 0; process 0 decides the
 * first proposal that reaches it and broadcasts the decision; the others adopt it.
 *
 * <p>Book: Chapter 8, "FLP Impossibility" (FLP 불가능성 이론). <b>Agreement</b> and
 * <b>validity</b> hold (everyone adopts one proposal), and with inputs that differ among
 * processes 1 .. n-1 the initial configuration is <em>bivalent</em>: whether the run decides 0 or 1
 * depends only on which proposal the network delivers first. That single delivery is a
 * <em>critical step</em>: both deciding deliveries are taken by process 0, which the proof of
 * FLP's Lemma 3 shows cannot happen in a protocol that decides without process 0. Here nobody
 * does: if process 0 crashes before it, no process ever decides. <b>Termination</b> fails.
 * Stateless and thread-safe.
 */
public final class FirstProposalWins implements ConsensusProtocol {

    @Override
    public String name() {
        return "FirstProposalWins";
    }

    @Override
    public Reaction react(int self, int n, int input, List<Message> received) {
        if (received.isEmpty()) {
            return self == 0 ? Reaction.nothing() : Reaction.send(List.of(new Message(self, 0, "propose", input)));
        }
        Message last = received.get(received.size() - 1);
        if (self == 0 && received.size() == 1) {
            return Reaction.decide(last.value(), Broadcast.toOthers(0, n, "decide", last.value()));
        }
        if (self != 0 && last.kind().equals("decide")) {
            return Reaction.decide(last.value(), List.of());
        }
        return Reaction.nothing();
    }
}
