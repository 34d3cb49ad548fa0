package dev.dbinternals.ch08.flp;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@link ConsensusProtocol} in FLP's own model, for {@link FlpAdversary}: a step receives one
 * message and hands all the messages it sends to the network at once (the {@link ConsensusModel}
 * of demos 1 and 2 makes each send a step of its own). Its runs are finite, so there are no rounds
 * to renumber.
 *
 * <p>Book: Chapter 8, "FLP Impossibility" (FLP 불가능성 이론). Used to show where FLP's
 * construction stops for {@link FirstProposalWins}: Lemma 3 fails, because nobody decides
 * without the coordinator. Immutable and thread-safe.
 */
public final class AtomicSteps implements RoundProtocol<AtomicSteps.Local, Message> {

    /** A process: its input, what it received in order, and its first decision. */
    public record Local(int input, List<Message> received, int decision) {

        public Local {
            received = List.copyOf(received);
        }
    }

    private final ConsensusProtocol protocol;
    private final int n;

    public AtomicSteps(ConsensusProtocol protocol, int n) {
        this.protocol = protocol;
        this.n = n;
    }

    @Override
    public String name() {
        return protocol.name();
    }

    @Override
    public int n() {
        return n;
    }

    @Override
    public RoundProtocol.Step<Local, Message> start(int self, int input) {
        Reaction r = protocol.react(self, n, input, List.of());
        return new RoundProtocol.Step<>(new Local(input, List.of(), r.decide()), r.send());
    }

    @Override
    public RoundProtocol.Step<Local, Message> receive(int self, Local s, Message m) {
        List<Message> received = new ArrayList<>(s.received());
        received.add(m);
        Reaction r = protocol.react(self, n, s.input(), received);
        return new RoundProtocol.Step<>(new Local(s.input(), received, s.decision() != Reaction.NONE ? s.decision() : r.decide()), r.send());
    }

    @Override
    public int from(Message m) {
        return m.from();
    }

    @Override
    public int to(Message m) {
        return m.to();
    }

    @Override
    public int decision(Local s) {
        return s.decision();
    }

    @Override
    public int round(Local s) {
        return 0;
    }

    @Override
    public Local shifted(Local s, int delta) {
        return s;
    }

    @Override
    public Message shifted(Message m, int delta) {
        return m;
    }
}
