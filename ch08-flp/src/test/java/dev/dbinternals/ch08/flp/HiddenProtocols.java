package dev.dbinternals.ch08.flp;

import java.util.List;

/** Protocols the exercise tests grade on that the module does not show the reader. Each keeps agreement and validity. */
final class HiddenProtocols {

    private HiddenProtocols() {
    }

    /** p1 and p2 propose to p0, which decides the SECOND proposal it receives and tells the others. */
    static final class LastProposalWins implements ConsensusProtocol {
        @Override
        public String name() {
            return "LastProposalWins";
        }

        @Override
        public Reaction react(int self, int n, int input, List<Message> received) {
            if (received.isEmpty()) {
                return self == 0 ? Reaction.nothing() : Reaction.send(List.of(new Message(self, 0, "propose", input)));
            }
            Message last = received.get(received.size() - 1);
            if (self == 0 && received.size() == 2) {
                return Reaction.decide(last.value(), Broadcast.toOthers(0, n, "decide", last.value()));
            }
            return self != 0 && last.kind().equals("decide") ? Reaction.decide(last.value(), List.of()) : Reaction.nothing();
        }
    }

    /** p0 and p1 send their inputs to p2, which decides the first one it gets and tells p0 and p1. */
    static final class RelayFirst implements ConsensusProtocol {
        @Override
        public String name() {
            return "RelayFirst";
        }

        @Override
        public Reaction react(int self, int n, int input, List<Message> received) {
            if (received.isEmpty()) {
                return self == 2 ? Reaction.nothing() : Reaction.send(List.of(new Message(self, 2, "input", input)));
            }
            Message last = received.get(received.size() - 1);
            if (self == 2 && received.size() == 1) {
                return Reaction.decide(last.value(), List.of(new Message(2, 0, "chosen", last.value()), new Message(2, 1, "chosen", last.value())));
            }
            return self != 2 && last.kind().equals("chosen") ? Reaction.decide(last.value(), List.of()) : Reaction.nothing();
        }
    }

    /**
     * Five processes: p1 and p2 send their inputs to the relays p3 and p4; each relay forwards the
     * first input it gets to p0; p0 decides the first forward. Only p0 decides (so it keeps
     * agreement and validity, not termination: the exercise using it is about valence, and a
     * smaller state space keeps it fast).
     */
    static final class RelayRace implements ConsensusProtocol {
        @Override
        public String name() {
            return "RelayRace";
        }

        @Override
        public Reaction react(int self, int n, int input, List<Message> received) {
            if (received.isEmpty()) {
                if (self == 1 || self == 2) {
                    return Reaction.send(List.of(new Message(self, 3, "input", input), new Message(self, 4, "input", input)));
                }
                return Reaction.nothing();
            }
            Message last = received.get(received.size() - 1);
            if ((self == 3 || self == 4) && received.size() == 1) {
                return Reaction.send(List.of(new Message(self, 0, "forward", last.value())));
            }
            return self == 0 && received.size() == 1 ? Reaction.decide(last.value(), List.of()) : Reaction.nothing();
        }
    }
}
